package inspect_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/inspect/inspecttest"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// connect creates a fresh database on the cluster and connects to it.
func connect(t *testing.T, cluster *devdb.Cluster, name string) *pgx.Conn {
	t.Helper()
	ctx := t.Context()
	url, err := cluster.CreateDatabase(ctx, name)
	require.NoError(t, err)
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx := context.Background()
		require.NoError(t, conn.Close(ctx))
		admin, err := cluster.Connect(ctx)
		require.NoError(t, err)
		defer admin.Close(ctx)
		_, err = admin.Exec(ctx, "DROP DATABASE "+pgx.Identifier{name}.Sanitize())
		assert.NoError(t, err)
	})
	return conn
}

// TestPairs is the round trip: for each testdata/sqlmodel archive, its SQL
// runs on a fresh database, and the inspected realm must equal the realm
// sqlsupport.Load builds from the same SQL, but for positions, the order
// of named objects and the differences canon_test.go lists.
func TestPairs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "sqlmodel", "*.txtar"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	cluster := devdb.StartT(t)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			var sources []sqlsupport.Source
			for _, f := range ar.Files {
				if filepath.Ext(f.Name) == ".sql" {
					sources = append(sources, sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
				}
			}
			roundTrip(t, cluster, "pair_"+name, sources)
		})
	}
}

// TestRoundTrip is TestPairs for the schemas of testdata/roundtrip, which
// cover what the pairs leave out.
func TestRoundTrip(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "roundtrip", "*.sql"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	cluster := devdb.StartT(t)
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".sql")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			text, err := os.ReadFile(path)
			require.NoError(t, err)
			roundTrip(t, cluster, "rt_"+name, []sqlsupport.Source{{Name: path, Text: string(text)}})
		})
	}
}

// roundTrip applies the sources, in order, to a new database called
// name, inspects it and compares the result with the loaded sources.
func roundTrip(t *testing.T, cluster *devdb.Cluster, name string, sources []sqlsupport.Source) {
	ctx := t.Context()
	require.NotEmpty(t, sources)
	conn := connect(t, cluster, name)
	if why := inspecttest.CannotApply(ctx, conn, strings.TrimPrefix(name, "pair_")); why != "" {
		t.Skip(why)
	}
	for _, src := range sources {
		_, err := conn.Exec(ctx, src.Text)
		require.NoError(t, err, "applying %s", src.Name)
	}
	got, err := inspect.Inspect(ctx, conn, inspect.Options{})
	require.NoError(t, err)
	loaded := sqlsupport.Load(sources...)
	for file, diags := range loaded.Diags {
		for _, d := range diags {
			if d.Code != sqlsupport.CodeNotModelled {
				t.Fatalf("loading %s: %v", file, d)
			}
		}
	}
	want := loaded.Realm
	inspecttest.Comparable(t, conn, want, got)
	if d := schema.Diff(want, got); d != "" {
		t.Errorf("the loaded (-) and inspected (+) models differ:\n%s", d)
	}
}

// TestEmptyDatabase: a new database inspects as an empty realm. Its public
// schema, empty and with PostgreSQL's own comment, is left out, as the
// loader makes public only when something lands in it.
func TestEmptyDatabase(t *testing.T) {
	cluster := devdb.StartT(t)
	conn := connect(t, cluster, "empty")
	got, err := inspect.Inspect(t.Context(), conn, inspect.Options{})
	require.NoError(t, err)
	assert.Empty(t, schema.Diff(&schema.Realm{}, got))

	// Once public holds something, or has a comment of the user's, it is
	// there.
	_, err = conn.Exec(t.Context(), "COMMENT ON SCHEMA public IS 'mine'")
	require.NoError(t, err)
	got, err = inspect.Inspect(t.Context(), conn, inspect.Options{})
	require.NoError(t, err)
	assert.Empty(t, schema.Diff(&schema.Realm{Schemas: []*schema.Schema{{Name: "public", Comment: "mine"}}}, got))
}

// TestSchemasOption: Options.Schemas limits what is read, and an unknown
// schema reads as nothing.
func TestSchemasOption(t *testing.T) {
	cluster := devdb.StartT(t)
	conn := connect(t, cluster, "options")
	ctx := t.Context()
	_, err := conn.Exec(ctx, `
CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.t (id int NOT NULL);
CREATE TABLE b.u (id int NOT NULL, t_id int);
CREATE TYPE a.mood AS ENUM ('ok');
CREATE TABLE b.v (m a.mood, up text DEFAULT upper('x'))`)
	require.NoError(t, err)
	got, err := inspect.Inspect(ctx, conn, inspect.Options{Schemas: []string{"b"}})
	require.NoError(t, err)
	require.Len(t, got.Schemas, 1)
	b := got.Schemas[0]
	assert.Equal(t, "b", b.Name)
	assert.Len(t, b.Tables, 2)
	assert.Equal(t, schema.Type{UserKind: "enum", UserSchema: "a", Name: "mood"}, b.Table("v").Column("m").Type, "a type from a schema left out")

	got, err = inspect.Inspect(ctx, conn, inspect.Options{Schemas: []string{"nope"}})
	require.NoError(t, err)
	assert.Empty(t, schema.Diff(&schema.Realm{}, got))

	got, err = inspect.Inspect(ctx, conn, inspect.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, []string{got.Schemas[0].Name, got.Schemas[1].Name}, "empty public left out")

	// Inspect runs its own transaction, and leaves the caller's alone.
	tx, err := conn.Begin(ctx)
	require.NoError(t, err)
	_, err = inspect.Inspect(ctx, conn, inspect.Options{})
	assert.ErrorContains(t, err, "in a transaction")
	require.NoError(t, tx.Rollback(ctx))
}

// TestSearchPathPerSchema: each schema is read with search_path set to
// it, then public, so its objects' SQL names what resolves there
// unqualified, and what it would not find first qualified: a view of
// shop reading public.users while shop has a users too says public.
func TestSearchPathPerSchema(t *testing.T) {
	cluster := devdb.StartT(t)
	conn := connect(t, cluster, "paths")
	ctx := t.Context()
	_, err := conn.Exec(ctx, `
CREATE TABLE users (id int);
CREATE TABLE accounts (id int);
CREATE SCHEMA shop;
CREATE TABLE shop.users (id int, name text);
CREATE VIEW shop.everyone AS SELECT id FROM public.users;
CREATE VIEW shop.customers AS SELECT id, name FROM shop.users;
CREATE VIEW shop.all_accounts AS SELECT id FROM public.accounts;
CREATE VIEW public.buyers AS SELECT id FROM shop.users;`)
	require.NoError(t, err)
	got, err := inspect.Inspect(ctx, conn, inspect.Options{})
	require.NoError(t, err)
	def := func(s, v string) string {
		for _, x := range got.Schema(s).Views {
			if x.Name == v {
				return strings.Join(strings.Fields(x.Def), " ")
			}
		}
		return ""
	}
	assert.Equal(t, "SELECT users.id FROM public.users", def("shop", "everyone"), "shop.users would be found first")
	assert.Equal(t, "SELECT users.id, users.name FROM users", def("shop", "customers"))
	assert.Equal(t, "SELECT accounts.id FROM accounts", def("shop", "all_accounts"), "public's, found second")
	assert.Equal(t, "SELECT users.id FROM shop.users", def("public", "buyers"))
}
