package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeDefault(t *testing.T) {
	text, vc10 := Type{Name: "text"}, Type{Name: "character varying", Args: []int{10}}
	integer, double := Type{Name: "integer"}, Type{Name: "double precision"}
	mood := Type{UserKind: "enum", UserSchema: "app", Name: "mood"}
	sql := func(v string) *Expr { return &Expr{Kind: ExprSQL, Value: v} }
	for _, c := range []struct {
		in   *Expr
		typ  Type
		kind ExprKind
		want string
	}{
		// Literals cast to the type itself.
		{sql("'a'::text"), text, ExprString, "a"},
		{sql("'it''s'::text"), text, ExprString, "it's"},
		{sql("''::text"), text, ExprString, ""},
		{sql("'x'::character varying"), vc10, ExprString, "x"},
		{sql("'{}'::jsonb"), Type{Name: "jsonb"}, ExprString, "{}"},
		{sql("'{a,b}'::text[]"), Type{Name: "text", Array: 1}, ExprString, "{a,b}"},
		{sql("'happy'::mood"), mood, ExprString, "happy"},
		{sql("'happy'::app.mood"), mood, ExprString, "happy"},
		{sql(`'happy'::"app"."mood"`), mood, ExprString, "happy"},
		{sql("'{}'::mood[]"), Type{UserKind: "enum", UserSchema: "app", Name: "mood", Array: 1}, ExprString, "{}"},
		{sql("'a=>1'::hstore"), Type{Raw: "hstore"}, ExprString, "a=>1"},
		// Numbers.
		{sql("'-1'::integer"), integer, ExprNumber, "-1"},
		{sql("1000000"), Type{Name: "bigint"}, ExprNumber, "1000000"},
		{sql("1.50"), Type{Name: "numeric"}, ExprNumber, "1.5"},
		{sql("'1500'::numeric"), double, ExprNumber, "1500"},
		{sql("1500::numeric"), double, ExprNumber, "1500"},
		{&Expr{Kind: ExprString, Value: "7"}, integer, ExprNumber, "7"},
		{sql("true"), Type{Name: "boolean"}, ExprBool, "true"},
		// Left alone.
		{sql("'a'::character varying"), text, ExprSQL, "'a'::character varying"},
		{sql("'happy'::other.mood"), mood, ExprSQL, "'happy'::other.mood"},
		{sql("'5'::numeric"), text, ExprSQL, "'5'::numeric"},
		{sql("'a'::text || 'b'::text"), text, ExprSQL, "'a'::text || 'b'::text"},
		{sql("(1 + 2)"), integer, ExprSQL, "(1 + 2)"},
		{sql("now()"), Type{Name: "timestamp with time zone"}, ExprSQL, "now()"},
		{sql("nextval('s'::regclass)"), integer, ExprSQL, "nextval('s'::regclass)"},
		{&Expr{Kind: ExprString, Value: "7"}, text, ExprString, "7"},
		{&Expr{Kind: ExprString, Value: "$1.00"}, Type{Name: "money"}, ExprString, "$1.00"},
	} {
		got := NormalizeDefault(c.in, c.typ)
		if assert.NotNil(t, got, c.in.Value) {
			assert.Equal(t, c.kind, got.Kind, c.in.Value)
			assert.Equal(t, c.want, got.Value, c.in.Value)
		}
	}
	assert.Nil(t, NormalizeDefault(nil, text))
	in := sql("'a'::text")
	NormalizeDefault(in, text)
	assert.Equal(t, ExprSQL, in.Kind, "the argument is not modified")
}

func TestPolicyPublicAmongRoles(t *testing.T) {
	// PostgreSQL stores TO PUBLIC, CURRENT_USER as PUBLIC alone.
	p := &Policy{To: []string{"PUBLIC", "CURRENT_USER"}}
	p.Normalize()
	assert.Nil(t, p.To)
	p = &Policy{To: []string{"b", "a"}}
	p.Normalize()
	assert.Equal(t, []string{"a", "b"}, p.To)
}

