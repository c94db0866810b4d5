package diff

import (
	"fmt"
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// retype is a type PostgreSQL cannot alter in place: the old one is
// renamed, the new one created under its name, the columns using it
// converted, and the old one dropped last.
type retype struct {
	from, to userType
	old      string // the temporary name of the old type
}

// remade is what the plan makes anew, found before it plans anything
// else: the types (by key) and the routines (of the current side) it
// drops and creates again, and the columns it converts to remade types
// (by qualified table name).
type remade struct {
	types     map[string]*retype
	routines  map[*schema.Func]bool
	early     map[*schema.Func]bool // dropped before the tables they read change
	converted map[string][]string
	rebuilt   map[any]bool // checks and indexes dropped and made again
	// remadeNames and createdNames are the names, lower case, of the
	// routines the plan makes anew, and of all those it creates: the SQL
	// of their dependents names them.
	remadeNames, createdNames map[string]bool
	// relations are the names of the tables and views of both sides,
	// lower case.
	relations map[string]bool
}

// types plans the enums, domains and composite types of every schema at
// once, since one may be made of another's: types are created after
// those they use and dropped before them; a type PostgreSQL cannot alter
// in place is made anew (remakeTypes).
func (p *planner) types(from, to *schema.Realm) {
	p.remade = remade{types: map[string]*retype{}, routines: map[*schema.Func]bool{}, early: map[*schema.Func]bool{}, converted: map[string][]string{}, rebuilt: map[any]bool{},
		remadeNames: map[string]bool{}, createdNames: map[string]bool{}, relations: map[string]bool{}}
	p.remakeTypes(from, to)
	toTypes, fromTypes := orderTypes(userTypes(to)), orderTypes(userTypes(from))
	for _, t := range toTypes {
		if r := p.remade.types[t.key()]; r != nil {
			name := qname(t.schema(), t.name())
			p.add(createTypes, "ALTER "+r.from.kind()+" "+name+" RENAME TO "+ident(r.old), "", false)
		}
	}
	for _, t := range toTypes {
		if old, ok := findType(fromTypes, t); ok && t.enum != nil && p.remade.types[t.key()] == nil {
			p.addEnumValues(old.enum, t.enum)
		}
	}
	for _, t := range toTypes {
		_, ok := findType(fromTypes, t)
		if ok && p.remade.types[t.key()] == nil {
			continue
		}
		reverse := ""
		if !ok {
			reverse = "DROP " + t.kind() + " " + qname(t.schema(), t.name())
		}
		p.add(createTypes, t.create(), reverse, false)
		if t.domain != nil {
			p.domainCheckComments(&schema.Domain{}, t.domain)
		}
		p.typeComment(t.kind(), t.schema(), t.name(), "", t.comment())
	}
	for _, t := range toTypes {
		old, ok := findType(fromTypes, t)
		if !ok || p.remade.types[t.key()] != nil {
			continue
		}
		switch {
		case t.domain != nil:
			p.alterDomain(old.domain, t.domain)
		case t.composite != nil:
			p.alterComposite(old.composite, t.composite)
		}
		p.typeComment(t.kind(), t.schema(), t.name(), old.comment(), t.comment())
	}
	for i := len(fromTypes) - 1; i >= 0; i-- {
		t := fromTypes[i]
		name := qname(t.schema(), t.name())
		if r := p.remade.types[t.key()]; r != nil {
			p.add(dropTypes, "DROP "+t.kind()+" "+qname(t.schema(), r.old), "", true)
		} else if _, ok := findType(toTypes, t); !ok {
			p.add(dropTypes, "DROP "+t.kind()+" "+name, t.create(), true)
		}
	}
	p.convertColumns(from, to)
}

// findType finds the type of list with t's schema, name and kind.
func findType(list []userType, t userType) (userType, bool) {
	for _, o := range list {
		if o.key() == t.key() && o.sameKind(t) {
			return o, true
		}
	}
	return userType{}, false
}

// remakeTypes finds the types to make anew (remakeReason), and the
// domains and composite types made of those.
func (p *planner) remakeTypes(from, to *schema.Realm) {
	fromTypes := userTypes(from)
	stored := storedTypes(from)
	for grew := true; grew; {
		grew = false
		for _, t := range userTypes(to) {
			i := slices.IndexFunc(fromTypes, func(o userType) bool { return o.key() == t.key() })
			if i < 0 || p.remade.types[t.key()] != nil {
				continue
			}
			old := fromTypes[i]
			why := p.remakeReason(old, t, stored[t.key()])
			if why == "" && slices.ContainsFunc(old.uses(), func(u schema.Type) bool { return p.remade.types[typeKey(u)] != nil }) {
				why = "a type it is made of is made anew"
			}
			if why != "" {
				p.remade.types[t.key()] = &retype{from: old, to: t, old: freeTypeName(from, to, t.schema().Name, t.name()+"_old")}
				p.warn(fmt.Sprintf("%s %s: %s; it is created anew and the columns using it converted, which fails on a value the new type refuses",
					t.what(), qname(t.schema(), t.name()), why))
				grew = true
			}
		}
	}
}

// storedTypes tells, by key, the types columns store: 1 when a column
// has the type, 2 when in an array or a composite value (so are a
// domain's base type and a composite's field types).
func storedTypes(r *schema.Realm) map[string]int {
	stored := map[string]int{}
	mark := func(t schema.Type, level int) bool {
		if t.Array > 0 {
			level = 2
		}
		k := typeKey(t)
		if k == "" || stored[k] >= level {
			return false
		}
		stored[k] = level
		return true
	}
	for _, s := range r.Schemas {
		for _, t := range s.Tables {
			for _, c := range t.Columns {
				mark(c.Type, 1)
			}
		}
	}
	types := userTypes(r)
	for grew := true; grew; {
		grew = false
		for _, t := range types {
			level := stored[t.key()]
			if level > 0 && t.composite != nil {
				level = 2
			}
			for _, u := range t.uses() {
				if level > 0 && mark(u, level) {
					grew = true
				}
			}
		}
	}
	return stored
}

// remakeReason says why a type cannot change in place, "" when it can:
// an enum loses or reorders values; a domain's base type changes, or it
// gains a check or NOT NULL while a column stores it in an array or a
// composite value (ALTER DOMAIN cannot check those); a composite type's
// fields change type while a column stores it. stored is as storedTypes
// says.
func (p *planner) remakeReason(old, t userType, stored int) string {
	switch {
	case !old.sameKind(t):
		return "it changes kind, from " + old.what() + " to " + t.what()
	case t.enum != nil && !isSubsequence(old.enum.Values, t.enum.Values):
		return "values are removed or reordered, which PostgreSQL cannot do in place"
	case t.domain != nil && !old.domain.Type.Equal(t.domain.Type):
		return "its base type changes, which PostgreSQL cannot alter"
	case t.domain != nil && stored == 2 && p.domainTightens(old.domain, t.domain):
		return "it gains a constraint, which PostgreSQL cannot check in the arrays or composite values of columns"
	case t.composite != nil && stored > 0 && attributeRetyped(old.composite, t.composite):
		return "attributes change type, which PostgreSQL refuses while columns store it"
	}
	return ""
}

// freeTypeName is name, or name with a number, free in schema s of both
// realms.
func freeTypeName(from, to *schema.Realm, s, name string) string {
	taken := func(n string) bool {
		for _, r := range []*schema.Realm{from, to} {
			if sc := r.Schema(s); sc != nil && (sc.Table(n) != nil || schemaHasType(sc, n)) {
				return true
			}
		}
		return false
	}
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s%d", name, i)
		}
		if !taken(n) {
			return n
		}
	}
}

func schemaHasType(s *schema.Schema, name string) bool {
	return slices.ContainsFunc(s.Enums, func(e *schema.Enum) bool { return e.Name == name }) ||
		slices.ContainsFunc(s.Domains, func(d *schema.Domain) bool { return d.Name == name }) ||
		slices.ContainsFunc(s.Composites, func(c *schema.Composite) bool { return c.Name == name })
}
