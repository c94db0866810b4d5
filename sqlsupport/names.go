package sqlsupport

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/internal/suggest"
	"github.com/schema-ls/schema-ls/schema"
)

// UseKind is what a name in SQL names.
type UseKind int

// Use kinds.
const (
	UseRelation UseKind = iota + 1 // a table or view
	UseColumn
	UseFunction
)

// Use is a name in SQL and what it names in the model: Target is a
// *schema.Table, *schema.View, *schema.Column or *schema.Func, nil when
// the name does not resolve; Problem then says why, for a warning.
type Use struct {
	Kind    UseKind
	Range   source.Range // the name alone, without quotes, in the parsed text
	Name    string
	Target  any
	Problem string
}

// Context is what the SQL may name besides the model's objects.
type Context struct {
	Realm *schema.Realm
	// Schema is searched first for unqualified names: the schema of the
	// object that holds the SQL.
	Schema string
	// Implicit is the table (or view) an expression's bare column names
	// belong to: a check, an index predicate, a policy condition.
	Implicit any
	// Aliases name relations without a FROM entry: NEW and OLD in a
	// trigger's condition.
	Aliases map[string]any
	// Params are a SQL function's argument names; Routine its own name,
	// which qualifies them (f.arg).
	Params  []string
	Routine string
	// Value: VALUE names the value a domain's check tests.
	Value bool
}

// Names resolves the names of tables, views, columns and functions that
// the statements of p use, in the scopes SQL gives them (FROM entries and
// their aliases, CTEs, subqueries, correlated references). A name that a
// scope cannot judge (a subquery's or a function's columns, a CTE's) is
// left out rather than guessed.
func Names(p *Parsed, ctx *Context) []Use {
	w := &walker{ctx: ctx, text: p.Text}
	root := &scope{}
	if ctx.Implicit != nil {
		root.rels = append(root.rels, relOf(ctx.Realm, ctx.Implicit, ""))
	}
	for name, obj := range ctx.Aliases {
		root.rels = append(root.rels, relOf(ctx.Realm, obj, name))
	}
	for _, st := range p.Stmts {
		if st.Node != nil {
			w.stmt = st.Range
			w.node(st.Node, root)
		}
	}
	return w.uses
}

type walker struct {
	ctx  *Context
	text string
	stmt source.Range // the statement being walked
	uses []Use
}

// scope is one level of FROM entries; outer levels are visible inside.
type scope struct {
	parent *scope
	rels   []*rel
	ctes   []string
	// outputs are the select list's names, which ORDER BY and GROUP BY may
	// use.
	outputs []string
}

// rel is a FROM entry: a model table or view (obj set) or something whose
// columns are not known here (a subquery, a function, a CTE).
type rel struct {
	name string // what qualifies its columns: the alias, else the relation's name
	obj  any
	cols []*schema.Column // nil when unknown
}

func relOf(realm *schema.Realm, obj any, alias string) *rel {
	r := &rel{name: alias, obj: obj, cols: columnsOf(realm, obj)}
	if alias == "" {
		r.name = objName(obj)
	}
	return r
}

// columnsOf is the columns of a table (a partition's are its root's) or
// of a view (nil for one without declared columns: unknown).
func columnsOf(realm *schema.Realm, obj any) []*schema.Column {
	switch o := obj.(type) {
	case *schema.Table:
		if o.PartitionOf != nil && realm != nil {
			return realm.Columns(o)
		}
		return o.Columns
	case *schema.View:
		return o.Columns
	}
	return nil
}

func (s *scope) cte(name string) bool {
	for ; s != nil; s = s.parent {
		if slices.Contains(s.ctes, name) {
			return true
		}
	}
	return false
}

