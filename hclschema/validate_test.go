package hclschema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/hclschema/spec"
)

// testRoot is a small spec, independent of the real table.
var testRoot = &spec.Block{Blocks: []*spec.Block{
	{Type: "schema", Labels: []string{"name"}, Attrs: []*spec.Attr{{Name: "comment", Values: []spec.Value{{Kind: spec.String}}}}},
	{Type: "table", Labels: []string{"name"},
		Attrs: []*spec.Attr{{Name: "schema", Required: true, Values: []spec.Value{{Kind: spec.Ref, RefTo: []string{"schema"}}}}},
		Blocks: []*spec.Block{
			{Type: "column", Labels: []string{"name"}, Attrs: []*spec.Attr{
				{Name: "type", Required: true, Values: []spec.Value{{Kind: spec.ColumnType}}},
				{Name: "null", Values: []spec.Value{{Kind: spec.Bool}}},
				{Name: "default", Values: []spec.Value{{Kind: spec.String}, {Kind: spec.Number}, {Kind: spec.RawSQL}}},
			}},
			{Type: "primary_key", Unique: true, Attrs: []*spec.Attr{{Name: "columns", Required: true, Values: []spec.Value{{Kind: spec.RefList, RefTo: []string{"column"}}}}}},
			{Type: "foreign_key", Labels: []string{"name"}, Attrs: []*spec.Attr{
				{Name: "ref_columns", Values: []spec.Value{{Kind: spec.RefList, RefTo: []string{"column"}}}},
				{Name: "on_delete", Values: []spec.Value{{Kind: spec.Const, Consts: []string{"NO_ACTION", "RESTRICT", "CASCADE", "SET_NULL", "SET_DEFAULT"}}}},
			}},
		}},
	{Type: "locals", OpenAttrs: true},
}}

func validate(src string) []string {
	f := Parse("t.hcl", []byte(src))
	var out []string
	for _, d := range Validate(f, testRoot) {
		out = append(out, src[d.Range.Start:d.Range.End]+": "+d.Message+" ["+d.Code+"]")
	}
	return out
}

func TestValidateClean(t *testing.T) {
	assert.Empty(t, validate(`
schema "public" { comment = format("schema of %s", var.t) }
locals { anything = 1 }
table "t" {
  schema = schema.public
  column "id" {
    type    = int
    null    = false
    default = sql("1")
  }
  column "n" {
    type    = varchar(10)
    default = var.n
  }
  primary_key { columns = [column.id] }
  foreign_key "fk" {
    ref_columns = [table.u.column.id]
    on_delete   = CASCADE
  }
}
`))
}

func TestValidateProblems(t *testing.T) {
	got := validate(`
tabel "users" {}
table "t" {
  colum "x" {}
  column "id" {
    typ  = int
    null = "no"
  }
  primary_key { columns = [column.id] }
  primary_key { columns = [column.id] }
  foreign_key "fk" {
    on_delete   = CASCDE
    ref_columns = [schema.public]
  }
  foreign_key "lower" {
    on_delete = cascade
  }
  foreign_key {}
}
`)
	assert.Equal(t, []string{
		`tabel: Unknown block type "tabel" in the file; did you mean "table"? [unknown-block]`,
		`table "t": Missing required attribute "schema" in table "t" [missing-attribute]`,
		`colum: Unknown block type "colum" in table "t"; did you mean "column"? [unknown-block]`,
		`typ: Unknown attribute "typ" in column "id"; did you mean "type"? [unknown-attribute]`,
		`"no": Invalid value for "null": expected a bool, got a string [invalid-value]`,
		`column "id": Missing required attribute "type" in column "id" [missing-attribute]`,
		`primary_key: Duplicate primary_key block in table "t": only one is allowed (the first is on line 9) [duplicate-block]`,
		`CASCDE: Invalid value CASCDE for "on_delete": expected one of NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT; did you mean CASCADE? [invalid-value]`,
		`schema.public: Invalid item in "ref_columns": expected a reference to column, got a reference [invalid-value]`,
		`cascade: Invalid value cascade for "on_delete": expected one of NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT; did you mean CASCADE? [invalid-value]`,
		`foreign_key: Missing name for foreign_key block: write foreign_key "…" { [labels]`,
	}, got)
}
