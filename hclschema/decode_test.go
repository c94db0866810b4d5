package hclschema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/schema"
)

// TestDecodeShop decodes the bundled example across its two files and
// checks the model it gives.
func TestDecodeShop(t *testing.T) {
	var files []*File
	for _, name := range []string{"views.hcl", "schema.hcl"} { // views first: order does not matter
		path := filepath.Join("..", "examples", "shop", name)
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		files = append(files, Parse(path, src))
	}
	dec := Decode(files)
	for file, diags := range dec.Diags {
		assert.Empty(t, diags, file)
	}
	s := dec.Realm.Schema("public")
	require.NotNil(t, s)
	assert.Equal(t, "the shop", s.Comment)

	orders := s.Table("orders")
	require.NotNil(t, orders)
	assert.Equal(t, []string{"id", "customer_id", "status", "updated_at"}, tableColumns(orders).names())
	id := orders.Column("id")
	assert.Equal(t, "bigint", id.Type.String())
	require.NotNil(t, id.Identity)
	assert.True(t, id.Identity.Always)
	status := orders.Column("status")
	assert.Equal(t, schema.Type{UserKind: "enum", UserSchema: "public", Name: "order_status"}, status.Type)
	require.NotNil(t, status.Default)
	assert.Equal(t, schema.Expr{Kind: schema.ExprString, Value: "pending", Pos: status.Default.Pos}, *status.Default)
	assert.True(t, orders.Column("updated_at").Null)

	require.Len(t, orders.ForeignKeys, 1)
	fk := orders.ForeignKeys[0]
	assert.Equal(t, []string{"customer_id"}, fk.Columns)
	assert.Equal(t, "customers", fk.RefTable)
	assert.Equal(t, []string{"id"}, fk.RefColumns)
	assert.Equal(t, schema.Cascade, fk.OnDelete)
	require.Len(t, orders.Checks, 1)
	assert.Equal(t, "id > 0", orders.Checks[0].Expr)
	require.Len(t, orders.Triggers, 1)
	tr := orders.Triggers[0]
	assert.Equal(t, "BEFORE", tr.Timing)
	assert.Equal(t, []string{"UPDATE"}, tr.Events)
	assert.Equal(t, "touch_updated_at", tr.FuncName)

	customers := s.Table("customers")
	require.NotNil(t, customers)
	assert.Equal(t, "timestamp with time zone", customers.Column("created_at").Type.String())
	assert.Equal(t, schema.ExprSQL, customers.Column("created_at").Default.Kind)
	require.Len(t, customers.Indexes, 1)
	assert.True(t, customers.Indexes[0].Unique)

	require.Len(t, s.Views, 1)
	assert.Contains(t, s.Views[0].Def, "JOIN customers c")
	require.Len(t, s.Funcs, 1)
	assert.Equal(t, "PLPGSQL", s.Funcs[0].Lang)
	assert.Equal(t, "trigger", s.Funcs[0].Return.String())
	require.Len(t, s.Enums, 1)
	assert.Equal(t, []string{"pending", "paid", "shipped", "cancelled"}, s.Enums[0].Values)

	// Every reference resolved to its target's position.
	assert.NotEmpty(t, dec.Refs)
	for _, r := range dec.Refs {
		assert.NotEmpty(t, r.Target.File)
	}
}

func TestDecodeProblems(t *testing.T) {
	src := `schema "public" {}
table "a" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "t" {
    type = txet
  }
  column "id" {
    type = bigint
  }
  foreign_key "fk" {
    columns     = [column.t]
    ref_columns = [table.b.column.id]
  }
}
table "b" {
  schema = schema.public
  column "id" {
    type = int
  }
}
view "b" {
  schema = schema.public
  as     = "select 1"
}
`
	dec := Decode([]*File{Parse("x.hcl", []byte(src))})
	var got []string
	for _, d := range dec.Diags["x.hcl"] {
		got = append(got, d.Code+": "+d.Message)
	}
	assert.Equal(t, []string{
		`unknown-type: Unknown PostgreSQL type "txet"; did you mean text?`,
		`duplicate-object: Duplicate column "id" in table "a": already declared at x.hcl:4`,
		`foreign-key-not-unique: Foreign key fk references b(id), which has no primary key or unique index on exactly these columns; PostgreSQL will refuse it`,
		`duplicate-object: The name "b" is already taken in schema "public" by the table at x.hcl:18: tables, views, sequences and types share names`,
	}, got)
}

