package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// userType is an enum, a domain or a composite type: one of the three is
// set.
type userType struct {
	enum      *schema.Enum
	domain    *schema.Domain
	composite *schema.Composite
}

func (t userType) schema() *schema.Schema {
	switch {
	case t.enum != nil:
		return t.enum.Schema
	case t.domain != nil:
		return t.domain.Schema
	}
	return t.composite.Schema
}

func (t userType) name() string {
	switch {
	case t.enum != nil:
		return t.enum.Name
	case t.domain != nil:
		return t.domain.Name
	}
	return t.composite.Name
}

func (t userType) key() string { return t.schema().Name + "." + t.name() }

func (t userType) comment() string {
	switch {
	case t.enum != nil:
		return t.enum.Comment
	case t.domain != nil:
		return t.domain.Comment
	}
	return t.composite.Comment
}

// kind is the word DROP, ALTER and COMMENT ON use for it.
func (t userType) kind() string {
	if t.domain != nil {
		return "DOMAIN"
	}
	return "TYPE"
}

// what names its kind in warnings.
func (t userType) what() string {
	switch {
	case t.enum != nil:
		return "enum"
	case t.domain != nil:
		return "domain"
	}
	return "type"
}

func (t userType) sameKind(o userType) bool {
	return (t.enum != nil) == (o.enum != nil) && (t.domain != nil) == (o.domain != nil)
}

// uses lists the types it is made of: a domain's base type, a
// composite's field types.
func (t userType) uses() []schema.Type {
	switch {
	case t.domain != nil:
		return []schema.Type{t.domain.Type}
	case t.composite != nil:
		var out []schema.Type
		for _, f := range t.composite.Fields {
			out = append(out, f.Type)
		}
		return out
	}
	return nil
}

func (t userType) create() string {
	switch {
	case t.enum != nil:
		return createEnum(t.enum)
	case t.domain != nil:
		return createDomain(t.domain)
	}
	return createComposite(t.composite)
}

// typeKey is the key of the user type a type names (of its elements, for
// an array), "" for a built-in type.
func typeKey(t schema.Type) string {
	if t.UserKind == "" {
		return ""
	}
	return t.UserSchema + "." + t.Name
}

// userTypes lists the enums, domains and composite types of a realm.
func userTypes(r *schema.Realm) []userType {
	var out []userType
	for _, s := range r.Schemas {
		for _, e := range s.Enums {
			out = append(out, userType{enum: e})
		}
		for _, d := range s.Domains {
			out = append(out, userType{domain: d})
		}
		for _, c := range s.Composites {
			out = append(out, userType{composite: c})
		}
	}
	return out
}

// orderTypes puts a type after the types of the list it is made of.
func orderTypes(list []userType) []userType {
	byKey := map[string]userType{}
	for _, t := range list {
		byKey[t.key()] = t
	}
	var out []userType
	done := map[string]bool{}
	var visit func(t userType)
	visit = func(t userType) {
		if done[t.key()] {
			return
		}
		done[t.key()] = true
		for _, u := range t.uses() {
			if d, ok := byKey[typeKey(u)]; ok {
				visit(d)
			}
		}
		out = append(out, t)
	}
	for _, t := range list {
		visit(t)
	}
	return out
}

func (p *planner) typeComment(kind string, s *schema.Schema, name, from, to string) {
	p.commentChange(kind+" "+qname(s, name), from, to)
}

func createEnum(e *schema.Enum) string {
	vals := make([]string, len(e.Values))
	for i, v := range e.Values {
		vals[i] = literal(v)
	}
	return "CREATE TYPE " + qname(e.Schema, e.Name) + " AS ENUM (" + strings.Join(vals, ", ") + ")"
}

// addEnumValues adds the values of to missing from from in place (ALTER
// TYPE … ADD VALUE), each placed by a value already there: before the
// next one when it is old, else after the one before it (old, or added
// by the previous step).
func (p *planner) addEnumValues(from, to *schema.Enum) {
	name := qname(to.Schema, to.Name)
	for i, v := range to.Values {
		if slices.Contains(from.Values, v) {
			continue
		}
		where := ""
		switch {
		case i+1 < len(to.Values) && slices.Contains(from.Values, to.Values[i+1]):
			where = " BEFORE " + literal(to.Values[i+1])
		case i > 0:
			where = " AFTER " + literal(to.Values[i-1])
		case len(from.Values) > 0:
			// The first of several new values: before the first old one,
			// the next ones after it.
			where = " BEFORE " + literal(from.Values[0])
		}
		p.add(createTypes, "ALTER TYPE "+name+" ADD VALUE "+literal(v)+where, "", false)
	}
}

// isSubsequence reports whether seq holds every value of sub, in order.
func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, v := range seq {
		if i < len(sub) && sub[i] == v {
			i++
		}
	}
	return i == len(sub)
}

