package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// Renaming or moving an object updates what refers to it by name in the
// model (foreign keys, column types, owned sequences, triggers' functions),
// as PostgreSQL's references by OID follow the object. SQL text (checks,
// defaults, view queries, bodies) is kept as written.

func (st *ldStmt) rename(n *pg_query.RenameStmt) {
	to := n.Newname
	switch t := n.RenameType; t {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
		pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX:
		rel := st.rangeVar(n.Relation)
		switch {
		case !rel.found():
			if !n.MissingOk {
				st.fail("Relation %q does not exist", n.Relation.Relname)
			}
		case ldRelTaken(rel.s)(to) || (rel.table != nil || rel.view != nil) && st.l.typeTaken(rel.s, to):
			st.fail("Relation %q already exists in schema %q", to, rel.s.Name)
		case rel.table != nil:
			old := rel.table.Name
			rel.table.Name = to
			st.l.retargetTable(rel.s, old, rel.s, to)
		case rel.view != nil:
			rel.view.Name = to
		case rel.seq != nil:
			rel.seq.Name = to
		case rel.index != nil:
			rel.index.Name = to
		}
	case pg_query.ObjectType_OBJECT_COLUMN, pg_query.ObjectType_OBJECT_ATTRIBUTE:
		st.renameColumn(n)
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		rel := st.rangeVar(n.Relation)
		if rel.table == nil {
			st.fail("Table %q does not exist", n.Relation.Relname)
			return
		}
		if ldConstraint(rel.table, to) != nil {
			st.fail("Constraint %q already exists", to)
			return
		}
		switch c := ldConstraint(rel.table, n.Subname).(type) {
		case *schema.Index:
			c.Name = to
		case *schema.ForeignKey:
			c.Name = to
		case *schema.Check:
			c.Name = to
		case *schema.Exclude:
			c.Name = to
		default:
			st.fail("Constraint %q of table %q does not exist", n.Subname, rel.table.Name)
		}
	case pg_query.ObjectType_OBJECT_DOMCONSTRAINT:
		sch, name := ldSplitName(ldStrings(n.Object.GetList().GetItems()))
		_, d := st.domain(sch, name)
		if d == nil {
			st.fail("Domain %q does not exist", name)
			return
		}
		if k := slices.IndexFunc(d.Checks, func(c *schema.Check) bool { return c.Name == n.Subname }); k >= 0 {
			d.Checks[k].Name = to
		} else {
			st.fail("Constraint %q of domain %q does not exist", n.Subname, name)
		}
	case pg_query.ObjectType_OBJECT_SCHEMA:
		s := st.l.out.Realm.Schema(n.Subname)
		switch {
		case s == nil:
			st.fail("Schema %q does not exist", n.Subname)
		case st.l.out.Realm.Schema(to) != nil:
			st.fail("Schema %q already exists", to)
		default:
			st.l.renameSchema(s, to)
		}
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		sch, name := ldSplitName(ldStrings(n.Object.GetList().GetItems()))
		st.moveType(sch, name, "", to)
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE,
		pg_query.ObjectType_OBJECT_ROUTINE, pg_query.ObjectType_OBJECT_AGGREGATE:
		st.moveRoutine(n.Object.GetObjectWithArgs(), "", to)
	case pg_query.ObjectType_OBJECT_TRIGGER:
		if list := st.triggers(n.Relation); list != nil {
			k := slices.IndexFunc(*list, func(x *schema.Trigger) bool { return x.Name == n.Subname })
			if k < 0 {
				st.fail("Trigger %q on %q does not exist", n.Subname, n.Relation.Relname)
				return
			}
			(*list)[k].Name = to
		}
	case pg_query.ObjectType_OBJECT_POLICY:
		if list := st.policies(n.Relation); list != nil {
			k := slices.IndexFunc(*list, func(x *schema.Policy) bool { return x.Name == n.Subname })
			if k < 0 {
				st.fail("Policy %q on %q does not exist", n.Subname, n.Relation.Relname)
				return
			}
			(*list)[k].Name = to
		}
	default:
		st.unmodelled("")
	}
}

// renameColumn renames a column of a table, view or composite type, and
// the references to it.
func (st *ldStmt) renameColumn(n *pg_query.RenameStmt) {
	from, to := n.Subname, n.Newname
	var cols []*schema.Column
	rel := st.rangeVar(n.Relation)
	switch {
	case n.RenameType == pg_query.ObjectType_OBJECT_ATTRIBUTE:
		if _, c := st.composite(n.Relation.Schemaname, n.Relation.Relname); c != nil {
			cols = c.Fields
		}
	case rel.table != nil:
		cols = rel.table.Columns
	case rel.view != nil:
		cols = rel.view.Columns
	}
	k := slices.IndexFunc(cols, func(c *schema.Column) bool { return c.Name == from })
	switch {
	case k < 0:
		if !n.MissingOk {
			st.fail("Column %q of %q does not exist", from, n.Relation.Relname)
		}
		return
	case slices.ContainsFunc(cols, func(c *schema.Column) bool { return c.Name == to }):
		st.fail("Column %q of %q already exists", to, n.Relation.Relname)
		return
	}
	cols[k].Name = to
	if t := rel.table; t != nil && n.RenameType != pg_query.ObjectType_OBJECT_ATTRIBUTE {
		st.l.retargetColumn(t, from, to)
	}
}

