package sqlsupport

import (
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

func (st *ldStmt) createSchema(n *pg_query.CreateSchemaStmt) {
	name := n.Schemaname
	if n.Authrole != nil {
		if name == "" {
			name = n.Authrole.Rolename
		}
		st.skip("AUTHORIZATION")
	}
	r := st.l.out.Realm
	s := r.Schema(name)
	switch {
	case s == nil:
		s = &schema.Schema{Name: name, Pos: st.stmtPos()}
		r.Schemas = append(r.Schemas, s)
	case s == st.l.implicit:
		s.Pos = st.stmtPos() // made implicitly before
		st.l.implicit = nil
	case !n.IfNotExists && name != "public":
		st.fail("Schema %q already exists", name)
		return
	}
	// Elements (CREATE SCHEMA s CREATE TABLE …) go to the new schema;
	// each is the text from its CREATE to the next.
	var starts []int
	for i := st.first + 1; i < st.last; i = st.afterGroup(i) {
		if st.kind(i) == pg_query.Token_CREATE {
			starts = append(starts, i)
		}
	}
	whole, prev := *st, st.defSchema
	st.defSchema = name
	for k, e := range n.SchemaElts {
		if len(starts) == len(n.SchemaElts) {
			st.first, st.last = starts[k], whole.last
			if k+1 < len(starts) {
				st.last = starts[k+1]
			}
			st.rng = st.span(st.first, st.last-1)
		}
		st.dispatch(e)
	}
	st.first, st.last, st.rng, st.defSchema = whole.first, whole.last, whole.rng, prev
}

// afterGroup is the token after token i, or after the group i opens.
func (st *ldStmt) afterGroup(i int) int {
	if ldOpens(st.kind(i)) {
		return st.match(i) + 1
	}
	return i + 1
}

// queryText is the query of CREATE VIEW or CREATE MATERIALIZED VIEW: the
// text after the first AS at or after token from, without a trailing
// WITH … CHECK OPTION or WITH [NO] DATA.
func (st *ldStmt) queryText(from int) string {
	as := st.next(from, pg_query.Token_AS)
	if as < 0 {
		return ""
	}
	j := st.last - 1
	switch {
	case st.kind(j) == pg_query.Token_OPTION && st.kind(j-1) == pg_query.Token_CHECK:
		j -= 2
		if k := st.kind(j); k == pg_query.Token_CASCADED || k == pg_query.Token_LOCAL {
			j--
		}
		if st.kind(j) == pg_query.Token_WITH {
			j--
		}
	case st.kind(j) == pg_query.Token_DATA_P:
		j--
		if st.kind(j) == pg_query.Token_NO {
			j--
		}
		if st.kind(j) == pg_query.Token_WITH {
			j--
		}
	}
	return st.textOf(st.span(as+1, j))
}

// viewColumns are the columns a view's column list names; from is the
// token after the view's name. View columns are never NOT NULL. A column
// whose query output is a plain column of a table in the query's FROM
// gets that column's type, and a cast the type cast to; others have none
// (it takes a database to know).
func (st *ldStmt) viewColumns(names []string, from int, query *pg_query.Node) []*schema.Column {
	var elems [][2]int
	if st.kind(from) == '(' {
		elems = st.list(from)
	}
	var out []*schema.Column
	for k, name := range names {
		c := &schema.Column{Name: name, Null: true, Pos: st.stmtPos()}
		if len(elems) == len(names) {
			c.Pos = st.pos(st.span(elems[k][0], elems[k][1]))
		}
		out = append(out, c)
	}
	sel := query.GetSelectStmt()
	if sel == nil || sel.Op != pg_query.SetOperation_SETOP_NONE {
		return out
	}
	tables := map[string]*schema.Table{}
	for _, f := range sel.FromClause {
		if rv := f.GetRangeVar(); rv != nil {
			if t := st.rangeVar(rv).table; t != nil {
				tables[rv.Relname] = t
				if rv.Alias != nil {
					delete(tables, rv.Relname)
					tables[rv.Alias.Aliasname] = t
				}
			}
		}
	}
	for k, target := range sel.TargetList {
		val := target.GetResTarget().GetVal()
		if tc := val.GetTypeCast(); tc != nil && k < len(out) {
			st.typeOf(tc.TypeName, &out[k].Type)
			continue
		}
		fields := ldStrings(val.GetColumnRef().GetFields())
		if k >= len(out) || len(fields) == 0 || len(fields) > 2 {
			continue
		}
		var found []*schema.Column
		for alias, t := range tables {
			if c := t.Column(fields[len(fields)-1]); c != nil && (len(fields) == 1 || fields[0] == alias) {
				found = append(found, c)
			}
		}
		if len(found) == 1 {
			out[k].Type = found[0].Type
		}
	}
	return out
}

func (st *ldStmt) createView(n *pg_query.ViewStmt) {
	rv := n.View
	if rv.Relpersistence == "t" {
		st.unmodelled("CREATE TEMPORARY VIEW")
		return
	}
	s := st.schemaFor(rv.Schemaname)
	if s == nil {
		return
	}
	after := st.afterName(st.at(rv.Location))
	v := &schema.View{Schema: s, Name: rv.Relname, Pos: st.stmtPos(), Def: st.queryText(after)}
	v.Columns = st.viewColumns(ldStrings(n.Aliases), after, n.Query)
	switch n.WithCheckOption {
	case pg_query.ViewCheckOption_LOCAL_CHECK_OPTION:
		v.CheckOption = "LOCAL"
	case pg_query.ViewCheckOption_CASCADED_CHECK_OPTION:
		v.CheckOption = "CASCADED"
	}
	for _, o := range n.Options {
		if !st.viewOption(v, o.GetDefElem(), false) {
			st.skip("WITH (…) view options")
		}
	}
	rel := ldRelIn(s, v.Name)
	switch {
	case rel.view != nil && !rel.view.Materialized && n.Replace:
		old := rel.view // OR REPLACE keeps what else is attached to it, and sets every option
		old.Def, old.Columns, old.CheckOption, old.Pos = v.Def, v.Columns, v.CheckOption, v.Pos
		old.SecurityBarrier, old.SecurityInvoker = v.SecurityBarrier, v.SecurityInvoker
	case rel.found() || st.l.typeTaken(s, v.Name):
		st.fail("Relation %q already exists in schema %q", v.Name, s.Name)
	default:
		s.Views = append(s.Views, v)
	}
}

func (st *ldStmt) createMatView(n *pg_query.CreateTableAsStmt) {
	in := n.Into
	rv := in.Rel
	s := st.newRelation(rv, n.IfNotExists)
	if s == nil {
		return
	}
	after := st.afterName(st.at(rv.Location))
	v := &schema.View{Schema: s, Name: rv.Relname, Materialized: true, Pos: st.stmtPos(), Def: st.queryText(after)}
	v.Columns = st.viewColumns(ldStrings(in.ColNames), after, n.Query)
	st.storage(len(in.Options) > 0, in.TableSpaceName, in.AccessMethod)
	s.Views = append(s.Views, v)
}

// newType is the schema for a new type called name, reporting when it
// is missing or the name is taken.
func (st *ldStmt) newType(sch, name string) *schema.Schema {
	s := st.schemaFor(sch)
	if s != nil && st.l.typeTaken(s, name) {
		st.fail("Type %q already exists in schema %q", name, s.Name)
		return nil
	}
	return s
}

func (st *ldStmt) createEnum(n *pg_query.CreateEnumStmt) {
	sch, name := ldSplitName(ldStrings(n.TypeName))
	if s := st.newType(sch, name); s != nil {
		s.Enums = append(s.Enums, &schema.Enum{Schema: s, Name: name, Values: ldStrings(n.Vals), Pos: st.stmtPos()})
	}
}

func (st *ldStmt) createComposite(n *pg_query.CompositeTypeStmt) {
	rv := n.Typevar
	s := st.newType(rv.Schemaname, rv.Relname)
	if s == nil {
		return
	}
	c := &schema.Composite{Schema: s, Name: rv.Relname, Pos: st.stmtPos()}
	elems := st.list(st.next(st.afterName(st.at(rv.Location)), '('))
	for k, e := range n.Coldeflist {
		span := [2]int{st.first, st.last - 1}
		if len(elems) == len(n.Coldeflist) {
			span = elems[k]
		}
		c.Fields = append(c.Fields, st.field(e.GetColumnDef(), span))
	}
	s.Composites = append(s.Composites, c)
}

// field converts a composite type's field; fields have no nullability,
// and the model keeps Null false for them as the HCL decoder does.
func (st *ldStmt) field(cd *pg_query.ColumnDef, span [2]int) *schema.Column {
	f := st.column(cd, span[0], span[1])
	f.Null = false
	return f
}

func (st *ldStmt) createDomain(n *pg_query.CreateDomainStmt) {
	sch, name := ldSplitName(ldStrings(n.Domainname))
	s := st.newType(sch, name)
	if s == nil {
		return
	}
	dm := &schema.Domain{Schema: s, Name: name, Null: true, Pos: st.stmtPos()}
	st.typeOf(n.TypeName, &dm.Type)
	if n.CollClause != nil {
		st.skip("COLLATE of a domain")
	}
	var bounds []int
	for _, cn := range n.Constraints {
		bounds = append(bounds, st.at(cn.GetConstraint().Location))
	}
	for k, cn := range n.Constraints {
		con := cn.GetConstraint()
		i, end := bounds[k], st.last-1
		if k+1 < len(bounds) {
			end = bounds[k+1] - 1
		}
		st.domainConstraint(dm, con, i, end)
	}
	s.Domains = append(s.Domains, dm)
}

// domainConstraint applies a domain constraint spanning tokens a to b.
func (st *ldStmt) domainConstraint(dm *schema.Domain, con *pg_query.Constraint, a, b int) {
	switch con.Contype {
	case pg_query.ConstrType_CONSTR_NOTNULL:
		dm.Null = false
	case pg_query.ConstrType_CONSTR_NULL:
		dm.Null = true
	case pg_query.ConstrType_CONSTR_DEFAULT:
		dm.Default = st.value(con.RawExpr, st.span(st.next(a, pg_query.Token_DEFAULT)+1, b))
	case pg_query.ConstrType_CONSTR_CHECK:
		text, _ := st.parenAfter(a, pg_query.Token_CHECK)
		ck := &schema.Check{Name: con.Conname, Expr: text, Pos: st.pos(st.span(a, b))}
		inSchema := ldConTaken(dm.Schema)
		taken := func(n string) bool {
			return inSchema(n) || slices.ContainsFunc(dm.Checks, func(c *schema.Check) bool { return c.Name == n })
		}
		if ck.Name == "" {
			ck.Name = schema.DefaultName(dm.Name, "", "check", taken)
		} else if taken(ck.Name) {
			st.fail("Constraint %q already exists", ck.Name)
			return
		}
		dm.Checks = append(dm.Checks, ck)
	default:
		st.skip(ldUpper(con.Contype.String()) + " on a domain")
	}
}

func (st *ldStmt) createSequence(n *pg_query.CreateSeqStmt) {
	rv := n.Sequence
	if rv.Relpersistence == "t" {
		st.unmodelled("CREATE TEMPORARY SEQUENCE")
		return
	}
	s := st.newRelation(rv, n.IfNotExists)
	if s == nil {
		return
	}
	q := &schema.Sequence{Schema: s, Name: rv.Relname, Pos: st.stmtPos()}
	st.sequenceOptions(q, n.Options)
	s.Sequences = append(s.Sequences, q)
}

// sequenceOptions applies the options of CREATE or ALTER SEQUENCE.
func (st *ldStmt) sequenceOptions(q *schema.Sequence, options []*pg_query.Node) {
	for _, o := range options {
		d := o.GetDefElem()
		switch d.GetDefname() {
		case "as":
			st.typeOf(d.Arg.GetTypeName(), &q.Type)
		case "increment":
			q.Increment = ldIntPtr(d.Arg)
		case "minvalue":
			q.Min = ldIntPtr(d.Arg)
		case "maxvalue":
			q.Max = ldIntPtr(d.Arg)
		case "start":
			q.Start = ldIntPtr(d.Arg)
		case "cache":
			q.Cache = ldIntPtr(d.Arg)
		case "cycle":
			q.Cycle = ldBool(d.Arg)
		case "owned_by":
			names := ldStrings(d.Arg.GetList().GetItems())
			if len(names) == 1 && names[0] == "none" {
				q.OwnedBy = ""
				continue
			}
			if len(names) < 2 {
				continue
			}
			table, col := names[len(names)-2], names[len(names)-1]
			if t := q.Schema.Table(table); t == nil || t.Column(col) == nil {
				st.fail("OWNED BY %s.%s: no such column in schema %q (a sequence must be owned by a table of its schema)", table, col, q.Schema.Name)
				continue
			}
			q.OwnedBy = table + "." + col
		case "restart":
			st.skip("RESTART")
		default:
			st.skip(ldUpper(d.GetDefname()))
		}
	}
}

func (st *ldStmt) alterSequence(n *pg_query.AlterSeqStmt) {
	rel := st.rangeVar(n.Sequence)
	if rel.seq == nil {
		if !n.MissingOk {
			st.fail("Sequence %q does not exist", n.Sequence.Relname)
		}
		return
	}
	st.sequenceOptions(rel.seq, n.Options)
}

// extension finds an extension by name.
func (st *ldStmt) extension(name string) (int, *schema.Extension) {
	exts := st.l.out.Realm.Extensions
	k := slices.IndexFunc(exts, func(e *schema.Extension) bool { return e.Name == name })
	if k < 0 {
		return -1, nil
	}
	return k, exts[k]
}

func (st *ldStmt) createExtension(n *pg_query.CreateExtensionStmt) {
	if _, e := st.extension(n.Extname); e != nil {
		if !n.IfNotExists {
			st.fail("Extension %q already exists", n.Extname)
		}
		return
	}
	e := &schema.Extension{Name: n.Extname, Pos: st.stmtPos()}
	if !st.extensionOptions(e, n.Options) {
		return
	}
	r := st.l.out.Realm
	r.Extensions = append(r.Extensions, e)
}

// extensionOptions applies SCHEMA and VERSION; false when the schema is
// missing.
func (st *ldStmt) extensionOptions(e *schema.Extension, options []*pg_query.Node) bool {
	for _, o := range options {
		d := o.GetDefElem()
		switch d.GetDefname() {
		case "schema":
			sch := ldWord(d.Arg)
			if st.schemaFor(sch) == nil {
				return false
			}
			e.Schema = sch
		case "new_version":
			e.Version = ldWord(d.Arg)
		case "cascade":
		default:
			st.skip(ldUpper(d.GetDefname()))
		}
	}
	return true
}

func (st *ldStmt) alterExtension(n *pg_query.AlterExtensionStmt) {
	_, e := st.extension(n.Extname)
	if e == nil {
		st.fail("Extension %q does not exist", n.Extname)
		return
	}
	st.extensionOptions(e, n.Options)
}
