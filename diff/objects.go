package diff

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// extensions plans CREATE, DROP and ALTER EXTENSION … UPDATE.
func (p *planner) extensions(from, to *schema.Realm) {
	find := func(list []*schema.Extension, name string) *schema.Extension {
		for _, e := range list {
			if e.Name == name {
				return e
			}
		}
		return nil
	}
	create := func(e *schema.Extension) string {
		s := "CREATE EXTENSION " + ident(e.Name)
		if e.Schema != "" {
			s += " SCHEMA " + ident(e.Schema)
		}
		if e.Version != "" {
			s += " VERSION " + literal(e.Version)
		}
		return s
	}
	for _, e := range to.Extensions {
		old := find(from.Extensions, e.Name)
		switch {
		case old == nil:
			p.add(createExtensions, create(e), "DROP EXTENSION "+ident(e.Name), false)
		case old.Schema != e.Schema:
			p.add(createExtensions, fmt.Sprintf("ALTER EXTENSION %s SET SCHEMA %s", ident(e.Name), ident(e.Schema)),
				fmt.Sprintf("ALTER EXTENSION %s SET SCHEMA %s", ident(e.Name), ident(old.Schema)), false)
		}
		if old != nil && e.Version != "" && old.Version != e.Version {
			p.add(createExtensions, fmt.Sprintf("ALTER EXTENSION %s UPDATE TO %s", ident(e.Name), literal(e.Version)), "", false)
		}
	}
	for _, e := range from.Extensions {
		if find(to.Extensions, e.Name) == nil {
			p.add(dropExtensions, "DROP EXTENSION "+ident(e.Name), create(e), true)
		}
	}
}

// types plans enums, domains and composite types.
func (p *planner) types(from, to *schema.Schema) {
	for _, e := range to.Enums {
		if old := findEnum(from.Enums, e.Name); old != nil {
			p.alterEnum(old, e, from, to)
			continue
		}
		p.add(createTypes, createEnum(e), "DROP TYPE "+qname(e.Schema, e.Name), false)
		p.typeComment("TYPE", e.Schema, e.Name, "", e.Comment)
	}
	for _, e := range from.Enums {
		if findEnum(to.Enums, e.Name) == nil {
			p.add(dropTypes, "DROP TYPE "+qname(e.Schema, e.Name), createEnum(e), true)
		}
	}
	for _, d := range to.Domains {
		old := findDomain(from.Domains, d.Name)
		if old == nil {
			p.add(createTypes, createDomain(d), "DROP DOMAIN "+qname(d.Schema, d.Name), false)
			p.typeComment("DOMAIN", d.Schema, d.Name, "", d.Comment)
			continue
		}
		p.alterDomain(old, d)
	}
	for _, d := range from.Domains {
		if findDomain(to.Domains, d.Name) == nil {
			p.add(dropTypes, "DROP DOMAIN "+qname(d.Schema, d.Name), createDomain(d), true)
		}
	}
	for _, c := range to.Composites {
		old := findComposite(from.Composites, c.Name)
		if old == nil {
			p.add(createTypes, createComposite(c), "DROP TYPE "+qname(c.Schema, c.Name), false)
			p.typeComment("TYPE", c.Schema, c.Name, "", c.Comment)
			continue
		}
		p.alterComposite(old, c)
	}
	for _, c := range from.Composites {
		if findComposite(to.Composites, c.Name) == nil {
			p.add(dropTypes, "DROP TYPE "+qname(c.Schema, c.Name), createComposite(c), true)
		}
	}
}

func (p *planner) typeComment(kind string, s *schema.Schema, name, from, to string) {
	if from != to {
		what := kind + " " + qname(s, name)
		p.add(setComments, commentOn(what, to), commentOn(what, from), false)
	}
}

func createEnum(e *schema.Enum) string {
	vals := make([]string, len(e.Values))
	for i, v := range e.Values {
		vals[i] = literal(v)
	}
	return "CREATE TYPE " + qname(e.Schema, e.Name) + " AS ENUM (" + strings.Join(vals, ", ") + ")"
}

