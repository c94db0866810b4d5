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
	// The cached tree is shared: rewrite a copy.
	node := proto.Clone(p.Stmts[0].Node).(*pg_query.Node)
	ldWalk(node, func(m protoreflect.Message) {
		if e, ok := m.Interface().(*pg_query.A_Expr); ok {
			storedComparison(e)
		}
	})
	out, err := deparse(node)
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
		out, err := deparse(st.Node)
		if err != nil {
			return strings.Join(strings.Fields(sql), " ")
		}
		parts = append(parts, out)
	}
	return strings.Join(parts, "; ")
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
