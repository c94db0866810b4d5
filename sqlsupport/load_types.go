package sqlsupport

import (
	"math/big"
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// ldPendingType is a type naming a user type not declared when it was
// used; finish resolves it.
type ldPendingType struct {
	t       *schema.Type
	schemas []string // where to look, in order
	name    string
	array   int
	raw     string
}

// typeOf converts a type name into *into, normalised as the HCL decoder
// does: built-in types by their canonical name, user types as
// {UserKind, UserSchema, Name}, anything else as written (Raw). A user
// type not declared yet is looked up again once everything is loaded.
func (st *ldStmt) typeOf(tn *pg_query.TypeName, into *schema.Type) {
	if p := st.resolveType(tn, into); p != nil {
		st.l.types = append(st.l.types, *p)
	}
}

// resolveType is typeOf without the second look-up: it returns what
// would be looked up again.
func (st *ldStmt) resolveType(tn *pg_query.TypeName, into *schema.Type) *ldPendingType {
	if tn == nil {
		return nil
	}
	raw := st.typeText(tn)
	sch, name := ldSplitName(ldStrings(tn.Names))
	array := min(len(tn.ArrayBounds), 1) // int[][] is int[]
	var mods []int
	modsOK := true
	for _, m := range tn.Typmods {
		c := m.GetAConst()
		if c == nil || c.GetIval() == nil {
			modsOK = false
			break
		}
		if c.Location < 0 {
			continue // implied by the grammar: char is char(1)
		}
		if name == "interval" && st.kind(st.at(c.Location)) != pg_query.Token_ICONST {
			modsOK = false // interval fields (YEAR, DAY TO SECOND)
			break
		}
		mods = append(mods, int(c.GetIval().Ival))
	}
	if sch == "" || sch == "pg_catalog" {
		if name == "char" { // only a quoted "char" keeps this name
			*into = schema.Type{Name: `"char"`, Array: array}
			return nil
		}
		if t, err := schema.BuiltinType(name, mods...); err == nil && modsOK {
			t.Array = array
			*into = t
			return nil
		}
		if sch == "pg_catalog" {
			*into = schema.Type{Raw: raw}
			return nil
		}
	}
	schemas := []string{sch}
	if sch == "" {
		schemas = []string{st.defSchema, "public"}
	}
	if t, ok := st.l.userType(schemas, name, array); ok {
		*into = t
		return nil
	}
	*into = schema.Type{Raw: raw}
	return &ldPendingType{t: into, schemas: schemas, name: name, array: array, raw: raw}
}

// typeText is the source text of a type name: the name, its modifiers and
// array brackets.
func (st *ldStmt) typeText(tn *pg_query.TypeName) string {
	i := st.at(tn.Location)
	if st.kind(i) == pg_query.Token_SETOF {
		i++
	}
	j := st.afterName(i) - 1
	for _, m := range tn.Typmods {
		if loc := ldMinLoc(m); loc >= 0 {
			j = max(j, st.at(loc))
		}
	}
	if len(tn.Typmods) > 0 && st.kind(j+1) == ')' {
		j++
	}
	if st.kind(j+1) == '(' {
		j = st.match(j + 1)
	}
	for {
		switch {
		case st.kind(j+1) == '[':
			j = st.match(j + 1)
			continue
		case st.kind(j+1) == pg_query.Token_ARRAY:
			j++
			continue
		case st.kind(j+1) == '%':
			j += 2 // %TYPE
			continue
		}
		break
	}
	return st.textOf(st.span(i, j))
}

// userType finds an enum, domain, composite or table type named name in
// the first of schemas that has one.
func (l *loader) userType(schemas []string, name string, array int) (schema.Type, bool) {
	for _, sn := range schemas {
		s := l.out.Realm.Schema(sn)
		if s == nil {
			continue
		}
		if kind := l.typeKind(s, name); kind != "" {
			return schema.Type{UserKind: kind, UserSchema: s.Name, Name: name, Array: array}, true
		}
	}
	return schema.Type{}, false
}

// typeKind is the kind of user type s has named name, or "".
func (l *loader) typeKind(s *schema.Schema, name string) string {
	for _, e := range s.Enums {
		if e.Name == name {
			return "enum"
		}
	}
	for _, d := range s.Domains {
		if d.Name == name {
			return "domain"
		}
	}
	for _, c := range s.Composites {
		if c.Name == name {
			return "composite"
		}
	}
	if s.Table(name) != nil {
		return "table"
	}
	return ""
}

// value converts a default: literals as the HCL decoder stores them
// (string, number, bool), NULL as no default, anything else as its SQL
// text at r.
func (st *ldStmt) value(n *pg_query.Node, r source.Range) *schema.Expr {
	e := &schema.Expr{Kind: schema.ExprSQL, Value: st.textOf(r), Pos: st.pos(r)}
	c := n.GetAConst()
	if c == nil {
		return e
	}
	switch v := c.Val.(type) {
	case nil:
		if c.Isnull {
			return nil
		}
	case *pg_query.A_Const_Sval:
		e.Kind, e.Value = schema.ExprString, v.Sval.Sval
	case *pg_query.A_Const_Ival:
		e.Kind, e.Value = schema.ExprNumber, strconv.Itoa(int(v.Ival.Ival))
	case *pg_query.A_Const_Fval:
		if f, _, err := big.ParseFloat(v.Fval.Fval, 10, 512, big.ToNearestEven); err == nil {
			e.Kind, e.Value = schema.ExprNumber, schema.NumberText(f)
		}
	case *pg_query.A_Const_Boolval:
		e.Kind, e.Value = schema.ExprBool, strconv.FormatBool(v.Boolval.Boolval)
	}
	return e
}

// ldInt reads an integer option value (large ones come as Float nodes).
func ldInt(n *pg_query.Node) (int64, bool) {
	switch {
	case n.GetInteger() != nil:
		return int64(n.GetInteger().Ival), true
	case n.GetFloat() != nil:
		v, err := strconv.ParseInt(n.GetFloat().Fval, 10, 64)
		return v, err == nil
	case n.GetAConst() != nil:
		if i := n.GetAConst().GetIval(); i != nil {
			return int64(i.Ival), true
		}
	}
	return 0, false
}

// ldBool reads a boolean option value (absent means true).
func ldBool(n *pg_query.Node) bool {
	if n == nil {
		return true
	}
	if b := n.GetBoolean(); b != nil {
		return b.Boolval
	}
	if i := n.GetInteger(); i != nil {
		return i.Ival != 0
	}
	return true
}

// ldWord reads a word option value (LANGUAGE plpgsql, PARALLEL safe).
func ldWord(n *pg_query.Node) string {
	switch {
	case n == nil:
		return ""
	case n.GetString_() != nil:
		return n.GetString_().Sval
	case n.GetTypeName() != nil:
		_, name := ldSplitName(ldStrings(n.GetTypeName().Names))
		return name
	}
	return ""
}
