package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/internal/gen"
)

// runCLI runs the command line in dir and returns its exit code and
// outputs.
func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestDatabaseSources runs diff and inspect against an ephemeral cluster:
// a database built from a large generated schema (tables with keys,
// indexes and foreign keys, views and PL/pgSQL functions) inspects to
// SQL that builds the same schema, and diff from that database to the
// fixture prints nothing (with a dev database to read the fixture's views
// and bodies as the server stores them); a change to the fixture is
// planned from the database.
func TestDatabaseSources(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	ctx := t.Context()
	cluster := devdb.StartT(t)
	dir := t.TempDir()
	fixture := gen.SchemaSQL(5000, 100)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "schema.hcl"), []byte(fixture), 0o644))

	// Build the database from the fixture with the plan from nothing.
	code, plan, stderr := runCLI(t, dir, "diff", "--from", "empty.sql", "--to", "schema.hcl")
	require.Equal(t, 2, code, "no empty.sql yet: %s", stderr)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.sql"), []byte("-- nothing\n"), 0o644))
	code, plan, stderr = runCLI(t, dir, "diff", "--from", "empty.sql", "--to", "schema.hcl")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, plan, "CREATE TABLE public.t0")
	appURL, err := cluster.CreateDatabase(ctx, "app")
	require.NoError(t, err)
	app, err := pgx.Connect(ctx, appURL)
	require.NoError(t, err)
	defer app.Close(context.Background())
	_, err = app.Exec(ctx, plan)
	require.NoError(t, err)
	devURL, err := cluster.CreateDatabase(ctx, "dev")
	require.NoError(t, err)

	// inspect prints SQL that builds the same schema.
	code, inspected, stderr := runCLI(t, dir, "inspect", "--url", appURL)
	require.Equal(t, 0, code, stderr)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "inspected.sql"), []byte(inspected), 0o644))
	code, out, stderr := runCLI(t, dir, "diff", "--from", appURL, "--to", "inspected.sql", "--dev-url", devURL)
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, out, "the database against its own inspection")

	// inspect --format hcl prints a schema file that check accepts and
	// that describes the same database.
	code, hcl, stderr := runCLI(t, dir, "inspect", "--url", appURL, "--format", "hcl")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "inspected"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "inspected", "schema.hcl"), []byte(hcl), 0o644))
	code, out, stderr = runCLI(t, dir, "check", "inspected")
	assert.Equal(t, 0, code, out+stderr)
	assert.Empty(t, out, "check finds nothing in inspected HCL")
	code, out, stderr = runCLI(t, dir, "diff", "--from", appURL, "--to", "inspected", "--dev-url", devURL)
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, out, "the database against its inspection as HCL")

	// diff from the database to the fixture it was built from: nothing.
	code, out, stderr = runCLI(t, dir, "diff", "--from", appURL, "--to", "schema.hcl", "--dev-url", devURL)
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, out, "the database against its fixture")

	// A change to the fixture is planned from the database.
	changed := strings.Replace(fixture, "table \"t0\" {", "table \"t0\" {\n  column \"note\" {\n    type = text\n    null = true\n  }", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "schema.hcl"), []byte(changed), 0o644))
	code, out, stderr = runCLI(t, dir, "diff", "--from", appURL, "--to", "schema.hcl", "--dev-url", devURL)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "ALTER TABLE public.t0 ADD COLUMN note text;\n", out)

	// The dev database is left empty, and a wrong password is not printed.
	code, out, _ = runCLI(t, dir, "inspect", "--url", devURL)
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	bad := strings.Replace(appURL, "postgres://", "postgres://someone:s3cret@", 1)
	code, _, stderr = runCLI(t, dir, "diff", "--from", bad, "--to", "schema.hcl")
	assert.Equal(t, 2, code)
	assert.NotContains(t, stderr, "s3cret")
}

// TestDiffCurrentUser: PostgreSQL stores the role CURRENT_USER names in a
// policy, so a database built from a file that says CURRENT_USER holds a
// role name; diff reads it as the role it connected as, and finds
// nothing to do.
func TestDiffCurrentUser(t *testing.T) {
	const file = "CREATE TABLE t (a int);\nCREATE POLICY p ON t TO CURRENT_USER USING (a > 0);\n"
	dir, url := databaseOf(t, file, file)

	code, out, stderr := runCLI(t, dir, "diff", "--from", url, "--to", "schema.sql")
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, out)

	// Another role is a change.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(strings.Replace(file, "CURRENT_USER", "PUBLIC", 1)), 0o644))
	code, out, stderr = runCLI(t, dir, "diff", "--from", url, "--to", "schema.sql")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "ALTER POLICY p ON public.t TO PUBLIC;\n", out)
}

// TestDiffWithoutDevDatabase: a database built from a file and the file
// itself plan nothing without a dev database for the spellings
// PostgreSQL changes that can be read back without one: IN lists, casts
// of compared constants, the public schema's names, columns qualified by
// a view's one relation, a select-list alias equal to its name.
func TestDiffWithoutDevDatabase(t *testing.T) {
	const file = `CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE public.users (
  id int PRIMARY KEY,
  email text NOT NULL CHECK (email <> ''),
  status text CHECK (status IN ('new', 'active')),
  price numeric(10,2) CHECK (price > 0),
  m public.mood DEFAULT 'ok',
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX users_email ON users (lower(email)) WHERE active;
CREATE VIEW active_users AS SELECT id, email FROM public.users WHERE active AND status IN ('new', 'active');
CREATE VIEW user_counts AS SELECT status, count(*) FROM users GROUP BY status;
`
	dir, url := databaseOf(t, file, file)

	code, out, stderr := runCLI(t, dir, "diff", "--from", url, "--to", "schema.sql")
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, out)
}

// TestDiffSchemaScope: a file describing one schema of a database plans
// dropping the others, unless the plan is scoped to it: by --schema, or
// by the URL's search_path as Atlas scopes one.
func TestDiffSchemaScope(t *testing.T) {
	const file = "CREATE TABLE t (id int);\n"
	dir, url := databaseOf(t, file+"CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int);", file+"CREATE TABLE u (id int);\n")

	code, out, stderr := runCLI(t, dir, "diff", "--from", url, "--to", "schema.sql")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "DROP TABLE billing.invoices;\nCREATE TABLE public.u (\n  id integer\n);\nDROP SCHEMA billing;\n", out, "unscoped")

	want := "CREATE TABLE public.u (\n  id integer\n);\n"
	code, out, stderr = runCLI(t, dir, "diff", "--from", url, "--to", "schema.sql", "--schema", "public")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, want, out, "--schema public")
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	code, out, stderr = runCLI(t, dir, "diff", "--from", url+sep+"search_path=public", "--to", "schema.sql")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, want, out, "search_path=public")

	code, out, stderr = runCLI(t, dir, "inspect", "--url", url+sep+"search_path=billing")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "billing.invoices")
	assert.NotContains(t, out, "public.t")
}

// databaseOf starts a cluster, creates a database on it that ran sql, and
// writes file to schema.sql in a new directory; it returns the directory
// and the database's URL.
func databaseOf(t *testing.T, sql, file string) (dir, url string) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	ctx := t.Context()
	cluster := devdb.StartT(t)
	dir = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(file), 0o644))
	url, err := cluster.CreateDatabase(ctx, "app")
	require.NoError(t, err)
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	require.NoError(t, err)
	return dir, url
}
