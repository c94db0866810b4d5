package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// ldKinds names the relation kinds of DROP and COMMENT ON.
var ldKinds = map[pg_query.ObjectType]string{
	pg_query.ObjectType_OBJECT_TABLE:    "table",
	pg_query.ObjectType_OBJECT_VIEW:     "view",
	pg_query.ObjectType_OBJECT_MATVIEW:  "materialized view",
	pg_query.ObjectType_OBJECT_SEQUENCE: "sequence",
	pg_query.ObjectType_OBJECT_INDEX:    "index",
}

// ldCapital capitalises the first letter of a message word.
func ldCapital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ldObjectWord spells an object type for messages: OBJECT_MATVIEW is
// "MATVIEW".
func ldObjectWord(t pg_query.ObjectType) string {
	return strings.ReplaceAll(strings.TrimPrefix(t.String(), "OBJECT_"), "_", " ")
}

func (st *ldStmt) drop(n *pg_query.DropStmt) {
	cascade := n.Behavior == pg_query.DropBehavior_DROP_CASCADE
	missing := func(what, name string) {
		if !n.MissingOk {
			st.fail("%s %q does not exist", ldCapital(what), name)
		}
	}
	for _, o := range n.Objects {
		switch t := n.RemoveType; t {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
			pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX:
			sch, name := ldSplitName(ldStrings(o.GetList().GetItems()))
			rel := st.relation(sch, name)
			switch {
			case !rel.found():
				missing(ldKinds[t], name)
			case rel.kind() != ldKinds[t]:
				st.fail("%q is a %s, not a %s", name, rel.kind(), ldKinds[t])
			default:
				st.dropRelation(rel, cascade)
			}
		case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
			sch, name := ldSplitName(ldStrings(o.GetTypeName().GetNames()))
			if !st.dropType(sch, name, cascade) {
				missing("Type", name)
			}
		case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE,
			pg_query.ObjectType_OBJECT_ROUTINE, pg_query.ObjectType_OBJECT_AGGREGATE:
			s, fn, ambiguous := st.objectWithArgs(o.GetObjectWithArgs())
			switch {
			case fn == nil:
				missing("Routine", st.routineName(o.GetObjectWithArgs()))
			case ambiguous:
				st.fail("Routine name %s is not unique: give the argument types", fn.Name)
			default:
				st.dropRoutine(s, fn, cascade)
			}
		case pg_query.ObjectType_OBJECT_SCHEMA:
			name := o.GetString_().GetSval()
			if s := st.l.out.Realm.Schema(name); s != nil {
				st.dropSchema(s, cascade)
			} else {
				missing("Schema", name)
			}
		case pg_query.ObjectType_OBJECT_EXTENSION:
			name := o.GetString_().GetSval()
			if k, _ := st.extension(name); k >= 0 {
				r := st.l.out.Realm
				r.Extensions = slices.Delete(r.Extensions, k, k+1)
			} else {
				missing("Extension", name)
			}
		case pg_query.ObjectType_OBJECT_TRIGGER, pg_query.ObjectType_OBJECT_POLICY:
			names := ldStrings(o.GetList().GetItems())
			if len(names) < 2 {
				continue
			}
			rv := &pg_query.RangeVar{Relname: names[len(names)-2]}
			if len(names) > 2 {
				rv.Schemaname = names[len(names)-3]
			}
			name := names[len(names)-1]
			if !st.rangeVar(rv).found() {
				missing("Table", rv.Relname)
				continue
			}
			found := false
			if t == pg_query.ObjectType_OBJECT_TRIGGER {
				if list := st.triggers(rv); list != nil {
					n := len(*list)
					*list = slices.DeleteFunc(*list, func(x *schema.Trigger) bool { return x.Name == name })
					found = len(*list) < n
				}
			} else if list := st.policies(rv); list != nil {
				n := len(*list)
				*list = slices.DeleteFunc(*list, func(x *schema.Policy) bool { return x.Name == name })
				found = len(*list) < n
			}
			if !found {
				missing(strings.ToLower(ldObjectWord(t)), name)
			}
		default:
			st.unmodelled("DROP " + ldObjectWord(t))
			return
		}
	}
}

