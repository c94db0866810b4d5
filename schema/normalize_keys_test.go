package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestKeyPartDefaults: what pg_get_indexdef and pg_get_partkeydef left
// out on PostgreSQL 15 (the index made with the class or collation, read
// back without it) normalises to "".
func TestKeyPartDefaults(t *testing.T) {
	typ := func(s string) Type { ty, _ := ParseSQLType(s); return ty }
	cols := []*Column{
		{Name: "c", Type: typ("text"), Collate: "C"},
		{Name: "t", Type: typ("text")},
		{Name: "v", Type: typ("varchar(5)")},
		{Name: "n", Type: typ("name")},
		{Name: "j", Type: typ("jsonb")},
		{Name: "a", Type: typ("int[]")},
		{Name: "e", Type: Type{UserKind: "enum", UserSchema: "public", Name: "mood"}},
		{Name: "r", Type: Type{UserKind: "composite", UserSchema: "public", Name: "pair"}},
		{Name: "d", Type: Type{UserKind: "domain", UserSchema: "public", Name: "dtext"}},
		{Name: "s", Type: typ("serial")},
		{Name: "x", Type: Type{Raw: "hstore"}},
	}
	for _, c := range []struct {
		method string
		part   IndexPart
		want   IndexPart
	}{
		{"", IndexPart{Column: "t", Ops: "text_ops"}, IndexPart{Column: "t"}},
		{"", IndexPart{Column: "t", Ops: "pg_catalog.text_ops"}, IndexPart{Column: "t"}},
		{"", IndexPart{Column: "v", Ops: "text_ops"}, IndexPart{Column: "v"}},
		{"HASH", IndexPart{Column: "v", Ops: "text_ops"}, IndexPart{Column: "v"}},
		{"GIN", IndexPart{Column: "j", Ops: "jsonb_ops"}, IndexPart{Column: "j"}},
		{"GIN", IndexPart{Column: "a", Ops: "array_ops"}, IndexPart{Column: "a"}},
		{"", IndexPart{Column: "a", Ops: "array_ops"}, IndexPart{Column: "a"}},
		{"", IndexPart{Column: "e", Ops: "enum_ops"}, IndexPart{Column: "e"}},
		{"HASH", IndexPart{Column: "r", Ops: "record_ops"}, IndexPart{Column: "r"}},
		{"", IndexPart{Column: "s", Ops: "int4_ops"}, IndexPart{Column: "s"}},
		{"BRIN", IndexPart{Column: "t", Ops: "text_minmax_ops"}, IndexPart{Column: "t"}},
		{"SPGIST", IndexPart{Column: "v", Ops: "text_ops"}, IndexPart{Column: "v"}},
		{"", IndexPart{Column: "c", Collate: "C"}, IndexPart{Column: "c"}},
		{"", IndexPart{Column: "t", Collate: "default"}, IndexPart{Column: "t"}},
		{"", IndexPart{Column: "n", Collate: "C"}, IndexPart{Column: "n"}},
		// Kept: not the default, or not known.
		{"", IndexPart{Column: "v", Ops: "varchar_ops"}, IndexPart{Column: "v", Ops: "varchar_ops"}},
		{"", IndexPart{Column: "t", Ops: "text_pattern_ops"}, IndexPart{Column: "t", Ops: "text_pattern_ops"}},
		{"GIN", IndexPart{Column: "j", Ops: "jsonb_path_ops"}, IndexPart{Column: "j", Ops: "jsonb_path_ops"}},
		{"", IndexPart{Column: "t", Ops: "other.text_ops"}, IndexPart{Column: "t", Ops: "other.text_ops"}},
		{"", IndexPart{Column: "d", Ops: "text_ops"}, IndexPart{Column: "d", Ops: "text_ops"}},
		{"", IndexPart{Column: "x", Ops: "btree_hstore_ops"}, IndexPart{Column: "x", Ops: "btree_hstore_ops"}},
		{"", IndexPart{Column: "c", Collate: "default"}, IndexPart{Column: "c", Collate: "default"}},
		{"", IndexPart{Column: "c", Collate: "POSIX"}, IndexPart{Column: "c", Collate: "POSIX"}},
		{"", IndexPart{Column: "t", Collate: "C"}, IndexPart{Column: "t", Collate: "C"}},
		{"", IndexPart{Column: "d", Collate: "default"}, IndexPart{Column: "d", Collate: "default"}},
		{"", IndexPart{Expr: "lower(t)", Ops: "text_ops", Collate: "default"}, IndexPart{Expr: "lower(t)", Ops: "text_ops", Collate: "default"}},
	} {
		p := c.part
		normalizeKeyParts([]*IndexPart{&p}, c.method, cols)
		assert.Equal(t, c.want, p, "%s %+v", c.method, c.part)
	}
}

func TestRealmNormalizeKeysAndDefaults(t *testing.T) {
	text, _ := ParseSQLType("text")
	iv, _ := ParseSQLType("interval")
	s := &Schema{Name: "public"}
	tbl := &Table{Schema: s, Name: "t",
		Columns: []*Column{
			{Name: "a", Type: text, Collate: "default"},
			{Name: "b", Type: text, Collate: "C"},
			{Name: "ttl", Type: iv, Default: &Expr{Kind: ExprString, Value: "2 hours"}},
		},
		PrimaryKey: &Index{Name: "t_pkey", Parts: []*IndexPart{{Column: "a", Ops: "text_ops"}}},
		Indexes:    []*Index{{Name: "i", Method: "hash", Parts: []*IndexPart{{Column: "b", Ops: "text_ops", Collate: "C"}}}},
		Partition: &Partition{Type: "RANGE", Parts: []IndexPart{
			{Column: "a", Collate: "default"}, {Column: "b", Ops: "text_ops", Collate: "C"},
		}},
	}
	s.Tables = []*Table{tbl}
	s.Domains = []*Domain{{Schema: s, Name: "d", Type: iv, Default: &Expr{Kind: ExprSQL, Value: "'90 minutes'::interval"}}}
	s.Funcs = []*Func{{Schema: s, Name: "f", Args: []*FuncArg{{Name: "x", Type: iv, Default: &Expr{Kind: ExprString, Value: "1 day"}}}}}
	r := &Realm{Schemas: []*Schema{s}}
	r.Normalize()
	assert.Equal(t, "", tbl.Columns[0].Collate, `COLLATE "default" is text's own`)
	assert.Equal(t, "C", tbl.Columns[1].Collate)
	assert.Equal(t, &Expr{Kind: ExprString, Value: "02:00:00"}, tbl.Columns[2].Default)
	assert.Equal(t, IndexPart{Column: "a"}, *tbl.PrimaryKey.Parts[0])
	assert.Equal(t, IndexPart{Column: "b"}, *tbl.Indexes[0].Parts[0])
	assert.Equal(t, []IndexPart{{Column: "a"}, {Column: "b"}}, tbl.Partition.Parts)
	assert.Equal(t, "01:30:00", s.Domains[0].Default.Value)
	assert.Equal(t, "1 day", s.Funcs[0].Args[0].Default.Value)
	before := Dump(r)
	r.Normalize()
	assert.Equal(t, before, Dump(r), "normalising twice changes nothing")
}
