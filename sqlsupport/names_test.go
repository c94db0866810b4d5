package sqlsupport

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/schema"
)

func testRealm() *schema.Realm {
	pub := &schema.Schema{Name: "public"}
	users := &schema.Table{Schema: pub, Name: "users", Columns: []*schema.Column{{Name: "id"}, {Name: "name"}, {Name: "email"}}}
	orders := &schema.Table{Schema: pub, Name: "orders", Columns: []*schema.Column{{Name: "id"}, {Name: "user_id"}, {Name: "total"}}}
	active := &schema.View{Schema: pub, Name: "active", Columns: []*schema.Column{{Name: "id"}}}
	opaque := &schema.View{Schema: pub, Name: "opaque"}
	pub.Tables = []*schema.Table{users, orders}
	pub.Views = []*schema.View{active, opaque}
	pub.Funcs = []*schema.Func{{Schema: pub, Name: "score"}}
	audit := &schema.Schema{Name: "audit", Tables: []*schema.Table{{Name: "log", Columns: []*schema.Column{{Name: "at"}}}}}
	audit.Tables[0].Schema = audit
	return &schema.Realm{Schemas: []*schema.Schema{pub, audit}}
}

// render lists uses as "text:kind" for resolved and "text!problem" for
// unresolved names.
func render(text string, uses []Use) []string {
	var out []string
	for _, u := range uses {
		name := text[u.Range.Start:u.Range.End]
		if u.Problem != "" {
			out = append(out, name+"!"+u.Problem)
			continue
		}
		kind := map[UseKind]string{UseRelation: "rel", UseColumn: "col", UseFunction: "fn"}[u.Kind]
		out = append(out, fmt.Sprintf("%s:%s", name, kind))
	}
	return out
}

func TestNames(t *testing.T) {
	realm := testRealm()
	for _, tc := range []struct {
		sql  string
		want []string
	}{
		{"SELECT id, name FROM users", []string{"users:rel", "id:col", "name:col"}},
		{"SELECT u.id, o.total FROM users u JOIN orders o ON o.user_id = u.id",
			[]string{"users:rel", "orders:rel", "user_id:col", "id:col", "id:col", "total:col"}},
		{"SELECT nam FROM users", []string{"users:rel", `nam!column "nam" does not exist; did you mean name?`}},
		{"SELECT u.nam FROM users u", []string{"users:rel", `nam!column "nam" of table "users" does not exist; did you mean name?`}},
		{"SELECT * FROM usres", []string{`usres!relation "usres" does not exist; did you mean users?`}},
		{"SELECT x.id FROM users u", []string{"users:rel", `x!missing FROM-clause entry for table "x"`}},
		{"SELECT users.id FROM users", []string{"users:rel", "users:rel", "id:col"}},
		{"SELECT at FROM audit.log", []string{"log:rel", "at:col"}},
		{"SELECT 1 FROM audit.nope", []string{`nope!relation "audit.nope" does not exist`}},
		{"SELECT anything FROM (SELECT 1) s", nil},
		{"SELECT s.anything, id FROM (SELECT 1) s, users", []string{"users:rel", "id:col"}},
		{"WITH t AS (SELECT id FROM users) SELECT whatever FROM t", []string{"users:rel", "id:col"}},
		{"SELECT name AS n FROM users ORDER BY n", []string{"users:rel", "name:col"}},
		{"SELECT id FROM users WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = users.id)",
			[]string{"users:rel", "id:col", "orders:rel", "user_id:col", "users:rel", "id:col"}},
		{"SELECT id FROM active", []string{"active:rel", "id:col"}},
		{"SELECT anything FROM opaque", []string{"opaque:rel"}},
		{"SELECT score(id), lower(name), now() FROM users", []string{"users:rel", "score:fn", "id:col", "name:col"}},
		{"SELECT scor(1)", []string{`scor!function scor does not exist; did you mean score?`}},
		{"SELECT count(*), row_number() OVER (ORDER BY id) FROM users", []string{"users:rel", "id:col"}},
		{"SELECT * FROM pg_class, pg_catalog.pg_namespace, information_schema.tables", nil},
		{"INSERT INTO users (id, nmae) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING id",
			[]string{"users:rel", "id:col", `nmae!column "nmae" of table "users" does not exist; did you mean name?`, "name:col", "name:col", "id:col"}},
		{"UPDATE users SET email = lower(email) WHERE id = 1", []string{"users:rel", "email:col", "email:col", "id:col"}},
		{"DELETE FROM orders o USING users u WHERE o.user_id = u.id", []string{"orders:rel", "users:rel", "user_id:col", "id:col"}},
		{`SELECT "name" FROM "users"`, []string{"users:rel", "name:col"}},
	} {
		p := Parse(tc.sql)
		assert.Empty(t, p.Errors(), tc.sql)
		assert.Equal(t, tc.want, render(tc.sql, Names(p, &Context{Realm: realm})), tc.sql)
	}
}

func TestNamesContexts(t *testing.T) {
	realm := testRealm()
	users := realm.Schemas[0].Tables[0]
	check := func(sql string, ctx *Context) []string {
		p := Parse("SELECT (" + sql + ")")
		ctx.Realm = realm
		out := render(p.Text, Names(p, ctx))
		return out
	}
	assert.Equal(t, []string{"name:col", `nme!column "nme" does not exist; did you mean name?`}, check("name <> '' AND nme IS NULL", &Context{Implicit: users}))
	assert.Equal(t, []string{"name:col", "name:col", `nam!column "nam" of table "users" does not exist; did you mean name?`},
		check("NEW.name IS DISTINCT FROM OLD.name OR NEW.nam = ''", &Context{Aliases: map[string]any{"new": users, "old": users}}))
	assert.Empty(t, check("value > 0", &Context{Value: true}))
	assert.Empty(t, check("a + f.b", &Context{Params: []string{"a", "b"}, Routine: "f"}))
	assert.True(t, builtin("lower") && builtin("gen_random_uuid") && builtin("to_bin") && builtin("JSONB_BUILD_OBJECT"))
	assert.False(t, builtin("uuid_generate_v4"), "an extension's, not PostgreSQL's")
	realm.Extensions = []*schema.Extension{{Name: "uuid-ossp"}}
	assert.Empty(t, check("uuid_generate_v4()", &Context{}), "with an extension declared, unknown functions may be its")
}