// dropRelation removes a relation and what goes with it: a table's owned
// sequences and partitions and, with CASCADE, the foreign keys
// referencing it.
func (st *ldStmt) dropRelation(rel ldRel, cascade bool) {
	s := rel.s
	switch {
	case rel.table != nil:
		t := rel.table
		var refs []*schema.ForeignKey
		st.l.eachTable(func(o *schema.Table) {
			for _, fk := range o.ForeignKeys {
				if o != t && fk.RefSchema == s.Name && fk.RefTable == t.Name {
					refs = append(refs, fk)
				}
			}
		})
		if len(refs) > 0 && !cascade {
			st.fail("Cannot drop table %q: foreign key %s depends on it (use CASCADE)", t.Name, refs[0].Name)
			return
		}
		st.l.dropForeignKeys(refs)
		s.Tables = slices.DeleteFunc(s.Tables, func(x *schema.Table) bool { return x == t })
		s.Sequences = slices.DeleteFunc(s.Sequences, func(q *schema.Sequence) bool { return strings.HasPrefix(q.OwnedBy, t.Name+".") })
		// Its partitions go with it.
		var parts []*schema.Table
		st.l.eachTable(func(o *schema.Table) {
			if o.PartitionOf != nil && o.PartitionOf.Schema == s.Name && o.PartitionOf.Table == t.Name {
				parts = append(parts, o)
			}
		})
		for _, o := range parts {
			st.dropRelation(ldRel{s: o.Schema, table: o}, true)
		}
	case rel.view != nil:
		s.Views = slices.DeleteFunc(s.Views, func(x *schema.View) bool { return x == rel.view })
	case rel.seq != nil:
		s.Sequences = slices.DeleteFunc(s.Sequences, func(x *schema.Sequence) bool { return x == rel.seq })
	case rel.index != nil:
		switch o := rel.owner.(type) {
		case *schema.Table:
			if o.PrimaryKey == rel.index || rel.index.Constraint {
				st.fail("Cannot drop index %q: constraint %q of table %q requires it", rel.index.Name, rel.index.Name, o.Name)
				return
			}
			o.Indexes = slices.DeleteFunc(o.Indexes, func(x *schema.Index) bool { return x == rel.index })
		case *schema.View:
			o.Indexes = slices.DeleteFunc(o.Indexes, func(x *schema.Index) bool { return x == rel.index })
		}
	}
}

// dropType removes an enum, composite or domain; what uses it needs
// CASCADE, which drops those columns, domains and routines. It reports
// whether the type exists.
func (st *ldStmt) dropType(sch, name string, cascade bool) bool {
	var s *schema.Schema
	kind := ""
	if es, e := st.enum(sch, name); e != nil {
		s, kind = es, "enum"
	} else if cs, c := st.composite(sch, name); c != nil {
		s, kind = cs, "composite"
	} else if ds, d := st.domain(sch, name); d != nil {
		s, kind = ds, "domain"
	}
	if s == nil {
		return false
	}
	is := func(t schema.Type) bool { return t.UserKind == kind && t.UserSchema == s.Name && t.Name == name }
	used := false
	st.l.eachType(func(t *schema.Type) { used = used || is(*t) })
	if used && !cascade {
		st.fail("Cannot drop type %q: other objects use it (use CASCADE)", name)
		return true
	}
	usesType := func(c *schema.Column) bool { return is(c.Type) }
	for _, o := range st.l.out.Realm.Schemas {
		for _, t := range o.Tables {
			t.Columns = slices.DeleteFunc(t.Columns, usesType)
		}
		for _, c := range o.Composites {
			c.Fields = slices.DeleteFunc(c.Fields, usesType)
		}
		o.Domains = slices.DeleteFunc(o.Domains, func(d *schema.Domain) bool { return is(d.Type) })
		o.Funcs = slices.DeleteFunc(o.Funcs, func(f *schema.Func) bool {
			return f.Return != nil && is(*f.Return) || slices.ContainsFunc(f.Args, func(a *schema.FuncArg) bool { return is(a.Type) })
		})
	}
	s.Enums = slices.DeleteFunc(s.Enums, func(e *schema.Enum) bool { return kind == "enum" && e.Name == name })
	s.Composites = slices.DeleteFunc(s.Composites, func(c *schema.Composite) bool { return kind == "composite" && c.Name == name })
	s.Domains = slices.DeleteFunc(s.Domains, func(d *schema.Domain) bool { return kind == "domain" && d.Name == name })
	return true
}