// node walks a statement or expression node.
func (w *walker) node(n *pg_query.Node, sc *scope) {
	if n == nil {
		return
	}
	switch x := n.Node.(type) {
	case *pg_query.Node_SelectStmt:
		w.selectStmt(x.SelectStmt, sc)
	case *pg_query.Node_InsertStmt:
		w.insertStmt(x.InsertStmt, sc)
	case *pg_query.Node_UpdateStmt:
		w.updateStmt(x.UpdateStmt, sc)
	case *pg_query.Node_DeleteStmt:
		w.deleteStmt(x.DeleteStmt, sc)
	case *pg_query.Node_MergeStmt:
		w.mergeStmt(x.MergeStmt, sc)
	case *pg_query.Node_ColumnRef:
		w.columnRef(x.ColumnRef, sc)
	case *pg_query.Node_FuncCall:
		w.funcCall(x.FuncCall, sc)
	case *pg_query.Node_SubLink:
		w.node(x.SubLink.Testexpr, sc)
		w.node(x.SubLink.Subselect, &scope{parent: sc})
	default:
		w.fields(n.ProtoReflect(), sc)
	}
}

// fields walks every node a message holds.
func (w *walker) fields(m protoreflect.Message, sc *scope) {
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		if fd.Kind() != protoreflect.MessageKind {
			return true
		}
		each := func(v protoreflect.Value) {
			switch x := v.Message().Interface().(type) {
			case *pg_query.Node:
				w.node(x, sc)
			case *pg_query.RangeVar:
				w.relation(x, sc)
			default:
				w.fields(v.Message(), sc)
			}
		}
		if fd.IsList() {
			l := v.List()
			for i := range l.Len() {
				each(l.Get(i))
			}
			return true
		}
		each(v)
		return true
	})
}

func (w *walker) with(wc *pg_query.WithClause, sc *scope) *scope {
	if wc == nil {
		return sc
	}
	inner := &scope{parent: sc}
	for _, c := range wc.Ctes {
		cte := c.GetCommonTableExpr()
		if cte == nil {
			continue
		}
		if wc.Recursive {
			inner.ctes = append(inner.ctes, cte.Ctename)
		}
		w.node(cte.Ctequery, inner)
		if !wc.Recursive {
			inner.ctes = append(inner.ctes, cte.Ctename)
		}
	}
	return inner
}

func (w *walker) selectStmt(s *pg_query.SelectStmt, outer *scope) {
	outer = w.with(s.WithClause, outer)
	if s.Op != pg_query.SetOperation_SETOP_NONE {
		w.selectStmt(s.Larg, outer)
		w.selectStmt(s.Rarg, outer)
		for _, n := range s.SortClause {
			w.sortItem(n, &scope{parent: outer, rels: []*rel{{}}}) // output names only
		}
		return
	}
	sc := &scope{parent: outer}
	for _, f := range s.FromClause {
		w.fromItem(f, sc)
	}
	for _, t := range s.TargetList {
		if rt := t.GetResTarget(); rt != nil {
			if rt.Name != "" {
				sc.outputs = append(sc.outputs, rt.Name)
			} else if cr := rt.Val.GetColumnRef(); cr != nil && len(cr.Fields) > 0 {
				if s := cr.Fields[len(cr.Fields)-1].GetString_(); s != nil {
					sc.outputs = append(sc.outputs, s.Sval)
				}
			}
		}
	}
	for _, n := range s.TargetList {
		w.node(n, sc)
	}
	for _, l := range s.ValuesLists {
		w.node(l, sc)
	}
	for _, n := range s.DistinctClause {
		w.node(n, sc)
	}
	w.node(s.WhereClause, sc)
	for _, n := range s.GroupClause {
		w.sortItem(n, sc)
	}
	w.node(s.HavingClause, sc)
	for _, n := range s.WindowClause {
		w.node(n, sc)
	}
	for _, n := range s.SortClause {
		w.sortItem(n, sc)
	}
	w.node(s.LimitCount, sc)
	w.node(s.LimitOffset, sc)
}

// sortItem walks an ORDER BY or GROUP BY item, where a bare name may be an
// output column of the select list.
func (w *walker) sortItem(n *pg_query.Node, sc *scope) {
	expr := n
	if sb := n.GetSortBy(); sb != nil {
		expr = sb.Node
	}
	if cr := expr.GetColumnRef(); cr != nil && len(cr.Fields) == 1 {
		if s := cr.Fields[0].GetString_(); s != nil && slices.Contains(sc.outputs, s.Sval) {
			return
		}
	}
	w.node(n, sc)
}