// retargetColumn points what names column from of t at its new name.
func (l *loader) retargetColumn(t *schema.Table, from, to string) {
	swap := func(names []string) {
		for i, n := range names {
			if n == from {
				names[i] = to
			}
		}
	}
	for _, ix := range ldTableIndexes(t) {
		for _, p := range ix.Parts {
			if p.Column == from {
				p.Column = to
			}
		}
		swap(ix.Include)
		swap(l.uses[ix])
	}
	for _, ex := range t.Excludes {
		for i := range ex.Elements {
			if ex.Elements[i].Column == from {
				ex.Elements[i].Column = to
			}
		}
		swap(ex.Include)
		swap(l.uses[ex])
	}
	for _, c := range t.Checks {
		swap(l.uses[c])
	}
	for _, c := range t.Columns {
		swap(l.uses[c])
	}
	if t.Partition != nil {
		for i := range t.Partition.Parts {
			if t.Partition.Parts[i].Column == from {
				t.Partition.Parts[i].Column = to
			}
		}
	}
	for _, fk := range t.ForeignKeys {
		swap(fk.Columns)
		swap(fk.OnDeleteColumns)
	}
	l.eachTable(func(o *schema.Table) {
		for _, fk := range o.ForeignKeys {
			if fk.RefSchema == t.Schema.Name && fk.RefTable == t.Name {
				swap(fk.RefColumns)
			}
		}
	})
	for _, tr := range t.Triggers {
		swap(tr.UpdateOf)
	}
	for _, q := range t.Schema.Sequences {
		if q.OwnedBy == t.Name+"."+from {
			q.OwnedBy = t.Name + "." + to
		}
	}
}

// retargetTable points foreign keys, table types and owned sequences at
// a table's new schema and name.
func (l *loader) retargetTable(oldS *schema.Schema, oldName string, newS *schema.Schema, newName string) {
	l.eachTable(func(o *schema.Table) {
		for _, fk := range o.ForeignKeys {
			if fk.RefSchema == oldS.Name && fk.RefTable == oldName {
				fk.RefSchema, fk.RefTable = newS.Name, newName
			}
		}
		if p := o.PartitionOf; p != nil && p.Schema == oldS.Name && p.Table == oldName {
			p.Schema, p.Table = newS.Name, newName
		}
	})
	l.retargetType("table", oldS.Name, oldName, newS.Name, newName)
	for _, q := range oldS.Sequences {
		if col, ok := strings.CutPrefix(q.OwnedBy, oldName+"."); ok {
			q.OwnedBy = newName + "." + col
		}
	}
}

// retargetType points types naming a user type at its new schema and
// name.
func (l *loader) retargetType(kind, oldS, oldName, newS, newName string) {
	l.eachType(func(t *schema.Type) {
		if t.UserKind == kind && t.UserSchema == oldS && t.Name == oldName {
			t.UserSchema, t.Name = newS, newName
		}
	})
}

// renameSchema renames a schema and what names it.
func (l *loader) renameSchema(s *schema.Schema, to string) {
	from := s.Name
	s.Name = to
	l.eachTable(func(o *schema.Table) {
		for _, fk := range o.ForeignKeys {
			if fk.RefSchema == from {
				fk.RefSchema = to
			}
		}
	})
	l.eachType(func(t *schema.Type) {
		if t.UserKind != "" && t.UserSchema == from {
			t.UserSchema = to
		}
	})
	l.eachTriggers(func(list *[]*schema.Trigger) {
		for _, tr := range *list {
			if tr.FuncSchema == from {
				tr.FuncSchema = to
			}
		}
	})
	l.eachAggFunc(func(r *schema.FuncRef) {
		if r.Schema == from {
			r.Schema = to
		}
	})
	for _, e := range l.out.Realm.Extensions {
		if e.Schema == from {
			e.Schema = to
		}
	}
}

// moveType renames an enum, composite or domain (newSchema empty) or moves
// it to newSchema (newName empty).
func (st *ldStmt) moveType(sch, name, newSchema, newName string) {
	s, kind := (*schema.Schema)(nil), ""
	var obj any
	if es, e := st.enum(sch, name); e != nil {
		s, kind, obj = es, "enum", e
	} else if cs, c := st.composite(sch, name); c != nil {
		s, kind, obj = cs, "composite", c
	} else if ds, d := st.domain(sch, name); d != nil {
		s, kind, obj = ds, "domain", d
	}
	if s == nil {
		st.fail("Type %q does not exist", name)
		return
	}
	to := s
	if newSchema != "" {
		if to = st.schemaFor(newSchema); to == nil {
			return
		}
	}
	if newName == "" {
		newName = name
	}
	if st.l.typeTaken(to, newName) {
		st.fail("Type %q already exists in schema %q", newName, to.Name)
		return
	}
	switch o := obj.(type) {
	case *schema.Enum:
		o.Name, o.Schema = newName, to
		s.Enums = slices.DeleteFunc(s.Enums, func(x *schema.Enum) bool { return x == o })
		to.Enums = append(to.Enums, o)
	case *schema.Composite:
		o.Name, o.Schema = newName, to
		s.Composites = slices.DeleteFunc(s.Composites, func(x *schema.Composite) bool { return x == o })
		to.Composites = append(to.Composites, o)
	case *schema.Domain:
		o.Name, o.Schema = newName, to
		s.Domains = slices.DeleteFunc(s.Domains, func(x *schema.Domain) bool { return x == o })
		to.Domains = append(to.Domains, o)
	}
	st.l.retargetType(kind, s.Name, name, to.Name, newName)
}

