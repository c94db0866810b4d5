package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/internal/source"
)

// realm builds a small realm; pos moves every position, reverse lists the
// named objects in the other order.
func realm(pos int, reverse bool) *Realm {
	at := Pos{File: "f", Range: source.Range{Start: pos, End: pos + 1}}
	s := &Schema{Name: "public", Pos: at}
	users := &Table{Schema: s, Name: "users", Pos: at,
		Columns: []*Column{
			{Name: "id", Type: Type{Name: "integer"}, Pos: at},
			{Name: "name", Type: Type{Name: "text"}, Null: true, Default: &Expr{Kind: ExprString, Value: "x", Pos: at}, Pos: at},
		},
		Indexes: []*Index{{Name: "a_idx", Parts: []*IndexPart{{Column: "id"}}}, {Name: "b_idx", Parts: []*IndexPart{{Column: "name"}}}},
	}
	orders := &Table{Schema: s, Name: "orders", Pos: at}
	f1 := &Func{Schema: s, Name: "f", Args: []*FuncArg{{Type: Type{Name: "integer"}}}}
	f2 := &Func{Schema: s, Name: "f", Args: []*FuncArg{{Type: Type{Name: "text"}}}}
	s.Tables, s.Funcs = []*Table{users, orders}, []*Func{f1, f2}
	if reverse {
		s.Tables, s.Funcs = []*Table{orders, users}, []*Func{f2, f1}
		users.Indexes[0], users.Indexes[1] = users.Indexes[1], users.Indexes[0]
	}
	return &Realm{Schemas: []*Schema{s}}
}

func TestEqualIgnoresPositionsAndOrder(t *testing.T) {
	a, b := realm(1, false), realm(7, true)
	assert.True(t, Equal(a, b))
	assert.Empty(t, Diff(a, b))
	assert.True(t, Equal(&Realm{}, &Realm{}))
}

func TestOrderedListsStayOrdered(t *testing.T) {
	a, b := realm(1, false), realm(1, false)
	cols := b.Schemas[0].Tables[0].Columns
	cols[0], cols[1] = cols[1], cols[0]
	assert.False(t, Equal(a, b), "column order is part of a table")
}

func TestDiffShowsTheLinesThatDiffer(t *testing.T) {
	a, b := realm(1, false), realm(1, false)
	b.Schemas[0].Tables[0].Columns[1].Default = &Expr{Kind: ExprSQL, Value: "upper('x')"}
	b.Schemas[0].Tables[0].Columns[1].Type = Type{UserKind: "enum", UserSchema: "public", Name: "mood", Array: 1}
	b.Schemas[0].Tables[1].Comment = "new"
	got := Diff(a, b)
	for _, want := range []string{
		`- .Schemas[public].Tables[users].Columns[1].Type = text`,
		`+ .Schemas[public].Tables[users].Columns[1].Type = enum public.mood[]`,
		`- .Schemas[public].Tables[users].Columns[1].Default.Kind = string`,
		`+ .Schemas[public].Tables[users].Columns[1].Default.Kind = sql`,
		`+ .Schemas[public].Tables[users].Columns[1].Default.Value = "upper('x')"`,
		`+ .Schemas[public].Tables[orders].Comment = "new"`,
		`  .Schemas[public].Tables[orders].Name = "orders"`, // context
	} {
		assert.Contains(t, got, want+"\n")
	}
	assert.NotContains(t, got, "Funcs", "lines far from a difference are left out")
}

func TestDumpKeysRoutinesBySignature(t *testing.T) {
	d := Dump(realm(1, false))
	assert.Contains(t, d, ".Schemas[public].Funcs[f(integer)].Name = \"f\"\n")
	assert.Contains(t, d, ".Schemas[public].Funcs[f(text)].Name = \"f\"\n")
	assert.NotContains(t, d, "Pos")
	assert.Empty(t, Dump(nil))
}

func TestDiffOfLargeRealms(t *testing.T) {
	// Past the size of the table of common lines, the differing lines
	// are listed without context.
	big := func(extra string) *Realm {
		s := &Schema{Name: "s"}
		for i := range 3000 {
			s.Tables = append(s.Tables, &Table{Name: fmt.Sprintf("t%04d", i), Comment: extra + fmt.Sprint(i%7)})
		}
		return &Realm{Schemas: []*Schema{s}}
	}
	got := Diff(big("a"), big("b"))
	var minus, plus int
	for _, l := range strings.Split(got, "\n") {
		switch {
		case strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ "):
			if !strings.Contains(l, ".Comment = ") {
				t.Errorf("a common line is shown as a change: %s", l)
			}
			if l[0] == '-' {
				minus++
			} else {
				plus++
			}
		}
	}
	assert.Equal(t, 3000, minus)
	assert.Equal(t, 3000, plus)
	assert.True(t, strings.Contains(got, "- .Schemas[s].Tables[t0000].Comment = \"a0\"\n"))
	assert.True(t, strings.Contains(got, "+ .Schemas[s].Tables[t2999].Comment = \"b3\"\n"))
}
