package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

var ldModes = map[pg_query.FunctionParameterMode]string{
	pg_query.FunctionParameterMode_FUNC_PARAM_IN:       "IN",
	pg_query.FunctionParameterMode_FUNC_PARAM_OUT:      "OUT",
	pg_query.FunctionParameterMode_FUNC_PARAM_INOUT:    "INOUT",
	pg_query.FunctionParameterMode_FUNC_PARAM_VARIADIC: "VARIADIC",
}

func (st *ldStmt) createFunction(n *pg_query.CreateFunctionStmt) {
	sch, name := ldSplitName(ldStrings(n.Funcname))
	s := st.schemaFor(sch)
	if s == nil {
		return
	}
	fn := &schema.Func{Schema: s, Name: name, Pos: st.stmtPos()}
	if n.IsProcedure {
		fn.Kind = schema.Procedure
	}
	for _, pn := range n.Parameters {
		p := pn.GetFunctionParameter()
		if p.Mode == pg_query.FunctionParameterMode_FUNC_PARAM_TABLE {
			c := &schema.Column{Name: p.Name, Pos: fn.Pos}
			st.typeOf(p.ArgType, &c.Type)
			fn.ReturnTable = append(fn.ReturnTable, c)
			continue
		}
		a := &schema.FuncArg{Name: p.Name, Mode: ldModes[p.Mode]}
		st.typeOf(p.ArgType, &a.Type)
		if p.Defexpr != nil {
			a.Default = st.value(p.Defexpr, st.argDefault(p.Defexpr))
		}
		fn.Args = append(fn.Args, a)
	}
	if n.ReturnType != nil && len(fn.ReturnTable) == 0 {
		fn.Return = new(schema.Type)
		st.typeOf(n.ReturnType, fn.Return)
		fn.ReturnSet = n.ReturnType.Setof
	}
	for _, o := range n.Options {
		d := o.GetDefElem()
		switch d.GetDefname() {
		case "language":
			fn.Lang = ldUpper(ldWord(d.Arg))
		case "as":
			items := ldStrings(d.Arg.GetList().GetItems())
			for i := range items {
				items[i] = strings.TrimSpace(items[i])
			}
			fn.Body = strings.Join(items, ", ")
		default:
			st.routineOption(fn, d)
		}
	}
	if n.SqlBody != nil {
		fn.Body = st.sqlBody()
	}
	st.addRoutine(s, fn, n.Replace)
}

// argDefault is the text of an argument's default: after its = or
// DEFAULT, up to the next argument.
func (st *ldStmt) argDefault(def *pg_query.Node) source.Range {
	i := st.at(ldMinLoc(def))
	j := i - 1
	for st.kind(j) == '(' {
		j--
	}
	if k := st.kind(j); k == '=' || k == pg_query.Token_DEFAULT {
		i = j + 1
	}
	return st.span(i, st.until(i))
}

// sqlBody is the text of a SQL-standard body: BEGIN ATOMIC … END, or
// RETURN expression.
func (st *ldStmt) sqlBody() string {
	for i := st.first; i < st.last; i++ {
		k := st.kind(i)
		if k == pg_query.Token_BEGIN_P && st.kind(i+1) == pg_query.Token_ATOMIC || k == pg_query.Token_RETURN {
			return st.textOf(st.span(i, st.last-1))
		}
	}
	return ""
}

// routineOption applies an attribute of CREATE or ALTER FUNCTION.
func (st *ldStmt) routineOption(fn *schema.Func, d *pg_query.DefElem) {
	switch d.GetDefname() {
	case "volatility":
		fn.Volatility = ldUpper(ldWord(d.Arg))
	case "strict":
		fn.Strict = ldBool(d.Arg)
	case "security":
		fn.Security = "INVOKER"
		if ldBool(d.Arg) {
			fn.Security = "DEFINER"
		}
	case "parallel":
		fn.Parallel = ldUpper(ldWord(d.Arg))
	case "leakproof":
		fn.Leakproof = ldBool(d.Arg)
	case "set":
		st.funcSet(fn, d.Arg.GetVariableSetStmt())
	case "cost":
		fn.Cost = ldNumber(d.Arg)
	case "rows":
		fn.Rows = ldNumber(d.Arg)
	default:
		st.skip(ldUpper(d.GetDefname()))
	}
}

// addRoutine adds fn to s, or replaces the routine of the same name and
// argument types (CREATE OR REPLACE).
func (st *ldStmt) addRoutine(s *schema.Schema, fn *schema.Func, replace bool) {
	sig := ldSignature(fn)
	k := slices.IndexFunc(s.Funcs, func(f *schema.Func) bool { return f.Name == fn.Name && slices.Equal(ldSignature(f), sig) })
	switch {
	case k < 0:
		s.Funcs = append(s.Funcs, fn)
	case !replace:
		st.fail("Routine %s(%s) already exists in schema %q", fn.Name, strings.Join(sig, ", "), s.Name)
	case s.Funcs[k].Kind != fn.Kind:
		st.fail("%s(%s) is not a %s", fn.Name, strings.Join(sig, ", "), ldKindWord(fn.Kind))
	default:
		fn.Comment = s.Funcs[k].Comment // OR REPLACE keeps the comment
		s.Funcs[k] = fn
	}
}

func ldKindWord(k schema.FuncKind) string {
	return [...]string{"function", "procedure", "aggregate"}[k]
}

func (st *ldStmt) alterFunction(n *pg_query.AlterFunctionStmt) {
	fn := st.findRoutine(n.Func)
	if fn == nil {
		return
	}
	for _, o := range n.Actions {
		st.routineOption(fn, o.GetDefElem())
	}
}

