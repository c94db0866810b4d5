package sqlsupport

import (
	"slices"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// funcSet applies a routine's SET or RESET clause (CREATE or ALTER
// FUNCTION). SET … FROM CURRENT stores the value current at creation,
// which a schema cannot say: it is not modelled.
func (st *ldStmt) funcSet(fn *schema.Func, v *pg_query.VariableSetStmt) {
	if v == nil {
		return
	}
	name := schema.ConfigName(v.Name)
	same := func(c schema.FuncConfig) bool { return c.Name == name }
	switch v.Kind {
	case pg_query.VariableSetKind_VAR_SET_VALUE:
		value, ok := ldConfigValue(name, v.Args)
		if !ok {
			st.skip("SET " + v.Name + " to a value that is not a constant")
			return
		}
		fn.Config = append(slices.DeleteFunc(fn.Config, same), schema.FuncConfig{Name: name, Value: value})
	case pg_query.VariableSetKind_VAR_SET_DEFAULT, pg_query.VariableSetKind_VAR_RESET:
		fn.Config = slices.DeleteFunc(fn.Config, same)
	case pg_query.VariableSetKind_VAR_RESET_ALL:
		fn.Config = nil
	default:
		st.skip("SET " + v.Name + " FROM CURRENT")
	}
}

// ldConfigValue is the value PostgreSQL stores for SET name = args: the
// constants joined by ", ", strings of a list parameter (search_path) as
// quoted identifiers.
func ldConfigValue(name string, args []*pg_query.Node) (string, bool) {
	var out []string
	for _, a := range args {
		c := a.GetAConst()
		switch {
		case c == nil:
			return "", false
		case c.GetSval() != nil && schema.IsListConfig(name):
			out = append(out, schema.QuoteIdent(c.GetSval().Sval))
		case c.GetSval() != nil:
			out = append(out, c.GetSval().Sval)
		case c.GetIval() != nil:
			out = append(out, strconv.Itoa(int(c.GetIval().Ival)))
		case c.GetFval() != nil:
			out = append(out, c.GetFval().Fval)
		case c.GetBoolval() != nil:
			out = append(out, strconv.FormatBool(c.GetBoolval().Boolval))
		default:
			return "", false
		}
	}
	return strings.Join(out, ", "), len(out) > 0
}

// ldNumber reads a numeric option value (COST 5, ROWS 0.5).
func ldNumber(n *pg_query.Node) float64 {
	if i, ok := ldInt(n); ok {
		return float64(i)
	}
	if f := n.GetFloat(); f != nil {
		v, _ := strconv.ParseFloat(f.Fval, 64)
		return v
	}
	return 0
}