// moveRoutine renames a routine (newSchema empty) or moves it to
// newSchema (newName empty), and the triggers executing it follow.
func (st *ldStmt) moveRoutine(o *pg_query.ObjectWithArgs, newSchema, newName string) {
	s, fn, ambiguous := st.objectWithArgs(o)
	switch {
	case fn == nil:
		st.fail("Routine %s does not exist", st.routineName(o))
		return
	case ambiguous:
		st.fail("Routine name %s is not unique: give the argument types", fn.Name)
		return
	}
	to := s
	if newSchema != "" {
		if to = st.schemaFor(newSchema); to == nil {
			return
		}
	}
	if newName == "" {
		newName = fn.Name
	}
	if _, other, _ := st.routine(to.Name, newName, ldSignature(fn)); other != nil && other != fn {
		st.fail("Routine %s already exists in schema %q", newName, to.Name)
		return
	}
	st.l.eachTriggers(func(list *[]*schema.Trigger) {
		for _, tr := range *list {
			if tr.FuncSchema == s.Name && tr.FuncName == fn.Name {
				tr.FuncSchema, tr.FuncName = to.Name, newName
			}
		}
	})
	st.l.eachAggFunc(func(r *schema.FuncRef) {
		if r.Schema == s.Name && r.Name == fn.Name {
			*r = schema.FuncRef{Schema: to.Name, Name: newName}
		}
	})
	fn.Name = newName
	if to != s {
		s.Funcs = slices.DeleteFunc(s.Funcs, func(x *schema.Func) bool { return x == fn })
		fn.Schema = to
		to.Funcs = append(to.Funcs, fn)
	}
}

func (st *ldStmt) setSchema(n *pg_query.AlterObjectSchemaStmt) {
	switch t := n.ObjectType; t {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW, pg_query.ObjectType_OBJECT_SEQUENCE:
		rel := st.rangeVar(n.Relation)
		if !rel.found() || rel.index != nil {
			if !n.MissingOk {
				st.fail("Relation %q does not exist", n.Relation.Relname)
			}
			return
		}
		to := st.schemaFor(n.Newschema)
		if to == nil || to == rel.s {
			return
		}
		if ldRelIn(to, n.Relation.Relname).found() {
			st.fail("Relation %q already exists in schema %q", n.Relation.Relname, to.Name)
			return
		}
		st.moveRelation(rel, to)
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		sch, name := ldSplitName(ldStrings(n.Object.GetList().GetItems()))
		st.moveType(sch, name, n.Newschema, "")
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE,
		pg_query.ObjectType_OBJECT_ROUTINE, pg_query.ObjectType_OBJECT_AGGREGATE:
		st.moveRoutine(n.Object.GetObjectWithArgs(), n.Newschema, "")
	case pg_query.ObjectType_OBJECT_EXTENSION:
		name := n.Object.GetString_().GetSval()
		_, e := st.extension(name)
		if e == nil {
			st.fail("Extension %q does not exist", name)
			return
		}
		if st.schemaFor(n.Newschema) != nil {
			e.Schema = n.Newschema
		}
	default:
		st.unmodelled("")
	}
}

// moveRelation moves a table (with its owned sequences), view or
// sequence to schema to.
func (st *ldStmt) moveRelation(rel ldRel, to *schema.Schema) {
	s := rel.s
	switch {
	case rel.table != nil:
		t := rel.table
		s.Tables = slices.DeleteFunc(s.Tables, func(x *schema.Table) bool { return x == t })
		t.Schema = to
		to.Tables = append(to.Tables, t)
		var owned []*schema.Sequence
		s.Sequences = slices.DeleteFunc(s.Sequences, func(q *schema.Sequence) bool {
			if strings.HasPrefix(q.OwnedBy, t.Name+".") {
				owned = append(owned, q)
				return true
			}
			return false
		})
		for _, q := range owned {
			q.Schema = to
		}
		to.Sequences = append(to.Sequences, owned...)
		st.l.retargetTable(s, t.Name, to, t.Name)
	case rel.view != nil:
		s.Views = slices.DeleteFunc(s.Views, func(x *schema.View) bool { return x == rel.view })
		rel.view.Schema = to
		to.Views = append(to.Views, rel.view)
	case rel.seq != nil:
		s.Sequences = slices.DeleteFunc(s.Sequences, func(x *schema.Sequence) bool { return x == rel.seq })
		rel.seq.Schema = to
		to.Sequences = append(to.Sequences, rel.seq)
	}
}