// TestDecodeMeansWhatPostgresMeans checks the decoder stores what
// PostgreSQL makes of a schema: default names of keys and checks, NOT NULL
// key and identity columns, Atlas's deferrable words, defaults spelled out
// or left out alike, an owner as table.column.
func TestDecodeMeansWhatPostgresMeans(t *testing.T) {
	src := `schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
    null = true
  }
  column "b" {
    type = int
    null = true
    identity {
      increment = -2
    }
  }
  column "c" {
    type    = bigint
    default = 1000000
  }
  primary_key {
    columns = [column.a]
  }
  unique "t_c_key" {
    columns        = [column.c]
    nulls_distinct = true
    deferrable     = INITIALLY_DEFERRED
  }
  index "t_c_idx" {
    type = BTREE
    on {
      column     = column.c
      ops        = int8_ops
      nulls_last = true
    }
  }
  foreign_key "t_b_fkey" {
    columns     = [column.b]
    ref_columns = [column.a]
    on_delete   = NO_ACTION
    deferrable  = INITIALLY_IMMEDIATE
  }
  check {
    expr = "a > 0"
  }
  check {
    expr = "a > b"
  }
  check {
    expr = "lower(\"a\"::text) <> 'b'"
  }
}
sequence "s" {
  schema    = schema.public
  type      = bigint
  increment = 1
  start     = 1
  owner     = table.t.column.c
}
policy "p" {
  on  = table.t
  for = ALL
  as  = PERMISSIVE
  to  = [PUBLIC]
}
`
	dec := Decode([]*File{Parse("x.hcl", []byte(src))})
	for file, diags := range dec.Diags {
		require.Empty(t, diags, file)
	}
	tbl := dec.Realm.Schema("public").Table("t")
	require.NotNil(t, tbl)
	assert.Equal(t, "t_pkey", tbl.PrimaryKey.Name)
	assert.False(t, tbl.Column("a").Null, "key columns are NOT NULL")
	assert.False(t, tbl.Column("b").Null, "identity columns are NOT NULL")
	assert.Equal(t, &schema.Identity{Always: true, Start: -1, Increment: -2}, tbl.Column("b").Identity)
	assert.Equal(t, "1000000", tbl.Column("c").Default.Value)
	var checks []string
	for _, c := range tbl.Checks {
		checks = append(checks, c.Name)
	}
	assert.Equal(t, []string{"t_a_check", "t_check", "t_a_check1"}, checks)
	uq, ix := tbl.Indexes[0], tbl.Indexes[1]
	assert.Nil(t, uq.NullsDistinct)
	assert.True(t, uq.Deferrable && uq.InitiallyDeferred)
	assert.Equal(t, "", ix.Method)
	assert.Equal(t, &schema.IndexPart{Column: "c"}, ix.Parts[0], "int8_ops is bigint's default operator class")
	fk := tbl.ForeignKeys[0]
	assert.Equal(t, schema.ReferenceAction(""), fk.OnDelete)
	assert.True(t, fk.Deferrable)
	assert.False(t, fk.InitiallyDeferred)
	seq := dec.Realm.Schema("public").Sequences[0]
	assert.Equal(t, &schema.Sequence{Schema: seq.Schema, Name: "s", OwnedBy: "t.c", Pos: seq.Pos}, seq)
	require.Len(t, tbl.Policies, 1)
	p := tbl.Policies[0]
	assert.Equal(t, []string{"", "", ""}, []string{p.As, p.For, strings.Join(p.To, ",")})
}