// alterEnum adds the new values in place (ALTER TYPE … ADD VALUE, each
// before or after its neighbour); values removed or reordered cannot be
// changed in place, so the type is made anew and the columns of s (the
// schema as it was) using it converted through text, their defaults
// dropped for the conversion and set again when they stay (a column
// whose default changes gets its new one from its own change).
func (p *planner) alterEnum(from, to *schema.Enum, s, next *schema.Schema) {
	p.typeComment("TYPE", to.Schema, to.Name, from.Comment, to.Comment)
	if slices.Equal(from.Values, to.Values) {
		return
	}
	name := qname(to.Schema, to.Name)
	if isSubsequence(from.Values, to.Values) {
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
			}
			p.add(createTypes, "ALTER TYPE "+name+" ADD VALUE "+literal(v)+where, "", false)
		}
		return
	}
	p.warn(fmt.Sprintf("enum %s: values are removed or reordered, which PostgreSQL cannot do in place: the type is created anew and its columns converted through text; rows holding a removed value make the conversion fail", name))
	old := to.Name + "_old"
	p.add(createTypes, "ALTER TYPE "+name+" RENAME TO "+ident(old), "", true)
	p.add(createTypes, createEnum(to), "", false)
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Type.UserKind == "enum" && c.Type.Name == to.Name && (c.Type.UserSchema == "" || c.Type.UserSchema == to.Schema.Name) {
				table := qname(t.Schema, t.Name)
				if c.Default != nil {
					p.add(createTypes, "ALTER TABLE "+table+" ALTER COLUMN "+ident(c.Name)+" DROP DEFAULT", "", false)
				}
				p.add(createTypes, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s TYPE %s USING %s::text::%s", table, ident(c.Name), name, ident(c.Name), name), "", true)
				if nt := next.Table(t.Name); c.Default != nil && nt != nil {
					if nc := nt.Column(c.Name); nc != nil && p.sameDefault(c.Default, nc.Default) {
						p.add(createTypes, "ALTER TABLE "+table+" ALTER COLUMN "+ident(c.Name)+" SET DEFAULT "+exprSQL(c.Default), "", false)
					}
				}
			}
		}
	}
	p.add(createTypes, "DROP TYPE "+qname(to.Schema, old), "", true)
}

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

func (p *planner) alterDomain(from, to *schema.Domain) {
	name := qname(to.Schema, to.Name)
	if !from.Type.Equal(to.Type) {
		p.warn(fmt.Sprintf("domain %s: its base type changes, which PostgreSQL cannot alter: it is dropped and created again, with the columns using it", name))
		p.add(createTypes, "DROP DOMAIN "+name+" CASCADE", createDomain(from), true)
		p.add(createTypes, createDomain(to), "", false)
		return
	}
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
	p.typeComment("DOMAIN", to.Schema, to.Name, from.Comment, to.Comment)
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
	p.typeComment("TYPE", to.Schema, to.Name, from.Comment, to.Comment)
}

