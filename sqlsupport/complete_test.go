package sqlsupport

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/schema"
)

// complete runs Complete at the | in sql and returns the labels.
func completeAt(sql string, ctx *Context) []string {
	off := strings.Index(sql, "|")
	text := sql[:off] + sql[off+1:]
	var out []string
	for _, c := range Complete(text, off, ctx) {
		out = append(out, c.Label)
	}
	return out
}

func TestComplete(t *testing.T) {
	realm := testRealm()
	pub := realm.Schemas[0]
	pub.Enums = []*schema.Enum{{Schema: pub, Name: "state", Values: []string{"open", "closed"}}}
	pub.Tables[1].Columns = append(pub.Tables[1].Columns, &schema.Column{Name: "state", Type: schema.Type{UserKind: "enum", Name: "state"}})
	ctx := &Context{Realm: realm}

	assert.Equal(t, []string{"users", "orders", "active", "opaque", "audit.log"}, completeAt("SELECT * FROM |", ctx))
	assert.Equal(t, []string{"users", "orders", "active", "opaque", "audit.log"}, completeAt("SELECT * FROM us|", ctx), "the word typed is replaced")
	assert.Equal(t, []string{"log"}, completeAt("SELECT * FROM audit.|", ctx))
	assert.Equal(t, []string{"id", "name", "email"}, completeAt("SELECT u.| FROM users u", ctx), "an alias defined after the cursor")
	assert.Equal(t, []string{"id", "user_id", "total", "state"}, completeAt("SELECT o.na| FROM users u JOIN orders AS o ON o.user_id = u.id", ctx))
	assert.Equal(t, []string{"id", "name", "email"}, completeAt("SELECT * FROM users WHERE users.|", ctx))
	got := completeAt("SELECT | FROM users u, orders", ctx)
	assert.Subset(t, got, []string{"id", "name", "email", "user_id", "total", "score", "FROM", "DISTINCT"})
	assert.Subset(t, completeAt("SELECT id FROM users WHERE |", ctx), []string{"id", "name", "AND", "EXISTS"})
	assert.Equal(t, []string{"open", "closed"}, completeAt("SELECT 1 FROM orders o WHERE o.state = '|", ctx))
	assert.Equal(t, []string{"open", "closed"}, completeAt("SELECT 1 FROM orders WHERE state IN ('open', 'cl|')", ctx))
	assert.Empty(t, completeAt("SELECT 1 FROM orders WHERE total = '|", ctx), "not an enum")
	assert.Equal(t, statementStarts, completeAt("|", ctx))
	assert.Equal(t, statementStarts, completeAt("SELECT 1; |", ctx))
	assert.Empty(t, completeAt("SELECT 1 -- a comment |", ctx))
	assert.Equal(t, []string{"users", "orders", "active", "opaque", "audit.log"}, completeAt("INSERT INTO |", ctx))

	users := pub.Tables[0]
	assert.Subset(t, completeAt("length(|) > 0", &Context{Realm: realm, Implicit: users}), []string{"id", "name", "email"}, "a check's table")
	assert.Equal(t, []string{"id", "name", "email"}, completeAt("NEW.| IS DISTINCT FROM OLD.name", &Context{Realm: realm, Aliases: map[string]any{"new": users, "old": users}}))
	assert.Subset(t, completeAt("SELECT | + 1", &Context{Realm: realm, Params: []string{"amount"}, Routine: "f"}), []string{"amount"})
	assert.Equal(t, []string{"amount"}, completeAt("SELECT f.|", &Context{Realm: realm, Params: []string{"amount"}, Routine: "f"}))
}

func TestCompleteExpression(t *testing.T) {
	realm := testRealm()
	users := realm.Schemas[0].Tables[0]
	src := "e = \"\"\n"
	r := regionIn(t, src, "e", Expression)
	var got []string
	for _, c := range r.Complete(0, &Context{Realm: realm, Implicit: users}) {
		got = append(got, c.Label)
	}
	assert.Subset(t, got, []string{"id", "name", "score", "NOT", "EXISTS"})
	assert.NotContains(t, got, "SELECT", "an expression does not start a statement")
}