// fromItem adds a FROM entry to sc, walking what it holds.
func (w *walker) fromItem(n *pg_query.Node, sc *scope) {
	switch x := n.Node.(type) {
	case *pg_query.Node_RangeVar:
		sc.rels = append(sc.rels, w.relation(x.RangeVar, sc))
	case *pg_query.Node_RangeSubselect:
		from := sc.parent
		if x.RangeSubselect.Lateral {
			from = sc
		}
		w.node(x.RangeSubselect.Subquery, &scope{parent: from})
		sc.rels = append(sc.rels, &rel{name: aliasName(x.RangeSubselect.Alias)})
	case *pg_query.Node_JoinExpr:
		w.fromItem(x.JoinExpr.Larg, sc)
		w.fromItem(x.JoinExpr.Rarg, sc)
		w.node(x.JoinExpr.Quals, sc)
		if x.JoinExpr.Alias != nil {
			sc.rels = append(sc.rels, &rel{name: aliasName(x.JoinExpr.Alias)})
		}
	case *pg_query.Node_RangeFunction:
		w.fields(x.RangeFunction.ProtoReflect(), sc)
		sc.rels = append(sc.rels, &rel{name: aliasName(x.RangeFunction.Alias)})
	default:
		w.fields(n.ProtoReflect(), sc)
		sc.rels = append(sc.rels, &rel{}) // unknown columns
	}
}

func aliasName(a *pg_query.Alias) string {
	if a == nil {
		return ""
	}
	return a.Aliasname
}

// relation resolves a table or view name and returns its FROM entry.
func (w *walker) relation(rv *pg_query.RangeVar, sc *scope) *rel {
	alias := aliasName(rv.Alias)
	if rv.Schemaname == "" && sc.cte(rv.Relname) || systemRelation(rv.Schemaname, rv.Relname) {
		return &rel{name: cmp(alias, rv.Relname)}
	}
	names := w.nameRanges(int(rv.Location), 3)
	r := source.Range{}
	if len(names) > 0 {
		r = names[len(names)-1]
	}
	obj, problem := w.findRelation(rv.Schemaname, rv.Relname)
	if obj == nil && rv.Schemaname != "" && w.ctx.Realm.Schema(rv.Schemaname) == nil && len(names) > 1 {
		r = names[len(names)-2] // the schema is what is missing
	}
	w.uses = append(w.uses, Use{Kind: UseRelation, Range: r, Name: rv.Relname, Target: obj, Problem: problem})
	if obj == nil {
		return &rel{name: cmp(alias, rv.Relname)}
	}
	return relOf(w.ctx.Realm, obj, alias)
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// systemRelation: PostgreSQL's catalogs and views, which no schema file
// declares.
func systemRelation(sch, name string) bool {
	return sch == "pg_catalog" || sch == "information_schema" || sch == "" && strings.HasPrefix(name, "pg_")
}

// findRelation looks a table or view up: in the given schema, else in the
// context's schema, then public, then any.
func (w *walker) findRelation(sch, name string) (any, string) {
	realm := w.ctx.Realm
	look := func(s *schema.Schema) any {
		if s == nil {
			return nil
		}
		if t := s.Table(name); t != nil {
			return t
		}
		for _, v := range s.Views {
			if v.Name == name {
				return v
			}
		}
		return nil
	}
	if sch != "" {
		s := realm.Schema(sch)
		if s == nil {
			return nil, fmt.Sprintf("schema %q is not declared", sch)
		}
		if o := look(s); o != nil {
			return o, ""
		}
		return nil, fmt.Sprintf("relation \"%s.%s\" does not exist%s", sch, name, suggestion(name, relationNames(s)))
	}
	for _, s := range []string{w.ctx.Schema, "public"} {
		if o := look(realm.Schema(s)); o != nil {
			return o, ""
		}
	}
	var all []string
	for _, s := range realm.Schemas {
		if o := look(s); o != nil {
			return o, ""
		}
		all = append(all, relationNames(s)...)
	}
	return nil, fmt.Sprintf("relation %q does not exist%s", name, suggestion(name, all))
}

func relationNames(s *schema.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, t.Name)
	}
	for _, v := range s.Views {
		out = append(out, v.Name)
	}
	return out
}

func suggestion(name string, candidates []string) string {
	if s := suggest.Closest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %s?", s)
	}
	return ""
}