func columnNamed(cols []*schema.Column, name string) *schema.Column {
	for _, c := range cols {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func findEnum(list []*schema.Enum, name string) *schema.Enum {
	for _, e := range list {
		if e.Name == name {
			return e
		}
	}
	return nil
}

func findDomain(list []*schema.Domain, name string) *schema.Domain {
	for _, d := range list {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func findComposite(list []*schema.Composite, name string) *schema.Composite {
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// sequences plans CREATE, ALTER and DROP SEQUENCE.
func (p *planner) sequences(from, to *schema.Schema) {
	find := func(list []*schema.Sequence, name string) *schema.Sequence {
		for _, q := range list {
			if q.Name == name {
				return q
			}
		}
		return nil
	}
	for _, q := range to.Sequences {
		old := find(from.Sequences, q.Name)
		if old == nil {
			p.add(createSequences, "CREATE SEQUENCE "+qname(q.Schema, q.Name)+sequenceOptions(q, nil), "DROP SEQUENCE "+qname(q.Schema, q.Name), false)
			if q.OwnedBy != "" {
				p.add(addForeignKeys, "ALTER SEQUENCE "+qname(q.Schema, q.Name)+" OWNED BY "+ownedBy(q), "", false)
			}
			p.typeComment("SEQUENCE", q.Schema, q.Name, "", q.Comment)
			continue
		}
		if opts := sequenceOptions(q, old); opts != "" {
			// Bounds that move past where the sequence may stand make
			// PostgreSQL refuse them unless it restarts.
			if effectiveMin(q) > effectiveMin(old) || effectiveMax(q) < effectiveMax(old) {
				opts += " RESTART"
				p.warn(fmt.Sprintf("sequence %s: its bounds narrow, so it restarts at its start; values it handed out before may come again", qname(q.Schema, q.Name)))
			}
			p.add(createSequences, "ALTER SEQUENCE "+qname(q.Schema, q.Name)+opts, "ALTER SEQUENCE "+qname(q.Schema, q.Name)+sequenceOptions(old, q), false)
		}
		if old.OwnedBy != q.OwnedBy {
			owner := "NONE"
			if q.OwnedBy != "" {
				owner = ownedBy(q)
			}
			p.add(addForeignKeys, "ALTER SEQUENCE "+qname(q.Schema, q.Name)+" OWNED BY "+owner, "", false)
		}
		p.typeComment("SEQUENCE", q.Schema, q.Name, old.Comment, q.Comment)
	}
	for _, q := range from.Sequences {
		if find(to.Sequences, q.Name) == nil {
			p.add(dropSequences, "DROP SEQUENCE "+qname(q.Schema, q.Name), "CREATE SEQUENCE "+qname(q.Schema, q.Name)+sequenceOptions(q, nil), true)
		}
	}
}

// effectiveMin and effectiveMax are a sequence's bounds, defaults
// included (an ascending sequence starts at 1, a descending one ends at
// -1).
func effectiveMin(q *schema.Sequence) int64 {
	switch {
	case q.Min != nil:
		return *q.Min
	case q.Increment != nil && *q.Increment < 0:
		return math.MinInt64
	}
	return 1
}

func effectiveMax(q *schema.Sequence) int64 {
	switch {
	case q.Max != nil:
		return *q.Max
	case q.Increment != nil && *q.Increment < 0:
		return -1
	}
	return math.MaxInt64
}

func sameInt(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// defaultStart is where PostgreSQL starts a sequence when START is left
// out: its minimum when it ascends, its maximum when it descends.
func defaultStart(q *schema.Sequence) int64 {
	if q.Increment != nil && *q.Increment < 0 {
		if q.Max != nil {
			return *q.Max
		}
		return -1
	}
	if q.Min != nil {
		return *q.Min
	}
	return 1
}

func ownedBy(q *schema.Sequence) string {
	table, col, _ := strings.Cut(q.OwnedBy, ".")
	return qname(q.Schema, table) + "." + ident(col)
}

// sequenceOptions writes the options of q that differ from old (all of
// them when old is nil).
func sequenceOptions(q, old *schema.Sequence) string {
	var b strings.Builder
	num := func(label string, v, was *int64) {
		switch {
		case v != nil && (old == nil || was == nil || *v != *was):
			b.WriteString(" " + label + " " + strconv.FormatInt(*v, 10))
		case v == nil && old != nil && was != nil:
			b.WriteString(" NO " + strings.Fields(label)[0]) // back to the default
		}
	}
	if old == nil && q.Type.Name != "" || old != nil && !old.Type.Equal(q.Type) {
		t := q.Type
		if t.Name == "" {
			t = schema.Type{Name: "bigint"}
		}
		b.WriteString(" AS " + t.String())
	}
	var wasInc, wasMin, wasMax, wasStart, wasCache *int64
	if old != nil {
		wasInc, wasMin, wasMax, wasStart, wasCache = old.Increment, old.Min, old.Max, old.Start, old.Cache
	}
	num("INCREMENT BY", q.Increment, wasInc)
	num("MINVALUE", q.Min, wasMin)
	num("MAXVALUE", q.Max, wasMax)
	switch {
	case q.Start != nil && (old == nil || wasStart == nil || *q.Start != *wasStart):
		b.WriteString(" START WITH " + strconv.FormatInt(*q.Start, 10))
	case q.Start == nil && old != nil && (wasStart != nil || !sameInt(q.Min, wasMin) || !sameInt(q.Max, wasMax) || !sameInt(q.Increment, wasInc)):
		// The default start follows the bounds and direction: say it, or
		// the old start may fall outside the new bounds.
		b.WriteString(" START WITH " + strconv.FormatInt(defaultStart(q), 10))
	}
	if q.Cache != nil && (old == nil || wasCache == nil || *q.Cache != *wasCache) {
		b.WriteString(" CACHE " + strconv.FormatInt(*q.Cache, 10))
	} else if q.Cache == nil && wasCache != nil {
		b.WriteString(" CACHE 1")
	}
	if q.Cycle && (old == nil || !old.Cycle) {
		b.WriteString(" CYCLE")
	} else if !q.Cycle && old != nil && old.Cycle {
		b.WriteString(" NO CYCLE")
	}
	return b.String()
}
