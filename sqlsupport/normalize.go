package sqlsupport

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
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
	out, err := deparse(p.Stmts[0].Node)
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
