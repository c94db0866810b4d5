package sqlsupport

import (
	"fmt"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// NormalizeBound returns a partition bound (FOR VALUES …, or DEFAULT) as
// PostgreSQL prints it (pg_get_expr of relpartbound), for a partition key
// whose parts have the types key (a zero Type where unknown): key words
// upper case but modulus and remainder, literals as schema.BoundValue
// spells them, ", " between values. ok is false when bound is not one.
func NormalizeBound(bound string, key []schema.Type) (string, bool) {
	p := Parse("CREATE TABLE x PARTITION OF y " + bound)
	if len(p.Stmts) != 1 || p.Stmts[0].Node == nil {
		return "", false
	}
	cs := p.Stmts[0].Node.GetCreateStmt()
	if cs == nil || cs.Partbound == nil || cs.Partspec != nil || len(cs.TableElts) > 0 || len(cs.Options) > 0 ||
		cs.Tablespacename != "" || cs.AccessMethod != "" {
		return "", false
	}
	return formatBound(cs.Partbound, key), true
}

// formatBound writes a bound's tree as NormalizeBound describes.
func formatBound(b *pg_query.PartitionBoundSpec, key []schema.Type) string {
	typ := func(i int) schema.Type {
		if i < len(key) {
			return key[i]
		}
		return schema.Type{}
	}
	values := func(nodes []*pg_query.Node, list bool) string {
		out := make([]string, len(nodes))
		for i, n := range nodes {
			k := i
			if list {
				k = 0 // every value of a list is of the one key part
			}
			out[i] = boundDatum(n, typ(k))
		}
		return strings.Join(out, ", ")
	}
	switch {
	case b.IsDefault:
		return "DEFAULT"
	case b.Strategy == "h":
		return fmt.Sprintf("FOR VALUES WITH (modulus %d, remainder %d)", b.Modulus, b.Remainder)
	case b.Strategy == "l":
		return "FOR VALUES IN (" + values(b.Listdatums, true) + ")"
	}
	return "FOR VALUES FROM (" + values(b.Lowerdatums, false) + ") TO (" + values(b.Upperdatums, false) + ")"
}

// boundDatum writes one value of a bound for a key part of type t:
// MINVALUE, MAXVALUE, NULL, a literal (signed, or cast: the cast's type
// stands for an unknown t), or any other expression as deparsed.
func boundDatum(n *pg_query.Node, t schema.Type) string {
	if cr := n.GetColumnRef(); cr != nil {
		if f := ldStrings(cr.Fields); len(f) == 1 && (f[0] == "minvalue" || f[0] == "maxvalue") {
			return strings.ToUpper(f[0])
		}
	}
	if tc := n.GetTypeCast(); tc != nil {
		if t.Name == "" && t.UserKind == "" && t.Raw == "" {
			if ct, ok := schema.ParseSQLType(typeNameText(tc.TypeName)); ok {
				t = ct
			}
		}
		n = tc.Arg
	}
	sign := ""
	if e := n.GetAExpr(); e != nil && e.Lexpr == nil && e.Kind == pg_query.A_Expr_Kind_AEXPR_OP && e.Rexpr.GetAConst() != nil {
		if op := opName(e); op == "+" || op == "-" {
			sign, n = strings.TrimPrefix(op, "+"), e.Rexpr
		}
	}
	c := n.GetAConst()
	if c == nil {
		return deparseExpr(n)
	}
	switch {
	case c.Isnull:
		return "NULL"
	case c.GetIval() != nil:
		return schema.BoundValue(signed(sign, strconv.FormatInt(int64(c.GetIval().Ival), 10)), false, t)
	case c.GetFval() != nil:
		return schema.BoundValue(signed(sign, c.GetFval().Fval), false, t)
	case c.GetBoolval() != nil:
		return strconv.FormatBool(c.GetBoolval().Boolval)
	case c.GetSval() != nil && sign == "":
		return schema.BoundValue(c.GetSval().Sval, true, t)
	}
	return deparseExpr(n)
}

// signed puts a minus sign before a number (a negative one loses its).
func signed(sign, num string) string {
	if sign == "" {
		return num
	}
	if rest, ok := strings.CutPrefix(num, "-"); ok {
		return rest
	}
	return "-" + num
}

// typeNameText spells a parsed type name as SQL (for ParseSQLType).
func typeNameText(tn *pg_query.TypeName) string {
	names := ldStrings(tn.Names)
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	return strings.Join(names, ".")
}

// deparseExpr writes an expression as pg_query's deparser does.
func deparseExpr(n *pg_query.Node) string {
	sel := &pg_query.Node{Node: &pg_query.Node_SelectStmt{SelectStmt: &pg_query.SelectStmt{
		TargetList: []*pg_query.Node{{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Val: n}}}},
	}}}
	out, err := deparse(sel)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(out, "SELECT ")
}