// dropRoutine removes a routine; triggers executing it and aggregates
// calling it need CASCADE, which drops them.
func (st *ldStmt) dropRoutine(s *schema.Schema, fn *schema.Func, cascade bool) {
	uses := func(tr *schema.Trigger) bool { return tr.FuncSchema == s.Name && tr.FuncName == fn.Name }
	used := false
	st.l.eachTriggers(func(list *[]*schema.Trigger) { used = used || slices.ContainsFunc(*list, uses) })
	callers := st.l.aggregatesCalling(schema.FuncRef{Schema: s.Name, Name: fn.Name})
	if len(callers) > 0 && !cascade {
		st.fail("Cannot drop %s %q: aggregate %s calls it (use CASCADE)", ldKindWord(fn.Kind), fn.Name, callers[0].Name)
		return
	}
	if used && !cascade {
		st.fail("Cannot drop %s %q: a trigger executes it (use CASCADE)", ldKindWord(fn.Kind), fn.Name)
		return
	}
	st.l.eachTriggers(func(list *[]*schema.Trigger) { *list = slices.DeleteFunc(*list, uses) })
	for _, a := range callers {
		a.Schema.Funcs = slices.DeleteFunc(a.Schema.Funcs, func(f *schema.Func) bool { return f == a })
	}
	s.Funcs = slices.DeleteFunc(s.Funcs, func(f *schema.Func) bool { return f == fn })
}

// eachTriggers calls fn with the trigger list of every table and view.
func (l *loader) eachTriggers(fn func(*[]*schema.Trigger)) {
	for _, s := range l.out.Realm.Schemas {
		for _, t := range s.Tables {
			fn(&t.Triggers)
		}
		for _, v := range s.Views {
			fn(&v.Triggers)
		}
	}
}

// dropSchema removes a schema; one with objects needs CASCADE, which also
// drops the foreign keys into it and the extensions installed in it.
func (st *ldStmt) dropSchema(s *schema.Schema, cascade bool) {
	if len(s.Objects()) > 0 && !cascade {
		st.fail("Cannot drop schema %q: it is not empty (use CASCADE)", s.Name)
		return
	}
	var refs []*schema.ForeignKey
	st.l.eachTable(func(o *schema.Table) {
		for _, fk := range o.ForeignKeys {
			if fk.RefSchema == s.Name && o.Schema != s {
				refs = append(refs, fk)
			}
		}
	})
	st.l.dropForeignKeys(refs)
	r := st.l.out.Realm
	r.Schemas = slices.DeleteFunc(r.Schemas, func(x *schema.Schema) bool { return x == s })
	r.Extensions = slices.DeleteFunc(r.Extensions, func(e *schema.Extension) bool { return e.Schema == s.Name })
}