func TestRealmNormalize(t *testing.T) {
	yes, no := true, false
	s := &Schema{Name: "public"}
	tbl := &Table{Schema: s, Name: "t",
		PrimaryKey:  &Index{Name: "t_pkey", Method: "btree"},
		Indexes:     []*Index{{Name: "i", Method: "BTREE", NullsDistinct: &yes, Parts: []*IndexPart{{Column: "a", Desc: true, NullsFirst: &yes}}}},
		ForeignKeys: []*ForeignKey{{Name: "fk", OnDelete: "no action"}},
		Excludes:    []*Exclude{{Name: "ex", Method: "btree"}},
		Triggers:    []*Trigger{{Name: "tr", Timing: "before", Events: []string{"update", "INSERT"}}},
		Policies:    []*Policy{{Name: "p", As: "PERMISSIVE", To: []string{"public"}}},
	}
	s.Tables = []*Table{tbl}
	s.Views = []*View{{Schema: s, Name: "v", Indexes: []*Index{{Name: "vi", Method: "btree", NullsDistinct: &no}}}}
	s.Funcs = []*Func{{Schema: s, Name: "f", Volatility: "VOLATILE", Lang: "sql"}}
	r := &Realm{Schemas: []*Schema{s}}
	r.Normalize()
	assert.Equal(t, "", tbl.PrimaryKey.Method)
	assert.Equal(t, "", tbl.Indexes[0].Method)
	assert.Nil(t, tbl.Indexes[0].NullsDistinct)
	assert.Nil(t, tbl.Indexes[0].Parts[0].NullsFirst, "NULLS FIRST is DESC's default")
	assert.Equal(t, ReferenceAction(""), tbl.ForeignKeys[0].OnDelete)
	assert.Equal(t, "", tbl.Excludes[0].Method)
	assert.Equal(t, []string{"INSERT", "UPDATE"}, tbl.Triggers[0].Events)
	assert.Equal(t, "", tbl.Policies[0].As)
	assert.Nil(t, tbl.Policies[0].To)
	assert.NotNil(t, s.Views[0].Indexes[0].NullsDistinct, "NULLS NOT DISTINCT stays")
	assert.Equal(t, "", s.Funcs[0].Volatility)
	assert.Equal(t, "SQL", s.Funcs[0].Lang)
	before := Dump(r)
	r.Normalize()
	assert.Equal(t, before, Dump(r), "normalising twice changes nothing")
}

// TestDomainColumnDefault: PostgreSQL stores a domain column's default
// cast to the domain's base type, through domains over domains.
func TestDomainColumnDefault(t *testing.T) {
	s := &Schema{Name: "public"}
	s.Domains = []*Domain{
		{Schema: s, Name: "code", Type: Type{Name: "text"}},
		{Schema: s, Name: "short_code", Type: Type{UserKind: "domain", UserSchema: "public", Name: "code"}},
	}
	dom := func(name string) Type { return Type{UserKind: "domain", UserSchema: "public", Name: name} }
	tbl := &Table{Schema: s, Name: "t", Columns: []*Column{
		{Name: "a", Type: dom("code"), Default: &Expr{Kind: ExprSQL, Value: "'ok'::text"}},
		{Name: "b", Type: dom("short_code"), Default: &Expr{Kind: ExprSQL, Value: "'x'::text"}},
		{Name: "c", Type: dom("missing"), Default: &Expr{Kind: ExprSQL, Value: "'x'::text"}},
		{Name: "d", Type: dom("code"), Default: &Expr{Kind: ExprSQL, Value: "'1'::integer"}},
	}}
	s.Tables = []*Table{tbl}
	(&Realm{Schemas: []*Schema{s}}).Normalize()
	assert.Equal(t, &Expr{Kind: ExprString, Value: "ok"}, tbl.Columns[0].Default)
	assert.Equal(t, &Expr{Kind: ExprString, Value: "x"}, tbl.Columns[1].Default)
	assert.Equal(t, ExprSQL, tbl.Columns[2].Default.Kind, "a domain the realm does not hold")
	assert.Equal(t, ExprSQL, tbl.Columns[3].Default.Kind, "a cast to another type")
}
