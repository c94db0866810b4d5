package sqlsupport

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnalyze(t *testing.T) {
	text := `CREATE TABLE users (
  id int PRIMARY KEY,
  email text NOT NULL CHECK (emial <> ''),
  created timestamptz DEFAULT now()
);
CREATE TABLE orders (
  id int,
  user_id int REFERENCES users (id),
  total numeric,
  CHECK (total >= 0)
);
CREATE INDEX orders_user ON orders (user_id) WHERE total > 0;
CREATE VIEW big AS SELECT u.email, o.total FROM users u JOIN orders o ON o.user_id = u.id;
CREATE FUNCTION spent(uid int) RETURNS numeric LANGUAGE sql AS $$ SELECT sum(total) FROM orders WHERE user_id = uid $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW WHEN (NEW.total IS DISTINCT FROM OLD.totl) EXECUTE FUNCTION touch();
CREATE POLICY p ON orders USING (user_id = current_setting('app.uid')::int);
SELECT * FROM ordrs;
`
	a := Analyze(Source{Name: "schema.sql", Text: text})
	name := func(r Name) string { return text[r.Range.Start:r.Range.End] }
	var decls []string
	for _, d := range a.Decls {
		decls = append(decls, name(d))
	}
	assert.Equal(t, []string{"users", "id", "email", "created", "orders", "id", "user_id", "total", "big", "spent", "touch"}, decls)
	var uses []string
	for _, u := range a.Uses {
		uses = append(uses, name(u))
	}
	// An index's plain column names carry no position in pg_query's tree
	// and are not counted; its expressions and predicate are.
	assert.Equal(t, []string{"users", "total", "orders", "total", "users", "orders", "user_id", "id", "email", "total",
		"orders", "total", "user_id", "orders", "total", "touch", "orders", "user_id"}, uses)
	var warnings []string
	for _, d := range a.Diags["schema.sql"] {
		if d.Code == CodeName {
			warnings = append(warnings, text[d.Range.Start:d.Range.End]+": "+d.Message)
		}
	}
	assert.Equal(t, []string{
		`emial: SQL: column "emial" does not exist; did you mean email?`,
		`totl: SQL: column "totl" of table "orders" does not exist; did you mean total?`,
		`ordrs: SQL: relation "ordrs" does not exist; did you mean orders?`,
	}, warnings)
	// Every use points at a declaration.
	targets := map[any]bool{}
	for _, d := range a.Decls {
		targets[d.Target] = true
	}
	for _, u := range a.Uses {
		require.True(t, targets[u.Target], "use %q at %v has no declaration", name(u), u.Range)
	}
}

func TestAnalyzeTriggerFunction(t *testing.T) {
	text := `CREATE TABLE t (id int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nope();
`
	a := Analyze(Source{Name: "s.sql", Text: text})
	var got []string
	for _, d := range a.Diags["s.sql"] {
		if d.Code == CodeName {
			got = append(got, text[d.Range.Start:d.Range.End]+": "+d.Message)
		}
	}
	assert.Equal(t, []string{
		"f: SQL: function f returns integer; a trigger function must return trigger",
		"nope: SQL: function nope does not exist",
	}, got)
}
