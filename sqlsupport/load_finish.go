package sqlsupport

import (
	"fmt"
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// ldPendingFK is a foreign key whose referenced table is checked, and its
// referenced columns filled in when left out, once everything is loaded.
type ldPendingFK struct {
	fk      *schema.ForeignKey
	file    string
	schemas []string // where an unqualified table is looked up
}

// finish resolves what waited for later statements and normalises the
// realm.
func (l *loader) finish() {
	for _, p := range l.types {
		if p.t.Raw != p.raw || p.t.UserKind != "" {
			continue // changed since (ALTER … TYPE)
		}
		if t, ok := l.userType(p.schemas, p.name, p.array); ok {
			*p.t = t
		}
	}
	live := map[*schema.ForeignKey]bool{}
	l.eachTable(func(t *schema.Table) {
		for _, fk := range t.ForeignKeys {
			live[fk] = true
		}
	})
	for _, p := range l.fks {
		if !live[p.fk] {
			continue // dropped since
		}
		var ref *schema.Table
		for _, sn := range append([]string{p.fk.RefSchema}, p.schemas...) {
			if s := l.out.Realm.Schema(sn); s != nil && s.Table(p.fk.RefTable) != nil {
				ref, p.fk.RefSchema = s.Table(p.fk.RefTable), sn
				break
			}
		}
		switch {
		case ref == nil:
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s references table %q, which does not exist", p.fk.Name, p.fk.RefTable)
		case len(p.fk.RefColumns) == 0 && ref.PrimaryKey == nil:
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s references table %q without columns, and it has no primary key", p.fk.Name, ref.Name)
		case len(p.fk.RefColumns) == 0 && ref.PrimaryKey.Deferrable:
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s references the primary key of %q, which is deferrable: a foreign key needs a key checked immediately", p.fk.Name, ref.Name)
		case len(p.fk.RefColumns) == 0:
			p.fk.RefColumns, _ = ref.PrimaryKey.Columns()
		case len(p.fk.RefColumns) != len(p.fk.Columns):
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s has %d column(s) but references %d", p.fk.Name, len(p.fk.Columns), len(p.fk.RefColumns))
		case !ldHasKey(ref, p.fk.RefColumns, true):
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s references %s(%s), which has no primary key or unique constraint on these columns", p.fk.Name, ref.Name, strings.Join(p.fk.RefColumns, ", "))
		case !ldHasKey(ref, p.fk.RefColumns, false):
			l.errorAt(p.file, p.fk.Pos.Range, "Foreign key %s references %s(%s), whose key on these columns is deferrable: a foreign key needs a key checked immediately", p.fk.Name, ref.Name, strings.Join(p.fk.RefColumns, ", "))
		}
	}
	l.out.Realm.Normalize()
}

// ldHasKey reports whether t has a primary key or unique index (without
// predicate or expressions) over exactly cols, in any order; a deferrable
// one only when deferrable is true (PostgreSQL refuses to reference one).
func ldHasKey(t *schema.Table, cols []string, deferrable bool) bool {
	for _, ix := range ldTableIndexes(t) {
		got, ok := ix.Columns()
		if ok && ix.Unique && ix.Where == "" && (deferrable || !ix.Deferrable) && len(got) == len(cols) && !slices.ContainsFunc(cols, func(c string) bool { return !slices.Contains(got, c) }) {
			return true
		}
	}
	return false
}

func (l *loader) errorAt(file string, r source.Range, format string, args ...any) {
	l.out.Diags[file] = append(l.out.Diags[file], source.Diagnostic{Range: r, Severity: source.Error, Code: CodeReplay, Message: fmt.Sprintf(format, args...)})
}

// ldFigureName is the name PostgreSQL derives from an index expression
// for the index's default name (FigureIndexColname), or "".
func ldFigureName(n *pg_query.Node) string {
	name, _ := ldFigure(n)
	return name
}

// ldFigure follows PostgreSQL's FigureColnameInternal: a name and how
// strongly the expression suggests it.
func ldFigure(n *pg_query.Node) (string, int) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_ColumnRef:
		f := x.ColumnRef.Fields
		if len(f) > 0 && f[len(f)-1].GetString_() != nil {
			return f[len(f)-1].GetString_().Sval, 2
		}
	case *pg_query.Node_AIndirection:
		ind := x.AIndirection.Indirection
		if len(ind) > 0 && ind[len(ind)-1].GetString_() != nil {
			return ind[len(ind)-1].GetString_().Sval, 2
		}
		return ldFigure(x.AIndirection.Arg)
	case *pg_query.Node_FuncCall:
		if names := ldStrings(x.FuncCall.Funcname); len(names) > 0 {
			return names[len(names)-1], 2
		}
	case *pg_query.Node_AExpr:
		if x.AExpr.Kind == pg_query.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif", 2
		}
	case *pg_query.Node_TypeCast:
		name, strength := ldFigure(x.TypeCast.Arg)
		if strength <= 1 && x.TypeCast.TypeName != nil {
			if names := ldStrings(x.TypeCast.TypeName.Names); len(names) > 0 {
				return names[len(names)-1], 1
			}
		}
		return name, strength
	case *pg_query.Node_CollateClause:
		return ldFigure(x.CollateClause.Arg)
	case *pg_query.Node_CaseExpr:
		name, strength := ldFigure(x.CaseExpr.Defresult)
		if strength <= 1 {
			return "case", 1
		}
		return name, strength
	case *pg_query.Node_AArrayExpr:
		return "array", 2
	case *pg_query.Node_RowExpr:
		return "row", 2
	case *pg_query.Node_CoalesceExpr:
		return "coalesce", 2
	case *pg_query.Node_MinMaxExpr:
		if x.MinMaxExpr.Op == pg_query.MinMaxOp_IS_GREATEST {
			return "greatest", 2
		}
		return "least", 2
	case *pg_query.Node_SqlvalueFunction:
		op := strings.TrimPrefix(x.SqlvalueFunction.Op.String(), "SVFOP_")
		return strings.ToLower(strings.TrimSuffix(op, "_N")), 2
	}
	return "", 0
}
