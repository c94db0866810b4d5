package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

func (st *ldStmt) createTable(n *pg_query.CreateStmt) {
	rv := n.Relation
	switch {
	case n.Partbound != nil && len(n.InhRelations) == 1:
		st.createPartition(n)
		return
	case n.OfTypename != nil:
		st.unmodelled("CREATE TABLE … OF type")
		return
	case rv.Relpersistence == "t":
		st.unmodelled("CREATE TEMPORARY TABLE")
		return
	}
	s := st.newRelation(rv, n.IfNotExists)
	if s == nil {
		return
	}
	st.tableOptions(n)
	if len(n.InhRelations) > 0 {
		st.skip("INHERITS")
	}
	t := &schema.Table{Schema: s, Name: rv.Relname, Unlogged: rv.Relpersistence == "u", Pos: st.stmtPos()}
	s.Tables = append(s.Tables, t)
	st.elements(t, n, rv.Location, func(t *schema.Table, cd *pg_query.ColumnDef, span [2]int) { st.addColumn(t, cd, span) })
	if n.Partspec != nil {
		t.Partition = st.partition(n.Partspec)
	}
	st.dedupeKeys(t)
	// A self-reference without columns names the key declared after it.
	for _, fk := range t.ForeignKeys {
		if len(fk.RefColumns) == 0 && fk.RefSchema == s.Name && fk.RefTable == t.Name && t.PrimaryKey != nil {
			fk.RefColumns, _ = t.PrimaryKey.Columns()
		}
	}
	st.checkColumns(t)
}

// columnsExist reports the names of cols that are not columns of t (a
// partition's are its root's).
func (st *ldStmt) columnsExist(t *schema.Table, cols []string, what string) {
	have := st.l.out.Realm.Columns(t)
	for _, c := range cols {
		if !slices.ContainsFunc(have, func(x *schema.Column) bool { return x.Name == c }) {
			st.fail("Column %q named in %s does not exist in table %q", c, what, t.Name)
		}
	}
}

// column converts a column definition without its constraints; [a, b]
// are its tokens.
func (st *ldStmt) column(cd *pg_query.ColumnDef, a, b int) *schema.Column {
	c := &schema.Column{Name: cd.Colname, Null: true, Pos: st.pos(st.span(a, b))}
	st.typeOf(cd.TypeName, &c.Type)
	switch c.Type.Name {
	case "serial", "bigserial", "smallserial":
		if c.Type.UserKind == "" && c.Type.Array == 0 {
			c.Null = false // PostgreSQL makes serial columns NOT NULL
		}
	}
	if cd.CollClause != nil {
		c.Collate = ldCollation(cd.CollClause.Collname)
	}
	return c
}

// ldCollation names a collation as written, without the pg_catalog
// schema of the built-in ones.
func ldCollation(names []*pg_query.Node) string {
	parts := ldStrings(names)
	if len(parts) == 2 && parts[0] == "pg_catalog" {
		parts = parts[1:]
	}
	return strings.Join(parts, ".")
}

// addColumn adds a column definition, with its constraints, to t.
func (st *ldStmt) addColumn(t *schema.Table, cd *pg_query.ColumnDef, span [2]int) *schema.Column {
	c := st.column(cd, span[0], span[1])
	if t.Column(c.Name) != nil {
		st.fail("Column %q of table %q already exists", c.Name, t.Name)
		return nil
	}
	t.Columns = append(t.Columns, c)
	// Each constraint runs to where the next one (or the COLLATE clause)
	// starts.
	var bounds []int
	for _, cn := range cd.Constraints {
		bounds = append(bounds, st.at(cn.GetConstraint().Location))
	}
	if cd.CollClause != nil {
		bounds = append(bounds, st.at(cd.CollClause.Location))
	}
	slices.Sort(bounds)
	var last any // the constraint DEFERRABLE applies to
	for _, cn := range cd.Constraints {
		con := cn.GetConstraint()
		i := st.at(con.Location)
		end := span[1]
		if k := slices.IndexFunc(bounds, func(x int) bool { return x > i }); k >= 0 {
			end = bounds[k] - 1
		}
		switch con.Contype {
		case pg_query.ConstrType_CONSTR_NULL:
			c.Null = true
		case pg_query.ConstrType_CONSTR_NOTNULL:
			c.Null = false
		case pg_query.ConstrType_CONSTR_DEFAULT:
			c.Default = st.value(con.RawExpr, st.span(st.next(i, pg_query.Token_DEFAULT)+1, end))
		case pg_query.ConstrType_CONSTR_IDENTITY:
			c.Identity = st.identity(t, c, con.GeneratedWhen, con.Options, nil)
			c.Null = false
		case pg_query.ConstrType_CONSTR_GENERATED:
			text, r := st.parenAfter(i, pg_query.Token_AS)
			c.Generated = &schema.Expr{Kind: schema.ExprSQL, Value: text, Pos: st.pos(r)}
			st.l.uses[c] = ldColumnRefs(con.RawExpr)
		case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE,
			pg_query.ConstrType_CONSTR_ATTR_DEFERRED, pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:
			ldDeferrable(last, con.Contype)
		default:
			last = st.constraint(t, con, i, end, c.Name)
		}
	}
	return c
}

