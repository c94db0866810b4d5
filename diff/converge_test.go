package diff_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/inspect/inspecttest"
	"github.com/schema-ls/schema-ls/schema"
)

// TestPlansConverge runs every case on a real PostgreSQL: the current
// schema is applied to an empty database, then the plan, which must run
// without an error; the desired schema is applied to another. Then the
// two databases, inspected, must hold the same schema — but for the
// order of columns, which PostgreSQL cannot change (it adds columns at
// the end) and the planner does not try to — and planning from the first
// to the second must find nothing. Last, the desired database inspected
// must hold the model loaded from the desired file (inspecttest's rules).
func TestPlansConverge(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	paths, err := filepath.Glob("../testdata/diff/*.txtar")
	require.NoError(t, err)
	cluster := devdb.StartT(t)
	ctx := t.Context()
	db := connectFresh(ctx, t, cluster, "planned")
	want := connectFresh(ctx, t, cluster, "desired")
	for _, path := range paths {
		c := LoadCase(t, path)
		t.Run(c.Name, func(t *testing.T) {
			plan := diff.Compute(c.Current, c.Desired, Options)
			reset(ctx, t, db)
			if cur := sqlOf(c, "current"); cur != "" {
				exec(ctx, t, db, cur, "current schema")
			}
			for _, ch := range plan.Changes {
				if _, err := db.Exec(ctx, ch.SQL); err != nil {
					t.Fatalf("the plan fails: %v\nat: %s\nplan:\n%s", err, ch.SQL, plan.SQL())
				}
			}
			reset(ctx, t, want)
			if des := sqlOf(c, "desired"); des != "" {
				exec(ctx, t, want, des, "desired schema")
			}
			got, err := inspect.Inspect(ctx, db, inspect.Options{})
			require.NoError(t, err)
			wanted, err := inspect.Inspect(ctx, want, inspect.Options{})
			require.NoError(t, err)
			sortColumns(got)
			sortColumns(wanted)
			if d := schema.Diff(wanted, got); d != "" {
				t.Fatalf("after the plan the database differs from the desired one (- desired, + planned):\n%s\nplan:\n%s", d, plan.SQL())
			}
			assert.Empty(t, diff.Compute(got, wanted, Options).SQL(), "planning again")

			// The desired database holds what the desired file says.
			loaded := LoadCase(t, c.Path).Desired
			sortColumns(loaded)
			inspecttest.Comparable(t, want, loaded, wanted)
			if d := schema.Diff(loaded, wanted); d != "" {
				t.Errorf("the desired file's model (-) differs from its database's (+):\n%s", d)
			}
		})
	}
}

// sortColumns orders every table's columns by name.
func sortColumns(r *schema.Realm) {
	for _, s := range r.Schemas {
		for _, t := range s.Tables {
			slices.SortFunc(t.Columns, func(a, b *schema.Column) int { return strings.Compare(a.Name, b.Name) })
		}
	}
}

// reset empties a database (devdb.Empty).
func reset(ctx context.Context, t *testing.T, db *pgx.Conn) {
	t.Helper()
	require.NoError(t, devdb.Empty(ctx, db))
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
