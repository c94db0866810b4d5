package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// triggersAndPolicies plans the triggers and policies of a table or view.
// Those that stay but use what the plan makes anew (a routine, a column
// converted to a type made anew) are dropped and created again. Those
// that change are replaced in place where they can be (triggers_inplace.go).
func (p *planner) triggersAndPolicies(s *schema.Schema, on string, fromT, toT []*schema.Trigger, fromP, toP []*schema.Policy) {
	table := qname(s, on)
	keepT := func(a, b *schema.Trigger) bool { return p.sameTrigger(a, b) && !p.triggerUsesRemade(table, a) }
	keepP := func(a, b *schema.Policy) bool { return p.samePolicy(a, b) && !p.policyUsesRemade(table, a) }
	findT := func(list []*schema.Trigger, name string) *schema.Trigger {
		for _, t := range list {
			if t.Name == name {
				return t
			}
		}
		return nil
	}
	for _, t := range fromT {
		if n := findT(toT, t.Name); n == nil || !keepT(t, n) && !p.replacesTrigger(s, on, t, n) {
			p.add(dropDependents, "DROP TRIGGER "+ident(t.Name)+" ON "+table, createTrigger(table, t), false)
		}
	}
	for _, t := range toT {
		before := ""
		switch o := findT(fromT, t.Name); {
		case o != nil && keepT(o, t):
			before = o.Comment
		case o != nil && p.replacesTrigger(s, on, o, t):
			p.add(createTriggers, orReplaceTrigger(createTrigger(table, t)), orReplaceTrigger(createTrigger(table, o)), false)
			before = o.Comment
		default:
			p.add(createTriggers, createTrigger(table, t), "DROP TRIGGER "+ident(t.Name)+" ON "+table, false)
		}
		p.commentChange("TRIGGER "+ident(t.Name)+" ON "+table, before, t.Comment)
	}
	findP := func(list []*schema.Policy, name string) *schema.Policy {
		for _, x := range list {
			if x.Name == name {
				return x
			}
		}
		return nil
	}
	for _, x := range fromP {
		if n := findP(toP, x.Name); n == nil || !keepP(x, n) && !p.altersPolicy(s, on, x, n) {
			p.add(dropDependents, "DROP POLICY "+ident(x.Name)+" ON "+table, createPolicy(table, x), false)
		}
	}
	for _, x := range toP {
		before := ""
		switch o := findP(fromP, x.Name); {
		case o != nil && keepP(o, x):
			before = o.Comment
		case o != nil && p.altersPolicy(s, on, o, x):
			p.add(createTriggers, p.alterPolicy(table, o, x), p.alterPolicy(table, x, o), false)
			before = o.Comment
		default:
			p.add(createTriggers, createPolicy(table, x), "DROP POLICY "+ident(x.Name)+" ON "+table, false)
		}
		p.commentChange("POLICY "+ident(x.Name)+" ON "+table, before, x.Comment)
	}
}

// usesRemade reports whether SQL text of table (qualified) names a
// routine or type the plan makes anew or a column it converts to one.
func (p *planner) usesRemade(table, sql string) bool {
	return sql != "" && (p.readsRemade(sql) || p.readsConverted(table, sql))
}

// commentChange plans COMMENT ON what when its text changes (before is
// "" for an object the plan creates).
func (p *planner) commentChange(what, before, after string) {
	if before != after {
		p.add(setComments, commentOn(what, after), commentOn(what, before), false)
	}
}

func (p *planner) sameTrigger(a, b *schema.Trigger) bool {
	return a.Timing == b.Timing && slices.Equal(a.Events, b.Events) && slices.Equal(a.UpdateOf, b.UpdateOf) && a.ForEachRow == b.ForEachRow &&
		p.sameExpr(a.When, b.When) && a.FuncSchema == b.FuncSchema && a.FuncName == b.FuncName && slices.Equal(a.Args, b.Args) &&
		a.OldTable == b.OldTable && a.NewTable == b.NewTable &&
		a.Constraint == b.Constraint && a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

func createTrigger(table string, t *schema.Trigger) string {
	var events []string
	for _, e := range t.Events {
		if e == "UPDATE" && len(t.UpdateOf) > 0 {
			e += " OF " + idents(t.UpdateOf)
		}
		events = append(events, e)
	}
	s := "CREATE TRIGGER " + ident(t.Name) + " " + t.Timing + " " + strings.Join(events, " OR ") + " ON " + table
	if t.Constraint {
		s = "CREATE CONSTRAINT" + strings.TrimPrefix(s, "CREATE")
		s += deferrable(t.Deferrable || t.InitiallyDeferred, t.InitiallyDeferred)
	}
	if t.OldTable != "" || t.NewTable != "" {
		s += " REFERENCING"
		if t.OldTable != "" {
			s += " OLD TABLE AS " + ident(t.OldTable)
		}
		if t.NewTable != "" {
			s += " NEW TABLE AS " + ident(t.NewTable)
		}
	}
	if t.ForEachRow {
		s += " FOR EACH ROW"
	} else {
		s += " FOR EACH STATEMENT"
	}
	if t.When != "" {
		s += " WHEN (" + t.When + ")"
	}
	args := make([]string, len(t.Args))
	for i, a := range t.Args {
		args[i] = literal(a)
	}
	return s + " EXECUTE FUNCTION " + schema.Qualified(t.FuncSchema, t.FuncName) + "(" + strings.Join(args, ", ") + ")"
}

func (p *planner) samePolicy(a, b *schema.Policy) bool {
	return a.As == b.As && a.For == b.For && slices.EqualFunc(a.To, b.To, p.sameRole) && p.sameExpr(a.Using, b.Using) && p.sameExpr(a.Check, b.Check)
}

// sameRole compares two roles of policies, with CURRENT_USER and its
// kin as Options.CurrentRole.
func (p *planner) sameRole(a, b string) bool {
	role := func(r string) string {
		switch strings.ToUpper(r) {
		case "CURRENT_USER", "CURRENT_ROLE", "SESSION_USER":
			if p.opts.CurrentRole != "" {
				return p.opts.CurrentRole
			}
		}
		return r
	}
	return role(a) == role(b)
}

func createPolicy(table string, x *schema.Policy) string {
	s := "CREATE POLICY " + ident(x.Name) + " ON " + table
	if x.As != "" {
		s += " AS " + x.As
	}
	if x.For != "" {
		s += " FOR " + x.For
	}
	if len(x.To) > 0 {
		s += " TO " + policyRoles(x.To)
	}
	if x.Using != "" {
		s += " USING (" + x.Using + ")"
	}
	if x.Check != "" {
		s += " WITH CHECK (" + x.Check + ")"
	}
	return s
}

// policyRoles spells a policy's roles for TO: PUBLIC when none.
func policyRoles(to []string) string {
	if len(to) == 0 {
		return "PUBLIC"
	}
	roles := make([]string, len(to))
	for i, r := range to {
		switch strings.ToUpper(r) {
		case "PUBLIC", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE":
			roles[i] = strings.ToUpper(r)
		default:
			roles[i] = ident(r)
		}
	}
	return strings.Join(roles, ", ")
}
