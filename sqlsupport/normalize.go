package sqlsupport

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// deparse writes a statement's tree back as SQL.
func deparse(node *pg_query.Node) (string, error) {
	return pg_query.Deparse(&pg_query.ParseResult{Version: treeVersion, Stmts: []*pg_query.RawStmt{{Stmt: node}}})
}

// treeVersion is the parse-tree version pg_query's deparser expects.
var treeVersion = func() int32 {
	tree, err := pg_query.Parse("SELECT 1")
	if err != nil {
		return 0
	}
	return tree.Version
}()

// NormalizeExpr returns an SQL expression as PostgreSQL's deparser writes
// it, so that spellings PostgreSQL stores alike (case, blanks, redundant
// parentheses) compare equal. Text that does not parse comes back with
// its blanks collapsed.
func NormalizeExpr(expr string) string {
	p := Parse("SELECT " + expr)
	if len(p.Stmts) != 1 || p.Stmts[0].Node == nil {
		return strings.Join(strings.Fields(expr), " ")
	}
	out, err := deparse(stored(p.Stmts[0].Node))
	if err != nil {
		return strings.Join(strings.Fields(expr), " ")
	}
	return strings.TrimPrefix(out, "SELECT ")
}

// NormalizeQuery does the same for statements: a view's query, a
// routine's body.
func NormalizeQuery(sql string) string {
	p := Parse(sql)
	var parts []string
	for _, st := range p.Stmts {
		if st.Node == nil {
			return strings.Join(strings.Fields(sql), " ")
		}
		out, err := deparse(stored(st.Node))
		if err != nil {
			return strings.Join(strings.Fields(sql), " ")
		}
		parts = append(parts, out)
	}
	return strings.Join(parts, "; ")
}

// stored returns a copy of a tree (the cached one is shared) rewritten
// closer to how PostgreSQL stores it: comparisons (storedComparison),
// and names without the public schema, which is where unqualified names
// of public's objects resolve and how PostgreSQL prints them.
func stored(node *pg_query.Node) *pg_query.Node {
	node = proto.Clone(node).(*pg_query.Node)
	ldWalk(node, func(m protoreflect.Message) {
		switch x := m.Interface().(type) {
		case *pg_query.A_Expr:
			storedComparison(x)
		case *pg_query.RangeVar:
			if x.Schemaname == "public" && x.Catalogname == "" {
				x.Schemaname = ""
			}
		case *pg_query.ColumnRef:
			x.Fields = unqualified(x.Fields, 3)
		case *pg_query.FuncCall:
			x.Funcname = unqualified(x.Funcname, 2)
		case *pg_query.TypeName:
			x.Names = unqualified(x.Names, 2)
		case *pg_query.SelectStmt:
			unqualifyColumns(x)
		case *pg_query.ResTarget:
			if x.Name != "" && x.Name == implicitName(x.Val) {
				x.Name = ""
			}
		}
	})
	return node
}

// unqualifyColumns drops the qualifier of the columns of a query reading
// one relation, which PostgreSQL prints qualified (SELECT t.a FROM t):
// in the query's own clauses, not in its subqueries, where the name may
// be another's.
func unqualifyColumns(sel *pg_query.SelectStmt) {
	if len(sel.FromClause) != 1 {
		return
	}
	name := ""
	switch from := sel.FromClause[0].Node.(type) {
	case *pg_query.Node_RangeVar:
		name = from.RangeVar.Relname
		if from.RangeVar.Alias != nil {
			name = from.RangeVar.Alias.Aliasname
		}
	case *pg_query.Node_RangeSubselect:
		name = from.RangeSubselect.GetAlias().GetAliasname()
	case *pg_query.Node_RangeFunction:
		name = from.RangeFunction.GetAlias().GetAliasname()
	}
	if name == "" {
		return
	}
	var walk func(protoreflect.Message) bool
	walk = func(m protoreflect.Message) bool {
		switch x := m.Interface().(type) {
		case *pg_query.SelectStmt:
			return false
		case *pg_query.SubLink:
			ldVisit(x.Testexpr, walk)
			return false
		case *pg_query.ColumnRef:
			if len(x.Fields) == 2 && x.Fields[0].GetString_().GetSval() == name && x.Fields[1].GetString_() != nil {
				x.Fields = x.Fields[1:]
			}
			return false
		}
		return true
	}
	for _, list := range [][]*pg_query.Node{sel.TargetList, {sel.WhereClause}, sel.GroupClause, {sel.HavingClause}, sel.SortClause, sel.DistinctClause} {
		for _, n := range list {
			ldVisit(n, walk)
		}
	}
}

// implicitName is the name PostgreSQL gives a select-list item without
// AS: a column's, a function's.
func implicitName(n *pg_query.Node) string {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_ColumnRef:
		if f := x.ColumnRef.Fields; len(f) > 0 {
			return f[len(f)-1].GetString_().GetSval()
		}
	case *pg_query.Node_FuncCall:
		if f := x.FuncCall.Funcname; len(f) > 0 {
			return f[len(f)-1].GetString_().GetSval()
		}
	}
	return ""
}

// unqualified drops "public" from a name of n parts.
func unqualified(parts []*pg_query.Node, n int) []*pg_query.Node {
	if len(parts) == n && parts[0].GetString_().GetSval() == "public" {
		return parts[1:]
	}
	return parts
}

// storedComparison rewrites a comparison as PostgreSQL stores it, as far
// as that needs no types: x IN (a, b) is x = ANY (ARRAY[a, b]) and
// x NOT IN (…) is x <> ALL (ARRAY[…]); and a constant compared with
// something loses its cast ('a'::text, (0)::numeric), which PostgreSQL
// adds when it resolves the constant's type from the other side.
func storedComparison(e *pg_query.A_Expr) {
	if e.Kind == pg_query.A_Expr_Kind_AEXPR_IN {
		if list := e.Rexpr.GetList(); list != nil {
			e.Kind = pg_query.A_Expr_Kind_AEXPR_OP_ANY
			if opName(e) == "<>" {
				e.Kind = pg_query.A_Expr_Kind_AEXPR_OP_ALL
			}
			e.Rexpr = &pg_query.Node{Node: &pg_query.Node_AArrayExpr{AArrayExpr: &pg_query.A_ArrayExpr{Elements: list.Items, Location: -1}}}
		}
	}
	switch e.Kind {
	case pg_query.A_Expr_Kind_AEXPR_OP, pg_query.A_Expr_Kind_AEXPR_OP_ANY, pg_query.A_Expr_Kind_AEXPR_OP_ALL:
	default:
		return
	}
	switch opName(e) {
	case "=", "<>", "!=", "<", ">", "<=", ">=":
		e.Lexpr, e.Rexpr = uncastConst(e.Lexpr), uncastConst(e.Rexpr)
	}
}

// opName is an operator's name without its schema.
func opName(e *pg_query.A_Expr) string {
	if len(e.Name) == 0 {
		return ""
	}
	return e.Name[len(e.Name)-1].GetString_().GetSval()
}

// uncastConst drops the cast of a constant, and of an array of constants
// and its elements.
func uncastConst(n *pg_query.Node) *pg_query.Node {
	if tc := n.GetTypeCast(); tc != nil && (tc.Arg.GetAConst() != nil || tc.Arg.GetAArrayExpr() != nil) {
		n = tc.Arg
	}
	if arr := n.GetAArrayExpr(); arr != nil {
		for i, el := range arr.Elements {
			if tc := el.GetTypeCast(); tc != nil && tc.Arg.GetAConst() != nil {
				arr.Elements[i] = tc.Arg
			}
		}
	}
	return n
}
