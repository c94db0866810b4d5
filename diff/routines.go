package diff

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// views plans the views and materialized views of both realms at once,
// since a view may read views and tables of any schema. A view whose
// query, columns or options change is dropped and created again (CREATE
// OR REPLACE VIEW cannot drop or reorder columns), with its indexes; so
// is a view that reads a table whose column types change (PostgreSQL
// refuses the change while the view exists) or a view that is dropped.
// Drops go dependents first, creations in dependency order.
func (p *planner) views(from, to *schema.Realm) {
	all := func(r *schema.Realm) []*schema.View {
		var out []*schema.View
		for _, s := range r.Schemas {
			out = append(out, s.Views...)
		}
		return out
	}
	match := func(r *schema.Realm, v *schema.View) *schema.View {
		if s := r.Schema(v.Schema.Name); s != nil {
			for _, o := range s.Views {
				if o.Name == v.Name && o.Materialized == v.Materialized {
					return o
				}
			}
		}
		return nil
	}
	fromViews, toViews := all(from), all(to)
	drop, create := map[*schema.View]bool{}, map[*schema.View]bool{}
	for _, v := range toViews {
		if old := match(from, v); old == nil || !p.sameView(old, v) {
			create[v] = true
			if old != nil {
				drop[old] = true
			}
		}
	}
	for _, v := range fromViews {
		if match(to, v) == nil {
			drop[v] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for _, v := range fromViews {
			if drop[v] || !p.readsRetyped(v) && !slices.ContainsFunc(fromViews, func(o *schema.View) bool { return drop[o] && mentions(v.Def, o.Name) }) {
				continue
			}
			drop[v], grew = true, true
			if n := match(to, v); n != nil {
				create[n] = true
			}
		}
	}
	dropped := orderViews(slices.DeleteFunc(slices.Clone(fromViews), func(v *schema.View) bool { return !drop[v] }))
	for i := len(dropped) - 1; i >= 0; i-- {
		v := dropped[i]
		p.add(dropViews, dropView(v), createView(v), v.Materialized && match(to, v) == nil)
	}
	for _, v := range orderViews(slices.DeleteFunc(slices.Clone(toViews), func(v *schema.View) bool { return !create[v] })) {
		p.add(createViews, createView(v), dropView(v), false)
		p.viewExtras(&schema.View{Schema: v.Schema, Name: v.Name, Materialized: v.Materialized}, v)
	}
	for _, v := range toViews {
		if old := match(from, v); old != nil && !create[v] {
			p.viewExtras(old, v)
		}
	}
}

// readsRetyped reports whether a view's query names a table whose column
// types this plan changes.
func (p *planner) readsRetyped(v *schema.View) bool {
	for t := range p.retyped {
		if mentions(v.Def, t.Name) {
			return true
		}
	}
	return false
}

// viewExtras plans a view's indexes (materialized views), triggers and
// comment.
func (p *planner) viewExtras(from, to *schema.View) {
	for _, ix := range from.Indexes {
		if n := findIndex(to.Indexes, ix.Name); n == nil || !p.sameIndex(ix, n) {
			p.add(dropDependents, "DROP INDEX "+qname(from.Schema, ix.Name), createIndex(from.Schema, from.Name, ix), false)
		}
	}
	for _, ix := range to.Indexes {
		if o := findIndex(from.Indexes, ix.Name); o == nil || !p.sameIndex(o, ix) {
			p.add(createTriggers, createIndex(to.Schema, to.Name, ix), "DROP INDEX "+qname(to.Schema, ix.Name), false)
		}
	}
	p.triggersAndPolicies(to.Schema, to.Name, from.Triggers, to.Triggers, nil, nil)
	if from.Comment != to.Comment {
		what := "VIEW " + qname(to.Schema, to.Name)
		if to.Materialized {
			what = "MATERIALIZED " + what
		}
		p.add(setComments, commentOn(what, to.Comment), commentOn(what, from.Comment), false)
	}
}

func (p *planner) sameView(a, b *schema.View) bool {
	if !p.sameQuery(a.Def, b.Def) || a.CheckOption != b.CheckOption || len(a.Columns) != len(b.Columns) {
		return false
	}
	for i := range a.Columns {
		if a.Columns[i].Name != b.Columns[i].Name {
			return false
		}
	}
	return true
}

func createView(v *schema.View) string {
	kind := "VIEW"
	if v.Materialized {
		kind = "MATERIALIZED VIEW"
	}
	s := "CREATE " + kind + " " + qname(v.Schema, v.Name)
	if len(v.Columns) > 0 {
		names := make([]string, len(v.Columns))
		for i, c := range v.Columns {
			names[i] = c.Name
		}
		s += " (" + idents(names) + ")"
	}
	s += " AS " + strings.TrimSuffix(strings.TrimSpace(v.Def), ";")
	if v.CheckOption != "" {
		s += " WITH " + v.CheckOption + " CHECK OPTION"
	}
	return s
}

func dropView(v *schema.View) string {
	if v.Materialized {
		return "DROP MATERIALIZED VIEW " + qname(v.Schema, v.Name)
	}
	return "DROP VIEW " + qname(v.Schema, v.Name)
}

// orderViews puts a view after the views its query names.
func orderViews(views []*schema.View) []*schema.View {
	var out []*schema.View
	done := map[*schema.View]bool{}
	var visit func(v *schema.View, depth int)
	visit = func(v *schema.View, depth int) {
		if done[v] || depth > len(views) {
			return
		}
		for _, o := range views {
			if o != v && mentions(v.Def, o.Name) {
				visit(o, depth+1)
			}
		}
		if !done[v] {
			done[v] = true
			out = append(out, v)
		}
	}
	for _, v := range views {
		visit(v, 0)
	}
	return out
}

// mentions reports whether SQL text names name as a word.
func mentions(sql, name string) bool {
	return regexp.MustCompile(`(?i)(^|[^a-z0-9_$"])"?` + regexp.QuoteMeta(name) + `"?($|[^a-z0-9_$])`).MatchString(sql)
}

// routines plans functions and procedures: a routine is known by its name
// and IN argument types; one whose body or options change is replaced
// (CREATE OR REPLACE), one whose result changes is dropped and created.
func (p *planner) routines(from, to *schema.Schema) {
	find := func(list []*schema.Func, f *schema.Func) *schema.Func {
		for _, o := range list {
			if o.Name == f.Name && o.Kind == f.Kind && signature(o) == signature(f) {
				return o
			}
		}
		return nil
	}
	for _, f := range to.Funcs {
		if f.Kind == schema.Aggregate {
			if find(from.Funcs, f) == nil {
				p.warn(fmt.Sprintf("aggregate %s: aggregates are not planned; create it by hand", qname(f.Schema, f.Name)))
			}
			continue
		}
		old := find(from.Funcs, f)
		ph := createRoutines
		if !strings.EqualFold(f.Lang, "sql") {
			ph = createEarlyRoutines // bodies are not checked at creation: before the tables that may call them
		}
		switch {
		case old == nil:
			p.add(ph, createRoutine(f, false), dropRoutine(f), false)
		case p.sameRoutine(old, f):
		case sameResult(old, f):
			p.add(ph, createRoutine(f, true), createRoutine(old, true), false)
		default:
			p.add(dropDependents, dropRoutine(old), createRoutine(old, false), false)
			p.add(ph, createRoutine(f, false), dropRoutine(f), false)
		}
		before := ""
		if old != nil {
			before = old.Comment
		}
		if before != f.Comment {
			what := routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + signature(f) + ")"
			p.add(setComments, commentOn(what, f.Comment), commentOn(what, before), false)
		}
	}
	for _, f := range from.Funcs {
		if f.Kind != schema.Aggregate && find(to.Funcs, f) == nil {
			p.add(dropRoutines, dropRoutine(f), createRoutine(f, false), true)
		}
	}
}

func routineKind(f *schema.Func) string {
	if f.Kind == schema.Procedure {
		return "PROCEDURE"
	}
	return "FUNCTION"
}

// signature is a routine's IN argument types, as DROP FUNCTION names them.
func signature(f *schema.Func) string {
	var types []string
	for _, a := range f.Args {
		if a.Mode != "OUT" {
			types = append(types, a.Type.String())
		}
	}
	return strings.Join(types, ", ")
}

func sameResult(a, b *schema.Func) bool {
	return sameTypePtr(a.Return, b.Return) && a.ReturnSet == b.ReturnSet && sameColumns(a.ReturnTable, b.ReturnTable) && sameArgs(a, b, false)
}

func (p *planner) sameRoutine(a, b *schema.Func) bool {
	return sameResult(a, b) && sameArgs(a, b, true) && strings.EqualFold(a.Lang, b.Lang) && p.sameQuery(a.Body, b.Body) &&
		a.Volatility == b.Volatility && a.Strict == b.Strict && a.Security == b.Security && a.Parallel == b.Parallel && a.Leakproof == b.Leakproof
}

// sameArgs compares modes, names and types, and defaults when asked.
func sameArgs(a, b *schema.Func, defaults bool) bool {
	if len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		x, y := a.Args[i], b.Args[i]
		if x.Name != y.Name || x.Mode != y.Mode || !x.Type.Equal(y.Type) {
			return false
		}
		if defaults && (x.Default == nil) != (y.Default == nil) || defaults && x.Default != nil && collapse(exprSQL(x.Default)) != collapse(exprSQL(y.Default)) {
			return false
		}
	}
	return true
}