func (st *ldStmt) comment(n *pg_query.CommentStmt) {
	text := n.Comment
	items := ldStrings(n.Object.GetList().GetItems())
	switch t := n.Objtype; t {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
		pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX:
		sch, name := ldSplitName(items)
		rel := st.relation(sch, name)
		switch {
		case rel.kind() != ldKinds[t]:
			st.fail("%s %q does not exist", ldCapital(ldKinds[t]), name)
		case rel.table != nil:
			rel.table.Comment = text
		case rel.view != nil:
			rel.view.Comment = text
		case rel.seq != nil:
			rel.seq.Comment = text
		case rel.index != nil:
			rel.index.Comment = text
		}
	case pg_query.ObjectType_OBJECT_COLUMN:
		if len(items) < 2 {
			return
		}
		sch, rname := ldSplitName(items[:len(items)-1])
		col := items[len(items)-1]
		var cols []*schema.Column
		rel := st.relation(sch, rname)
		if rel.table != nil {
			cols = rel.table.Columns
		} else if rel.view != nil {
			cols = rel.view.Columns
		} else if _, c := st.composite(sch, rname); c != nil {
			cols = c.Fields
		}
		k := slices.IndexFunc(cols, func(c *schema.Column) bool { return c.Name == col })
		switch {
		case k < 0 && rel.view != nil:
			st.skip("COMMENT ON COLUMN of a view column the model does not list (no column list)")
			return
		case rel.table != nil && rel.table.PartitionOf != nil:
			st.columnsExist(rel.table, []string{col}, "COMMENT ON COLUMN")
			st.skip("COMMENT ON COLUMN of a partition (its columns are its parent's)")
			return
		case k < 0:
			st.fail("Column %q of %q does not exist", col, rname)
			return
		}
		cols[k].Comment = text
	case pg_query.ObjectType_OBJECT_SCHEMA:
		name := n.Object.GetString_().GetSval()
		if s := st.schemaNamed(name); s != nil {
			s.Comment = text
		} else {
			st.fail("Schema %q does not exist", name)
		}
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE,
		pg_query.ObjectType_OBJECT_ROUTINE, pg_query.ObjectType_OBJECT_AGGREGATE:
		if fn := st.findRoutine(n.Object.GetObjectWithArgs()); fn != nil {
			fn.Comment = text
		}
	case pg_query.ObjectType_OBJECT_EXTENSION:
		name := n.Object.GetString_().GetSval()
		if _, e := st.extension(name); e != nil {
			e.Comment = text
		} else if name == "plpgsql" { // in every database, not in the model
			st.unmodelled("COMMENT ON EXTENSION plpgsql")
		} else {
			st.fail("Extension %q does not exist", name)
		}
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		sch, name := ldSplitName(ldStrings(n.Object.GetTypeName().GetNames()))
		if _, e := st.enum(sch, name); e != nil {
			e.Comment = text
		} else if _, c := st.composite(sch, name); c != nil {
			c.Comment = text
		} else if _, d := st.domain(sch, name); d != nil {
			d.Comment = text
		} else {
			st.fail("Type %q does not exist", name)
		}
	case pg_query.ObjectType_OBJECT_DOMCONSTRAINT:
		parts := n.Object.GetList().GetItems()
		if len(parts) != 2 {
			return
		}
		sch, name := ldSplitName(ldStrings(parts[0].GetTypeName().GetNames()))
		con := parts[1].GetString_().GetSval()
		if _, d := st.domain(sch, name); d != nil {
			if k := slices.IndexFunc(d.Checks, func(c *schema.Check) bool { return c.Name == con }); k >= 0 {
				d.Checks[k].Comment = text
				return
			}
		}
		st.fail("Constraint %q of domain %q does not exist", con, name)
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT, pg_query.ObjectType_OBJECT_TRIGGER, pg_query.ObjectType_OBJECT_POLICY:
		st.commentOnTableObject(t, items, text)
	default:
		st.unmodelled("COMMENT ON " + ldObjectWord(t))
	}
}

// commentOnTableObject comments a constraint, trigger or policy named
// [schema.]table.name.
func (st *ldStmt) commentOnTableObject(t pg_query.ObjectType, items []string, text string) {
	if len(items) < 2 {
		return
	}
	sch, table := ldSplitName(items[:len(items)-1])
	name := items[len(items)-1]
	rel := st.relation(sch, table)
	var p *string
	switch t {
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		if rel.table != nil {
			switch c := ldConstraint(rel.table, name).(type) {
			case *schema.Index:
				p = &c.Comment
			case *schema.ForeignKey:
				p = &c.Comment
			case *schema.Check:
				p = &c.Comment
			case *schema.Exclude:
				p = &c.Comment
			}
		}
	case pg_query.ObjectType_OBJECT_TRIGGER:
		var list []*schema.Trigger
		if rel.table != nil {
			list = rel.table.Triggers
		} else if rel.view != nil {
			list = rel.view.Triggers
		}
		if k := slices.IndexFunc(list, func(x *schema.Trigger) bool { return x.Name == name }); k >= 0 {
			p = &list[k].Comment
		}
	case pg_query.ObjectType_OBJECT_POLICY:
		if rel.table != nil {
			if k := slices.IndexFunc(rel.table.Policies, func(x *schema.Policy) bool { return x.Name == name }); k >= 0 {
				p = &rel.table.Policies[k].Comment
			}
		}
	}
	if p == nil {
		st.fail("%s %q on %q does not exist", ldCapital(strings.ToLower(ldObjectWord(t))), name, table)
		return
	}
	*p = text
}