// ldDeferrable applies a DEFERRABLE clause of a column constraint to the
// constraint before it.
func ldDeferrable(to any, ct pg_query.ConstrType) {
	var def, initDef *bool
	switch x := to.(type) {
	case *schema.ForeignKey:
		def, initDef = &x.Deferrable, &x.InitiallyDeferred
	case *schema.Index:
		def, initDef = &x.Deferrable, &x.InitiallyDeferred
	default:
		return
	}
	switch ct {
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE:
		*def = true
	case pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE:
		*def, *initDef = false, false
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRED:
		*def, *initDef = true, true
	case pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:
		*initDef = false
	}
}

// identity converts GENERATED … AS IDENTITY and its sequence options for
// column c of table t, starting from prev when changing one. Options the
// model has no place for are reported unless they are the ones
// PostgreSQL would choose (as pg_dump writes them).
func (st *ldStmt) identity(t *schema.Table, c *schema.Column, when string, options []*pg_query.Node, prev *schema.Identity) *schema.Identity {
	id := &schema.Identity{Always: when != "d", Increment: 1}
	startSet, minSet, maxSet := false, false, false
	if prev != nil {
		*id = *prev
		startSet = true
	}
	for _, o := range options {
		d := o.GetDefElem()
		switch d.GetDefname() {
		case "start":
			id.Start, startSet = ldIntOr(d.Arg, id.Start), true
		case "increment":
			id.Increment = ldIntOr(d.Arg, id.Increment)
		case "minvalue":
			id.Min, minSet = ldIntPtr(d.Arg), true
		case "maxvalue":
			id.Max, maxSet = ldIntPtr(d.Arg), true
		case "cache":
			id.Cache = ldIntPtr(d.Arg)
		case "cycle":
			id.Cycle = ldBool(d.Arg)
		case "generated":
			if v, ok := ldInt(d.Arg); ok {
				id.Always = v == 'a'
			}
		case "restart":
			st.skip("RESTART")
		case "sequence_name":
			if _, name := ldSplitName(ldStrings(d.Arg.GetList().GetItems())); name != schema.DefaultName(t.Name, c.Name, "seq", nil) {
				st.skip("identity option SEQUENCE NAME")
			}
		default:
			st.skip("identity option " + ldUpper(strings.ReplaceAll(d.GetDefname(), "_", " ")))
		}
	}
	// A change of direction keeps the bounds the sequence has unless
	// this command sets them.
	if prev != nil && (prev.Increment < 0) != (id.Increment < 0) {
		lo, hi := schema.SequenceBounds(c.Type, prev.Increment)
		if !minSet && prev.Min == nil {
			id.Min = &lo
		}
		if !maxSet && prev.Max == nil {
			id.Max = &hi
		}
	}
	if !startSet {
		id.Start = id.DefaultStart()
	}
	return id
}

// ldIntPtr is an integer option's value, nil when it has none (NO
// MINVALUE).
func ldIntPtr(n *pg_query.Node) *int64 {
	if v, ok := ldInt(n); ok {
		return &v
	}
	return nil
}

func ldIntOr(n *pg_query.Node, def int64) int64 {
	if v, ok := ldInt(n); ok {
		return v
	}
	return def
}

func (st *ldStmt) partition(ps *pg_query.PartitionSpec) *schema.Partition {
	p := &schema.Partition{Type: strings.TrimPrefix(ps.Strategy.String(), "PARTITION_STRATEGY_")}
	elems := st.list(st.next(st.at(ps.Location), '('))
	for k, pe := range ps.PartParams {
		e := pe.GetPartitionElem()
		part := schema.IndexPart{Column: e.Name, Ops: strings.Join(ldStrings(e.Opclass), "."), Collate: ldCollation(e.Collation)}
		if e.Expr != nil && k < len(elems) {
			part.Expr, _ = st.elemExpr(elems[k][0], elems[k][1])
		}
		p.Parts = append(p.Parts, part)
	}
	return p
}

// elements loads the columns (with column) and constraints of a CREATE
// TABLE whose parenthesised list follows the name at nameLoc, each with
// the token span of its text.
func (st *ldStmt) elements(t *schema.Table, n *pg_query.CreateStmt, nameLoc int32, column func(*schema.Table, *pg_query.ColumnDef, [2]int)) {
	elems := st.list(st.next(st.afterName(st.at(nameLoc)), '('))
	for i, e := range n.TableElts {
		span := [2]int{st.first, st.last - 1}
		if len(elems) == len(n.TableElts) {
			span = elems[i]
		}
		switch x := e.GetNode().(type) {
		case *pg_query.Node_ColumnDef:
			column(t, x.ColumnDef, span)
		case *pg_query.Node_Constraint:
			st.constraint(t, x.Constraint, span[0], span[1], "")
		case *pg_query.Node_TableLikeClause:
			st.skip("LIKE")
		}
	}
}