func sameTypePtr(a, b *schema.Type) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func sameColumns(a, b []*schema.Column) bool {
	return slices.EqualFunc(a, b, func(x, y *schema.Column) bool { return x.Name == y.Name && x.Type.Equal(y.Type) })
}

func createRoutine(f *schema.Func, replace bool) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(routineKind(f) + " " + qname(f.Schema, f.Name) + "(")
	for i, a := range f.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		if a.Mode != "" {
			b.WriteString(a.Mode + " ")
		}
		if a.Name != "" {
			b.WriteString(ident(a.Name) + " ")
		}
		b.WriteString(a.Type.String())
		if a.Default != nil {
			b.WriteString(" DEFAULT " + exprSQL(a.Default))
		}
	}
	b.WriteString(")")
	if f.Kind == schema.Function {
		switch {
		case len(f.ReturnTable) > 0:
			var cols []string
			for _, c := range f.ReturnTable {
				cols = append(cols, ident(c.Name)+" "+c.Type.String())
			}
			b.WriteString(" RETURNS TABLE (" + strings.Join(cols, ", ") + ")")
		case f.Return != nil && f.ReturnSet:
			b.WriteString(" RETURNS SETOF " + f.Return.String())
		case f.Return != nil:
			b.WriteString(" RETURNS " + f.Return.String())
		}
	}
	lang := strings.ToLower(f.Lang)
	if lang == "" {
		lang = "sql"
	}
	b.WriteString(" LANGUAGE " + lang)
	for _, opt := range []string{f.Volatility, map[bool]string{true: "STRICT"}[f.Strict], map[bool]string{true: "LEAKPROOF"}[f.Leakproof]} {
		if opt != "" {
			b.WriteString(" " + opt)
		}
	}
	if f.Security != "" {
		b.WriteString(" SECURITY " + f.Security)
	}
	if f.Parallel != "" {
		b.WriteString(" PARALLEL " + f.Parallel)
	}
	body := strings.TrimSpace(f.Body)
	if fields := strings.Fields(strings.ToUpper(body)); len(fields) > 1 && fields[0] == "BEGIN" && fields[1] == "ATOMIC" || len(fields) > 0 && fields[0] == "RETURN" {
		b.WriteString("\n" + body)
		return b.String()
	}
	tag := "$$"
	for i := 0; strings.Contains(body, tag); i++ {
		tag = fmt.Sprintf("$body%d$", i)
	}
	b.WriteString(" AS " + tag + "\n" + body + "\n" + tag)
	return b.String()
}

