package diff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

func loadSQL(t *testing.T, sql string) *schema.Realm {
	t.Helper()
	l := sqlsupport.Load(sqlsupport.Source{Name: "x.sql", Text: sql})
	require.Empty(t, l.Diags["x.sql"])
	return l.Realm
}

// TestServerVersion: with the server's version known, the plan keeps to
// what it accepts, and warns of what the desired schema needs a later
// one for.
func TestServerVersion(t *testing.T) {
	const fn = "CREATE TABLE t (a int, b int);\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
	from := loadSQL(t, fn+"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();")
	to := loadSQL(t, fn+"CREATE TRIGGER tr BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();")
	replace := "CREATE OR REPLACE TRIGGER tr BEFORE INSERT OR UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.f();\n"
	for _, v := range []int{0, 140000, 170002} {
		assert.Equal(t, replace, Compute(from, to, Options{ServerVersion: v}).SQL(), "version %d", v)
	}
	assert.Equal(t, "DROP TRIGGER tr ON public.t;\nCREATE TRIGGER tr BEFORE INSERT OR UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.f();\n",
		Compute(from, to, Options{ServerVersion: 130011}).SQL(), "PostgreSQL 13 has no OR REPLACE TRIGGER")

	newer := loadSQL(t, `CREATE TABLE u (a int, b int, CONSTRAINT u_a UNIQUE NULLS NOT DISTINCT (a), CONSTRAINT u_b FOREIGN KEY (a, b) REFERENCES u (a, b) ON DELETE SET NULL (b));
CREATE UNIQUE INDEX u_ab ON u (a, b);
CREATE VIEW v WITH (security_invoker) AS SELECT a FROM u;`)
	assert.Empty(t, Compute(nil, newer, Options{}).Warnings)
	assert.Empty(t, Compute(nil, newer, Options{ServerVersion: 150000}).Warnings)
	assert.Equal(t, []string{
		"NULLS NOT DISTINCT (u_a on public.u) needs PostgreSQL 15 or later; the server is 14",
		"ON DELETE SET NULL or SET DEFAULT with columns (u_b on public.u) needs PostgreSQL 15 or later; the server is 14",
		"security_invoker (view public.v) needs PostgreSQL 15 or later; the server is 14",
	}, Compute(nil, newer, Options{ServerVersion: 140010}).Warnings)
	assert.Equal(t, "9.6", versionText(90624))
}
