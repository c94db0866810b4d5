package sqlsupport

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

func (st *ldStmt) createIndex(n *pg_query.IndexStmt) {
	rel := st.rangeVar(n.Relation)
	var owner string
	switch {
	case rel.table != nil:
		owner = rel.table.Name
	case rel.view != nil && rel.view.Materialized:
		owner = rel.view.Name
	case rel.found():
		st.fail("%q is a %s: only tables and materialized views have indexes", n.Relation.Relname, rel.kind())
		return
	default:
		st.fail("Relation %q does not exist", n.Relation.Relname)
		return
	}
	ix := &schema.Index{Name: n.Idxname, Unique: n.Unique, Method: n.AccessMethod, Pos: st.stmtPos()}
	if n.NullsNotDistinct {
		ix.NullsDistinct = new(bool)
	}
	i := st.afterName(st.at(n.Relation.Location))
	if st.kind(i) == pg_query.Token_USING {
		i += 2
	}
	open := st.next(i, '(')
	elems := st.list(open)
	var names, uses []string
	for k, pe := range n.IndexParams {
		span := [2]int{open + 1, st.match(open) - 1}
		if len(elems) == len(n.IndexParams) {
			span = elems[k]
		}
		p, name, used := st.indexPart(pe.GetIndexElem(), span[0], span[1])
		ix.Parts = append(ix.Parts, p)
		names, uses = append(names, name), append(uses, used...)
	}
	for _, pe := range n.IndexIncludingParams {
		name := pe.GetIndexElem().GetName()
		ix.Include = append(ix.Include, name)
		names, uses = append(names, name), append(uses, name)
	}
	if n.WhereClause != nil {
		if w := st.next(st.match(open)+1, pg_query.Token_WHERE); w >= 0 {
			ix.Where = st.textOf(st.span(w+1, st.last-1))
		}
		uses = append(uses, ldColumnRefs(n.WhereClause)...)
	}
	if len(n.Options) > 0 {
		st.skip("WITH (…) storage parameters")
	}
	if n.TableSpace != "" {
		st.skip("TABLESPACE")
	}
	taken := ldRelTaken(rel.s)
	if ix.Name == "" {
		ix.Name = schema.DefaultName(owner, schema.NameAddition(schema.IndexColumnNames(names)), "idx", taken)
	} else if taken(ix.Name) {
		if !n.IfNotExists {
			st.fail("Relation %q already exists in schema %q", ix.Name, rel.s.Name)
		}
		return
	}
	ix.Normalize()
	st.l.uses[ix] = uses
	if rel.table != nil {
		rel.table.Indexes = append(rel.table.Indexes, ix)
	} else {
		rel.view.Indexes = append(rel.view.Indexes, ix)
	}
}

// indexPart converts an index element spanning tokens a to b, with the
// name PostgreSQL derives from it and the columns it uses.
func (st *ldStmt) indexPart(e *pg_query.IndexElem, a, b int) (*schema.IndexPart, string, []string) {
	p := &schema.IndexPart{Column: e.Name, Desc: e.Ordering == pg_query.SortByDir_SORTBY_DESC,
		Ops: strings.Join(ldStrings(e.Opclass), "."), Collate: ldCollation(e.Collation)}
	switch e.NullsOrdering {
	case pg_query.SortByNulls_SORTBY_NULLS_FIRST:
		p.NullsFirst = new(bool)
		*p.NullsFirst = true
	case pg_query.SortByNulls_SORTBY_NULLS_LAST:
		p.NullsFirst = new(bool)
	}
	if len(e.Opclassopts) > 0 {
		st.skip("operator class parameters")
	}
	p.Normalize()
	if e.Expr == nil {
		return p, e.Name, []string{e.Name}
	}
	p.Expr, _ = st.elemExpr(a, b)
	return p, ldFigureName(e.Expr), ldColumnRefs(e.Expr)
}