func dropRoutine(f *schema.Func) string {
	return "DROP " + routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + signature(f) + ")"
}

// triggersAndPolicies plans the triggers and policies of a table or view.
func (p *planner) triggersAndPolicies(s *schema.Schema, on string, fromT, toT []*schema.Trigger, fromP, toP []*schema.Policy) {
	table := qname(s, on)
	findT := func(list []*schema.Trigger, name string) *schema.Trigger {
		for _, t := range list {
			if t.Name == name {
				return t
			}
		}
		return nil
	}
	for _, t := range fromT {
		if n := findT(toT, t.Name); n == nil || !p.sameTrigger(t, n) {
			p.add(dropDependents, "DROP TRIGGER "+ident(t.Name)+" ON "+table, createTrigger(table, t), false)
		}
	}
	for _, t := range toT {
		if o := findT(fromT, t.Name); o == nil || !p.sameTrigger(o, t) {
			p.add(createTriggers, createTrigger(table, t), "DROP TRIGGER "+ident(t.Name)+" ON "+table, false)
		}
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
		if n := findP(toP, x.Name); n == nil || !p.samePolicy(x, n) {
			p.add(dropDependents, "DROP POLICY "+ident(x.Name)+" ON "+table, createPolicy(table, x), false)
		}
	}
	for _, x := range toP {
		if o := findP(fromP, x.Name); o == nil || !p.samePolicy(o, x) {
			p.add(createTriggers, createPolicy(table, x), "DROP POLICY "+ident(x.Name)+" ON "+table, false)
		}
	}
}

func (p *planner) sameTrigger(a, b *schema.Trigger) bool {
	return a.Timing == b.Timing && slices.Equal(a.Events, b.Events) && slices.Equal(a.UpdateOf, b.UpdateOf) && a.ForEachRow == b.ForEachRow &&
		p.sameExpr(a.When, b.When) && a.FuncSchema == b.FuncSchema && a.FuncName == b.FuncName && slices.Equal(a.Args, b.Args)
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
		roles := make([]string, len(x.To))
		for i, r := range x.To {
			switch strings.ToUpper(r) {
			case "PUBLIC", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE":
				roles[i] = strings.ToUpper(r)
			default:
				roles[i] = ident(r)
			}
		}
		s += " TO " + strings.Join(roles, ", ")
	}
	if x.Using != "" {
		s += " USING (" + x.Using + ")"
	}
	if x.Check != "" {
		s += " WITH CHECK (" + x.Check + ")"
	}
	return s
}
