package sqlsupport

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// viewOption applies one option of a view's WITH (…) or of ALTER VIEW …
// SET (…) (RESET when reset); false when the model has no place for it.
func (st *ldStmt) viewOption(v *schema.View, d *pg_query.DefElem, reset bool) bool {
	name := d.GetDefname()
	if name == "check_option" {
		v.CheckOption = ""
		if !reset {
			v.CheckOption = ldUpper(ldWord(d.Arg))
		}
		return true
	}
	opt := map[string]*bool{"security_barrier": &v.SecurityBarrier, "security_invoker": &v.SecurityInvoker}[name]
	if opt == nil {
		return false
	}
	*opt = false
	if !reset {
		b, ok := ldOptionBool(d.Arg)
		if !ok {
			st.fail("Invalid value for boolean option %q", name)
		}
		*opt = b
	}
	return true
}

// ldOptionBool reads a boolean option's value as PostgreSQL's parse_bool
// does: true when left out.
func ldOptionBool(n *pg_query.Node) (bool, bool) {
	if n == nil {
		return true, true
	}
	if i := n.GetInteger(); i != nil {
		return i.Ival != 0, i.Ival == 0 || i.Ival == 1
	}
	w := strings.ToLower(ldWord(n))
	if b := n.GetBoolean(); b != nil {
		w = map[bool]string{true: "true", false: "false"}[b.Boolval]
	}
	return schema.ParseBool(w)
}

// alterViewCmd applies ALTER VIEW … SET (…) or RESET (…) to a view; false
// when the command, or one of its options, is not in the model.
func (st *ldStmt) alterViewCmd(v *schema.View, cmd *pg_query.AlterTableCmd) bool {
	reset := cmd.Subtype == pg_query.AlterTableType_AT_ResetRelOptions
	if v.Materialized || !reset && cmd.Subtype != pg_query.AlterTableType_AT_SetRelOptions {
		return false
	}
	all := true
	for _, o := range cmd.Def.GetList().GetItems() {
		all = st.viewOption(v, o.GetDefElem(), reset) && all
	}
	return all
}

// triggerClauses applies what CREATE TRIGGER says beyond timing, events,
// condition and function: REFERENCING and CONSTRAINT with its deferral;
// false when PostgreSQL refuses the transition tables.
func (st *ldStmt) triggerClauses(tr *schema.Trigger, n *pg_query.CreateTrigStmt) bool {
	for _, r := range n.TransitionRels {
		tt := r.GetTriggerTransition()
		if tt.GetIsNew() {
			tr.NewTable = tt.GetName()
		} else {
			tr.OldTable = tt.GetName()
		}
	}
	if tr.OldTable != "" || tr.NewTable != "" {
		ev := strings.Join(tr.Events, " ")
		switch {
		case tr.Timing != "AFTER" || len(tr.Events) != 1 || len(tr.UpdateOf) > 0 || ev == "TRUNCATE":
			st.fail("Transition tables need an AFTER trigger on one event, INSERT, UPDATE or DELETE, without a column list")
			return false
		case tr.OldTable != "" && ev == "INSERT", tr.NewTable != "" && ev == "DELETE":
			st.fail("OLD TABLE needs a DELETE or UPDATE trigger, NEW TABLE an INSERT or UPDATE trigger")
			return false
		}
	}
	tr.Constraint, tr.Deferrable, tr.InitiallyDeferred = n.Isconstraint, n.Deferrable, n.Initdeferred
	if n.Constrrel != nil {
		st.skip("FROM (a constraint trigger's other table)")
	}
	tr.Normalize()
	return true
}
