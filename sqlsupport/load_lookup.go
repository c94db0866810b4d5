package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// schemaNamed is the schema called name (the statement's default schema
// when empty), or nil; public is made when first used.
func (st *ldStmt) schemaNamed(name string) *schema.Schema {
	if name == "" {
		name = st.defSchema
	}
	r := st.l.out.Realm
	if s := r.Schema(name); s != nil {
		return s
	}
	if name == "public" {
		// Made by the first statement that uses it; declared nowhere (no
		// position) until a CREATE SCHEMA public, so nothing that names
		// a statement's position is taken for it.
		s := &schema.Schema{Name: name}
		r.Schemas = append(r.Schemas, s)
		st.l.implicit = s
		return s
	}
	return nil
}

// schemaFor is the schema a new object named with sch goes to, reporting
// when it does not exist.
func (st *ldStmt) schemaFor(sch string) *schema.Schema {
	s := st.schemaNamed(sch)
	if s == nil {
		st.fail("Schema %q does not exist", sch)
	}
	return s
}

// searchPath is where an unqualified name is looked up.
func (st *ldStmt) searchPath(sch string) []*schema.Schema {
	names := []string{sch}
	if sch == "" {
		names = []string{st.defSchema, "public"}
	}
	var out []*schema.Schema
	for _, n := range names {
		if s := st.l.out.Realm.Schema(n); s != nil && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// ldRel is a relation found by name: a table, view, sequence or index.
type ldRel struct {
	s     *schema.Schema
	table *schema.Table
	view  *schema.View
	seq   *schema.Sequence
	index *schema.Index
	owner any // the table or view of an index
}

func (r ldRel) found() bool {
	return r.table != nil || r.view != nil || r.seq != nil || r.index != nil
}

// kind names the relation's kind as PostgreSQL's messages do.
func (r ldRel) kind() string {
	switch {
	case r.table != nil:
		return "table"
	case r.view != nil && r.view.Materialized:
		return "materialized view"
	case r.view != nil:
		return "view"
	case r.seq != nil:
		return "sequence"
	case r.index != nil:
		return "index"
	}
	return "relation"
}

// relation finds a relation by (possibly qualified) name.
func (st *ldStmt) relation(sch, name string) ldRel {
	for _, s := range st.searchPath(sch) {
		if r := ldRelIn(s, name); r.found() {
			return r
		}
	}
	return ldRel{}
}

// rangeVar finds the relation a RangeVar names.
func (st *ldStmt) rangeVar(rv *pg_query.RangeVar) ldRel {
	return st.relation(rv.Schemaname, rv.Relname)
}

func ldRelIn(s *schema.Schema, name string) ldRel {
	if t := s.Table(name); t != nil {
		return ldRel{s: s, table: t}
	}
	for _, v := range s.Views {
		if v.Name == name {
			return ldRel{s: s, view: v}
		}
	}
	for _, q := range s.Sequences {
		if q.Name == name {
			return ldRel{s: s, seq: q}
		}
	}
	for _, t := range s.Tables {
		for _, ix := range ldTableIndexes(t) {
			if ix.Name == name {
				return ldRel{s: s, index: ix, owner: t}
			}
		}
	}
	for _, v := range s.Views {
		for _, ix := range v.Indexes {
			if ix.Name == name {
				return ldRel{s: s, index: ix, owner: v}
			}
		}
	}
	return ldRel{}
}

// ldTableIndexes are a table's primary key and indexes.
func ldTableIndexes(t *schema.Table) []*schema.Index {
	out := slices.Clone(t.Indexes)
	if t.PrimaryKey != nil {
		out = append([]*schema.Index{t.PrimaryKey}, out...)
	}
	return out
}

// relTaken reports names used by relations of s (tables, views,
// sequences, indexes and the indexes of exclusion constraints).
func ldRelTaken(s *schema.Schema) func(string) bool {
	return func(name string) bool {
		if ldRelIn(s, name).found() {
			return true
		}
		for _, t := range s.Tables {
			for _, ex := range t.Excludes {
				if ex.Name == name {
					return true
				}
			}
		}
		return false
	}
}

// ldConTaken reports names used by constraints in s.
func ldConTaken(s *schema.Schema) func(string) bool {
	return func(name string) bool {
		for _, t := range s.Tables {
			if ldConstraint(t, name) != nil {
				return true
			}
		}
		for _, d := range s.Domains {
			for _, c := range d.Checks {
				if c.Name == name {
					return true
				}
			}
		}
		return false
	}
}

// ldConstraint finds a table's constraint by name: its primary key, a
// unique constraint, foreign key, check or exclusion constraint.
func ldConstraint(t *schema.Table, name string) any {
	if t.PrimaryKey != nil && t.PrimaryKey.Name == name {
		return t.PrimaryKey
	}
	for _, ix := range t.Indexes {
		if ix.Constraint && ix.Name == name {
			return ix
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == name {
			return fk
		}
	}
	for _, c := range t.Checks {
		if c.Name == name {
			return c
		}
	}
	for _, ex := range t.Excludes {
		if ex.Name == name {
			return ex
		}
	}
	return nil
}

// typeTaken reports whether s has a type named name: an enum, domain or
// composite, or the row type of a table or view.
func (l *loader) typeTaken(s *schema.Schema, name string) bool {
	if l.typeKind(s, name) != "" {
		return true
	}
	r := ldRelIn(s, name)
	return r.view != nil
}

// routine finds a function or procedure by name and, unless args is nil,
// by the types of its input arguments.
func (st *ldStmt) routine(sch, name string, args []string) (*schema.Schema, *schema.Func, bool) {
	var found *schema.Func
	var in *schema.Schema
	n := 0
	for _, s := range st.searchPath(sch) {
		for _, f := range s.Funcs {
			if f.Name != name || args != nil && !slices.Equal(ldSignature(f), args) {
				continue
			}
			if found == nil {
				found, in = f, s
			}
			n++
		}
		if found != nil {
			break
		}
	}
	return in, found, n <= 1
}

// objectWithArgs finds the routine an ObjectWithArgs names; ambiguous is
// set when it names several overloads without argument types.
func (st *ldStmt) objectWithArgs(o *pg_query.ObjectWithArgs) (s *schema.Schema, f *schema.Func, ambiguous bool) {
	sch, name := ldSplitName(ldStrings(o.Objname))
	var args []string
	if !o.ArgsUnspecified {
		args = []string{}
		for _, a := range o.Objargs {
			var t schema.Type
			st.resolveType(a.GetTypeName(), &t)
			args = append(args, t.String())
		}
	}
	s, f, unique := st.routine(sch, name, args)
	return s, f, !unique
}

// ldSignature is the types of a routine's input arguments.
func ldSignature(f *schema.Func) []string {
	out := []string{}
	for _, a := range f.Args {
		if m := strings.ToUpper(a.Mode); m != "OUT" && m != "TABLE" {
			out = append(out, a.Type.String())
		}
	}
	return out
}

// eachType calls fn with every type the realm uses.
func (l *loader) eachType(fn func(*schema.Type)) {
	cols := func(cs []*schema.Column) {
		for _, c := range cs {
			fn(&c.Type)
		}
	}
	for _, s := range l.out.Realm.Schemas {
		for _, t := range s.Tables {
			cols(t.Columns)
		}
		for _, v := range s.Views {
			cols(v.Columns)
		}
		for _, c := range s.Composites {
			cols(c.Fields)
		}
		for _, d := range s.Domains {
			fn(&d.Type)
		}
		for _, f := range s.Funcs {
			for _, a := range f.Args {
				fn(&a.Type)
			}
			if f.Return != nil {
				fn(f.Return)
			}
			cols(f.ReturnTable)
			if f.Agg != nil {
				fn(&f.Agg.StateType)
			}
		}
	}
}

// eachTable calls fn with every table.
func (l *loader) eachTable(fn func(*schema.Table)) {
	for _, s := range l.out.Realm.Schemas {
		for _, t := range s.Tables {
			fn(t)
		}
	}
}

// newRelation is the schema a CREATE of a table, materialized view or
// sequence named rv puts it in; nil (after reporting, unless IF NOT
// EXISTS) when the schema is missing or a relation or type already has
// the name.
func (st *ldStmt) newRelation(rv *pg_query.RangeVar, ifNotExists bool) *schema.Schema {
	s := st.schemaFor(rv.Schemaname)
	if s == nil {
		return nil
	}
	if ldRelIn(s, rv.Relname).found() || st.l.typeTaken(s, rv.Relname) {
		if !ifNotExists {
			st.fail("Relation %q already exists in schema %q", rv.Relname, s.Name)
		}
		return nil
	}
	return s
}