// findRoutine finds the routine o names, reporting when it is missing or
// ambiguous.
func (st *ldStmt) findRoutine(o *pg_query.ObjectWithArgs) *schema.Func {
	_, fn, ambiguous := st.objectWithArgs(o)
	switch {
	case fn == nil:
		st.fail("Routine %s does not exist", st.routineName(o))
	case ambiguous:
		st.fail("Routine name %s is not unique: give the argument types", st.routineName(o))
		return nil
	}
	return fn
}

// routineName spells the routine o names as written: name(types).
func (st *ldStmt) routineName(o *pg_query.ObjectWithArgs) string {
	name := strings.Join(ldStrings(o.Objname), ".")
	if o.ArgsUnspecified {
		return name
	}
	var args []string
	for _, a := range o.Objargs {
		args = append(args, st.typeText(a.GetTypeName()))
	}
	return name + "(" + strings.Join(args, ", ") + ")"
}

// triggers is the trigger list of the table or view rv names.
func (st *ldStmt) triggers(rv *pg_query.RangeVar) *[]*schema.Trigger {
	rel := st.rangeVar(rv)
	switch {
	case rel.table != nil:
		return &rel.table.Triggers
	case rel.view != nil:
		return &rel.view.Triggers
	}
	st.fail("Table or view %q does not exist", rv.Relname)
	return nil
}

func (st *ldStmt) createTrigger(n *pg_query.CreateTrigStmt) {
	list := st.triggers(n.Relation)
	if list == nil {
		return
	}
	tr := &schema.Trigger{Name: n.Trigname, ForEachRow: n.Row, UpdateOf: ldStrings(n.Columns), Args: ldStrings(n.Args), Pos: st.stmtPos()}
	switch {
	case n.Timing&2 != 0:
		tr.Timing = "BEFORE"
	case n.Timing&64 != 0:
		tr.Timing = "INSTEAD OF"
	default:
		tr.Timing = "AFTER"
	}
	for _, ev := range []struct {
		bit  int32
		name string
	}{{4, "INSERT"}, {16, "UPDATE"}, {8, "DELETE"}, {32, "TRUNCATE"}} {
		if n.Events&ev.bit != 0 {
			tr.Events = append(tr.Events, ev.name)
		}
	}
	if n.WhenClause != nil {
		tr.When, _ = st.parenAfter(st.first, pg_query.Token_WHEN)
	}
	sch, name := ldSplitName(ldStrings(n.Funcname))
	tr.FuncName, tr.FuncSchema = name, sch
	if sch == "" {
		tr.FuncSchema = st.defSchema
		if s, fn, _ := st.routine("", name, nil); fn != nil {
			tr.FuncSchema = s.Name
		}
	}
	if !st.triggerClauses(tr, n) {
		return
	}
	k := slices.IndexFunc(*list, func(t *schema.Trigger) bool { return t.Name == tr.Name })
	switch {
	case k < 0:
		*list = append(*list, tr)
	case n.Replace:
		tr.Comment = (*list)[k].Comment
		(*list)[k] = tr
	default:
		st.fail("Trigger %q already exists on %q", tr.Name, n.Relation.Relname)
	}
}

// policies is the policy list of the table rv names.
func (st *ldStmt) policies(rv *pg_query.RangeVar) *[]*schema.Policy {
	if rel := st.rangeVar(rv); rel.table != nil {
		return &rel.table.Policies
	}
	st.fail("Table %q does not exist", rv.Relname)
	return nil
}

func (st *ldStmt) createPolicy(n *pg_query.CreatePolicyStmt) {
	list := st.policies(n.Table)
	if list == nil {
		return
	}
	p := &schema.Policy{Name: n.PolicyName, For: ldUpper(n.CmdName), To: ldRoles(n.Roles), Pos: st.stmtPos()}
	if !n.Permissive {
		p.As = "RESTRICTIVE"
	}
	if n.Qual != nil {
		p.Using, _ = st.parenAfter(st.first, pg_query.Token_USING)
	}
	if n.WithCheck != nil {
		p.Check, _ = st.parenAfter(st.first, pg_query.Token_CHECK)
	}
	if slices.ContainsFunc(*list, func(x *schema.Policy) bool { return x.Name == p.Name }) {
		st.fail("Policy %q already exists on %q", p.Name, n.Table.Relname)
		return
	}
	*list = append(*list, p)
}

func (st *ldStmt) alterPolicy(n *pg_query.AlterPolicyStmt) {
	list := st.policies(n.Table)
	if list == nil {
		return
	}
	k := slices.IndexFunc(*list, func(x *schema.Policy) bool { return x.Name == n.PolicyName })
	if k < 0 {
		st.fail("Policy %q does not exist on %q", n.PolicyName, n.Table.Relname)
		return
	}
	p := (*list)[k]
	if len(n.Roles) > 0 {
		p.To = ldRoles(n.Roles)
	}
	if n.Qual != nil {
		p.Using, _ = st.parenAfter(st.first, pg_query.Token_USING)
	}
	if n.WithCheck != nil {
		p.Check, _ = st.parenAfter(st.first, pg_query.Token_CHECK)
	}
}

// ldRoles spells role specifications: names as written, and PUBLIC,
// CURRENT_USER, … as key words.
func ldRoles(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		r := n.GetRoleSpec()
		if r == nil {
			continue
		}
		if r.Roletype == pg_query.RoleSpecType_ROLESPEC_CSTRING {
			out = append(out, r.Rolename)
		} else {
			out = append(out, strings.TrimPrefix(r.Roletype.String(), "ROLESPEC_"))
		}
	}
	return out
}
