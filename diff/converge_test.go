package diff_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/schema"
)

// TestPlansApply runs every case on a real PostgreSQL: the current schema
// is applied to a fresh database, then the plan, which must run without
// an error; the desired schema alone must apply too.
func TestPlansApply(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	paths, err := filepath.Glob("../testdata/diff/*.txtar")
	require.NoError(t, err)
	cluster := devdb.StartT(t)
	ctx := t.Context()
	db := connectFresh(ctx, t, cluster, "plans")
	for _, path := range paths {
		c := LoadCase(t, path)
		t.Run(c.Name, func(t *testing.T) {
			plan := diff.Compute(c.Current, c.Desired, Options)
			reset(ctx, t, db)
			if cur := sqlOf(c, "current"); cur != "" {
				exec(ctx, t, db, cur, "current schema")
			}
			for _, ch := range plan.Changes {
				exec(ctx, t, db, ch.SQL, "plan")
			}
			reset(ctx, t, db)
			if des := sqlOf(c, "desired"); des != "" {
				exec(ctx, t, db, des, "desired schema")
			}
		})
	}
}

// reset empties a database: every schema but PostgreSQL's own is dropped
// with what it holds (extensions included), and public made again.
func reset(ctx context.Context, t *testing.T, db *pgx.Conn) {
	t.Helper()
	exec(ctx, t, db, `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public`, "reset")
}

// sqlOf returns the SQL of a side (HCL sides are planned from nothing).
func sqlOf(c *Case, side string) string {
	if s := c.Section(side + ".sql"); s != "" {
		return s
	}
	if c.Section(side+".hcl") != "" {
		return diff.Compute(nil, sideRealm(c, side), Options).SQL()
	}
	return ""
}

func sideRealm(c *Case, side string) *schema.Realm {
	if side == "current" {
		return c.Current
	}
	return c.Desired
}

func connectFresh(ctx context.Context, t *testing.T, cluster *devdb.Cluster, name string) *pgx.Conn {
	url, err := cluster.CreateDatabase(ctx, name)
	require.NoError(t, err)
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func exec(ctx context.Context, t *testing.T, db *pgx.Conn, sql, what string) {
	t.Helper()
	if _, err := db.Exec(ctx, sql); err != nil {
		t.Fatalf("%s fails: %v\n%s", what, err, strings.TrimSpace(sql))
	}
}
