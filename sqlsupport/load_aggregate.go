package sqlsupport

import (
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// define loads CREATE AGGREGATE in its normal form: arguments, SFUNC,
// STYPE, FINALFUNC, COMBINEFUNC, INITCOND, SORTOP and PARALLEL. Other
// options are noted as not modelled; ordered-set aggregates (ORDER BY in
// the arguments), the old syntax and other DefineStmt kinds are not
// modelled at all.
func (st *ldStmt) define(n *pg_query.DefineStmt) {
	switch {
	case n.Kind != pg_query.ObjectType_OBJECT_AGGREGATE || len(n.Args) == 0:
		st.unmodelled("")
		return
	case len(n.Args) > 1 && n.Args[1].GetInteger().GetIval() >= 0:
		st.unmodelled("Ordered-set CREATE AGGREGATE")
		return
	}
	sch, name := ldSplitName(ldStrings(n.Defnames))
	s := st.schemaFor(sch)
	if s == nil {
		return
	}
	fn := &schema.Func{Schema: s, Name: name, Kind: schema.Aggregate, Agg: &schema.AggDef{}, Pos: st.stmtPos()}
	for _, pn := range n.Args[0].GetList().GetItems() {
		p := pn.GetFunctionParameter()
		a := &schema.FuncArg{Name: p.Name, Mode: ldModes[p.Mode]}
		st.typeOf(p.ArgType, &a.Type)
		fn.Args = append(fn.Args, a)
	}
	ag := fn.Agg
	for _, o := range n.Definition {
		d := o.GetDefElem()
		switch d.GetDefname() {
		case "sfunc":
			ag.StateFunc = st.aggFunc(d.Arg)
		case "stype":
			st.typeOf(d.Arg.GetTypeName(), &ag.StateType)
		case "finalfunc":
			ag.FinalFunc = st.aggFunc(d.Arg)
		case "combinefunc":
			ag.CombineFunc = st.aggFunc(d.Arg)
		case "initcond":
			v := ldConstText(d.Arg)
			ag.InitCond = &v
		case "sortop":
			if ops := ldStrings(d.Arg.GetList().GetItems()); len(ops) > 0 {
				ag.SortOp = ops[len(ops)-1]
			}
		case "parallel":
			fn.Parallel = ldUpper(ldWord(d.Arg))
		default:
			st.skip(ldUpper(d.GetDefname()))
		}
	}
	st.addRoutine(s, fn, n.Replace)
}

// aggFunc resolves a support function of an aggregate: unqualified, a
// routine of the schema's search path, else a built-in (pg_catalog), else
// one of the default schema.
func (st *ldStmt) aggFunc(n *pg_query.Node) schema.FuncRef {
	var parts []string
	if tn := n.GetTypeName(); tn != nil {
		parts = ldStrings(tn.Names)
	} else if w := ldWord(n); w != "" {
		parts = []string{w}
	}
	sch, name := ldSplitName(parts)
	if sch == "" {
		switch s, fn, _ := st.routine("", name, nil); {
		case fn != nil:
			sch = s.Name
		case builtin(name):
			sch = "pg_catalog"
		default:
			sch = st.defSchema
		}
	}
	return schema.FuncRef{Schema: sch, Name: name}
}

// ldConstText is the text of a constant option value: INITCOND = 0 or
// INITCOND = '{}'.
func ldConstText(n *pg_query.Node) string {
	switch {
	case n.GetInteger() != nil:
		return strconv.Itoa(int(n.GetInteger().Ival))
	case n.GetFloat() != nil:
		return n.GetFloat().Fval
	}
	return ldWord(n)
}

// eachAggFunc calls fn with every support function an aggregate names.
func (l *loader) eachAggFunc(fn func(*schema.FuncRef)) {
	for _, s := range l.out.Realm.Schemas {
		for _, f := range s.Funcs {
			if ag := f.Agg; ag != nil {
				fn(&ag.StateFunc)
				fn(&ag.FinalFunc)
				fn(&ag.CombineFunc)
			}
		}
	}
}

// aggregatesCalling lists the aggregates whose support functions include
// ref.
func (l *loader) aggregatesCalling(ref schema.FuncRef) []*schema.Func {
	var out []*schema.Func
	for _, s := range l.out.Realm.Schemas {
		for _, f := range s.Funcs {
			if ag := f.Agg; ag != nil && (ag.StateFunc == ref || ag.FinalFunc == ref || ag.CombineFunc == ref) {
				out = append(out, f)
			}
		}
	}
	return out
}