func createDomain(d *schema.Domain) string {
	s := "CREATE DOMAIN " + qname(d.Schema, d.Name) + " AS " + d.Type.String()
	if d.Default != nil {
		s += " DEFAULT " + exprSQL(d.Default)
	}
	if !d.Null {
		s += " NOT NULL"
	}
	for _, c := range d.Checks {
		s += " " + checkClause(c)
	}
	return s
}

// alterDomain plans the changes of a domain whose base type stays.
func (p *planner) alterDomain(from, to *schema.Domain) {
	name := qname(to.Schema, to.Name)
	alter := func(clause, reverse string) {
		p.add(createTypes, "ALTER DOMAIN "+name+" "+clause, "ALTER DOMAIN "+name+" "+reverse, false)
	}
	if !p.sameDefault(from.Default, to.Default) {
		switch {
		case to.Default == nil:
			alter("DROP DEFAULT", "SET DEFAULT "+exprSQL(from.Default))
		case from.Default == nil:
			alter("SET DEFAULT "+exprSQL(to.Default), "DROP DEFAULT")
		default:
			alter("SET DEFAULT "+exprSQL(to.Default), "SET DEFAULT "+exprSQL(from.Default))
		}
	}
	if from.Null != to.Null {
		if to.Null {
			alter("DROP NOT NULL", "SET NOT NULL")
		} else {
			alter("SET NOT NULL", "DROP NOT NULL")
		}
	}
	for _, c := range from.Checks {
		if n := findCheck(to.Checks, c.Name); n == nil || !p.sameExpr(c.Expr, n.Expr) {
			alter("DROP CONSTRAINT "+ident(c.Name), "ADD "+checkClause(c))
		}
	}
	for _, c := range to.Checks {
		if o := findCheck(from.Checks, c.Name); o == nil || !p.sameExpr(c.Expr, o.Expr) {
			alter("ADD "+checkClause(c), "DROP CONSTRAINT "+ident(c.Name))
		}
	}
	p.domainCheckComments(from, to)
}

// domainTightens reports whether a domain gains a check or NOT NULL,
// which PostgreSQL validates against the columns using it.
func (p *planner) domainTightens(from, to *schema.Domain) bool {
	if from.Null && !to.Null {
		return true
	}
	for _, c := range to.Checks {
		if o := findCheck(from.Checks, c.Name); o == nil || !p.sameExpr(c.Expr, o.Expr) {
			return true
		}
	}
	return false
}

// domainCheckComments plans the comments of a domain's checks (from is
// empty for a domain the plan creates).
func (p *planner) domainCheckComments(from, to *schema.Domain) {
	for _, c := range to.Checks {
		before := ""
		if o := findCheck(from.Checks, c.Name); o != nil && p.sameExpr(o.Expr, c.Expr) {
			before = o.Comment
		}
		p.commentChange("CONSTRAINT "+ident(c.Name)+" ON DOMAIN "+qname(to.Schema, to.Name), before, c.Comment)
	}
}

func createComposite(c *schema.Composite) string {
	fields := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		fields[i] = ident(f.Name) + " " + f.Type.String()
		if f.Collate != "" {
			fields[i] += " COLLATE " + ident(f.Collate)
		}
	}
	return "CREATE TYPE " + qname(c.Schema, c.Name) + " AS (" + strings.Join(fields, ", ") + ")"
}

func (p *planner) alterComposite(from, to *schema.Composite) {
	name := qname(to.Schema, to.Name)
	alter := func(clause, reverse string, destructive bool) {
		p.add(createTypes, "ALTER TYPE "+name+" "+clause, "ALTER TYPE "+name+" "+reverse, destructive)
	}
	for _, f := range from.Fields {
		if columnNamed(to.Fields, f.Name) == nil {
			alter("DROP ATTRIBUTE "+ident(f.Name), "ADD ATTRIBUTE "+ident(f.Name)+" "+f.Type.String(), true)
		}
	}
	for _, f := range to.Fields {
		old := columnNamed(from.Fields, f.Name)
		switch {
		case old == nil:
			alter("ADD ATTRIBUTE "+ident(f.Name)+" "+f.Type.String(), "DROP ATTRIBUTE "+ident(f.Name), false)
		case !old.Type.Equal(f.Type):
			alter("ALTER ATTRIBUTE "+ident(f.Name)+" TYPE "+f.Type.String(), "ALTER ATTRIBUTE "+ident(f.Name)+" TYPE "+old.Type.String(), false)
		}
	}
}

// attributeRetyped reports whether a field of a composite type changes
// type.
func attributeRetyped(from, to *schema.Composite) bool {
	for _, f := range to.Fields {
		if old := columnNamed(from.Fields, f.Name); old != nil && !old.Type.Equal(f.Type) {
			return true
		}
	}
	return false
}

func columnNamed(cols []*schema.Column, name string) *schema.Column {
	for _, c := range cols {
		if c.Name == name {
			return c
		}
	}
	return nil
}
