package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// routines plans the functions, procedures and aggregates of every
// schema at once, since one may call another's: a routine is known by
// its kind, name and IN argument types; one whose body or options change
// is replaced (CREATE OR REPLACE), one that cannot be (remakeRoutines) is
// dropped and created. Creations go callees first, drops callers first.
func (p *planner) routines(from, to *schema.Realm) {
	p.remakeRoutines(from, to)
	for _, f := range orderRoutines(allRoutines(to)) {
		var old *schema.Func
		if s := from.Schema(f.Schema.Name); s != nil {
			old = findRoutine(s.Funcs, f)
		}
		ph := p.createPhase(f)
		if f.Kind == schema.Aggregate {
			ph = p.aggPhase(f, to)
		}
		before := ""
		switch {
		case old == nil || p.remade.routines[old]:
			p.addIn(f.Schema, sqlBodyOf(f), ph, createRoutine(f, false), dropRoutine(f), false)
		case p.sameRoutine(old, f):
			before = old.Comment
		default:
			p.addIn(f.Schema, sqlBodyOf(f), ph, createRoutine(f, true), createRoutine(old, true), false)
			before = old.Comment
		}
		what := routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + signature(f) + ")"
		p.commentChange(what, before, f.Comment)
	}
	dropped := orderRoutines(allRoutines(from))
	for i := len(dropped) - 1; i >= 0; i-- {
		f := dropped[i]
		s := to.Schema(f.Schema.Name)
		ph := p.dropPhase(f)
		if f.Kind == schema.Aggregate {
			ph = p.aggDropPhase(f, from)
		}
		switch {
		case p.remade.routines[f]:
			p.add(ph, p.dropOld(f), createRoutine(f, false), false)
		case s == nil || findRoutine(s.Funcs, f) == nil:
			p.add(ph, p.dropOld(f), createRoutine(f, false), true)
		}
	}
	p.rebuildRoutineUsers(from, to)
}

func allRoutines(r *schema.Realm) []*schema.Func {
	var out []*schema.Func
	for _, s := range r.Schemas {
		out = append(out, s.Funcs...)
	}
	return out
}

// orderRoutines puts a routine after the routines of the list its
// definition names (an aggregate's, its support functions).
func orderRoutines(list []*schema.Func) []*schema.Func {
	byName := map[string][]*schema.Func{}
	for _, f := range list {
		byName[strings.ToLower(f.Name)] = append(byName[strings.ToLower(f.Name)], f)
	}
	var out []*schema.Func
	done := map[*schema.Func]bool{}
	var visit func(f *schema.Func)
	visit = func(f *schema.Func) {
		if done[f] {
			return
		}
		done[f] = true
		names := words(f.Body)
		for _, r := range aggSupport(f) {
			names = append(names, strings.ToLower(r.Name))
		}
		for _, w := range names {
			for _, g := range byName[w] {
				visit(g)
			}
		}
		out = append(out, f)
	}
	for _, f := range list {
		visit(f)
	}
	return out
}

// sqlBodyOf is the body of a routine in SQL, which PostgreSQL checks
// when it creates the routine, resolving its names; "" for other
// languages.
func sqlBodyOf(f *schema.Func) string {
	if strings.EqualFold(f.Lang, "sql") {
		return f.Body
	}
	return ""
}

// createPhase is when a routine is created: before the tables, which may
// call it, unless it is in SQL and names a table, a view or another
// routine the plan creates: PostgreSQL checks SQL bodies at creation.
func (p *planner) createPhase(f *schema.Func) phase {
	if strings.EqualFold(f.Lang, "sql") && slices.ContainsFunc(words(createRoutine(f, false)), func(w string) bool {
		return p.remade.relations[w] || p.remade.createdNames[w] && w != strings.ToLower(f.Name)
	}) {
		return createRoutines
	}
	return createEarlyRoutines
}

// findRoutine finds the routine of list with f's kind, name and
// signature.
func findRoutine(list []*schema.Func, f *schema.Func) *schema.Func {
	for _, o := range list {
		if o.Name == f.Name && o.Kind == f.Kind && signature(o) == signature(f) {
			return o
		}
	}
	return nil
}

// remakeRoutines finds the routines of the current side that the plan
// drops and creates again: those whose result, argument names or modes
// change, that lose an argument default (CREATE OR REPLACE cannot do
// it), that use a type made anew, that a routine of another kind
// replaces, or whose SQL-standard body reads a table whose columns
// change (PostgreSQL refuses the change while the body depends on
// them: those are dropped early) or names a type or routine made anew.
// It also notes the names of the routines the plan creates.
func (p *planner) remakeRoutines(from, to *schema.Realm) {
	for _, r := range []*schema.Realm{from, to} {
		for _, s := range r.Schemas {
			for _, t := range s.Tables {
				p.remade.relations[strings.ToLower(t.Name)] = true
			}
			for _, v := range s.Views {
				p.remade.relations[strings.ToLower(v.Name)] = true
			}
		}
	}
	for _, ts := range to.Schemas {
		fs := from.Schema(ts.Name)
		for _, f := range ts.Funcs {
			if fs == nil || findRoutine(fs.Funcs, f) == nil {
				p.remade.createdNames[strings.ToLower(f.Name)] = true
			}
		}
	}
	for _, fs := range from.Schemas {
		for _, f := range fs.Funcs {
			p.remade.early[f] = sqlStandardBody(f.Body) && p.readsReshaped(f.Body, from, to)
		}
	}
	for grew := true; grew; {
		grew = false
		for _, fs := range from.Schemas {
			ts := to.Schema(fs.Name)
			for _, f := range fs.Funcs {
				if ts != nil && !p.remade.routines[f] && (p.mustRemake(f, ts.Funcs) || p.aggMustRemake(f, from, to)) {
					p.remade.routines[f] = true
					p.remade.remadeNames[strings.ToLower(f.Name)] = true
					p.remade.createdNames[strings.ToLower(f.Name)] = true
					grew = true
				}
			}
		}
	}
}

// mustRemake reports whether a routine cannot change in place
// (remakeRoutines); list is its schema's routines on the desired side.
func (p *planner) mustRemake(old *schema.Func, list []*schema.Func) bool {
	f := findRoutine(list, old)
	if f == nil { // perhaps replaced by a routine of another kind
		return slices.ContainsFunc(list, func(o *schema.Func) bool { return o.Name == old.Name && signature(o) == signature(old) })
	}
	if !sameResult(old, f) || slices.ContainsFunc(old.Args, func(a *schema.FuncArg) bool { return p.remadeType(a.Type) }) ||
		old.Return != nil && p.remadeType(*old.Return) || slices.ContainsFunc(old.ReturnTable, func(c *schema.Column) bool { return p.remadeType(c.Type) }) {
		return true
	}
	for i, a := range old.Args {
		if a.Default != nil && f.Args[i].Default == nil {
			return true
		}
	}
	return p.remade.early[old] || sqlStandardBody(old.Body) && p.readsRemade(old.Body)
}

// remadeType reports whether a type is made anew by the plan.
func (p *planner) remadeType(t schema.Type) bool { return p.remade.types[typeKey(t)] != nil }

// readsReshaped reports whether SQL text names a table whose columns the
// plan changes, drops or converts, or a table it drops or re-creates.
func (p *planner) readsReshaped(sql string, from, to *schema.Realm) bool {
	for _, fs := range from.Schemas {
		ts := to.Schema(fs.Name)
		for _, t := range fs.Tables {
			if mentions(sql, t.Name) && (ts == nil || p.reshaped(t, ts.Table(t.Name))) {
				return true
			}
		}
	}
	return false
}

// reshaped reports whether the plan changes, drops or converts a column
// of table t, or drops or re-creates t (n is t on the desired side).
func (p *planner) reshaped(t, n *schema.Table) bool {
	if n == nil || p.retyped[t] || !samePartition(t.Partition, n.Partition) {
		return true
	}
	return slices.ContainsFunc(t.Columns, func(c *schema.Column) bool {
		o := n.Column(c.Name)
		return o == nil || !o.Type.Equal(c.Type) || o.Collate != c.Collate
	})
}

// sqlStandardBody reports whether a body is SQL-standard (BEGIN ATOMIC or
// RETURN): PostgreSQL parses it at creation and records what it reads.
func sqlStandardBody(body string) bool {
	fields := strings.Fields(strings.ToUpper(strings.TrimSpace(body)))
	return len(fields) > 1 && fields[0] == "BEGIN" && fields[1] == "ATOMIC" || len(fields) > 0 && fields[0] == "RETURN"
}

// dropPhase is when a routine going (or made anew) is dropped: one whose
// SQL-standard body reads a table that changes before the table does;
// one made anew once what used it is gone, before it is created again;
// others last.
func (p *planner) dropPhase(f *schema.Func) phase {
	switch {
	case p.remade.early[f]:
		return dropDependents
	case p.remade.routines[f]:
		return dropRemadeRoutines
	}
	return dropRoutines
}

func dropRoutine(f *schema.Func) string {
	return "DROP " + routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + signature(f) + ")"
}

// dropOld writes DROP FUNCTION or PROCEDURE of a routine of the current
// side, naming the types made anew by their old names (they are renamed
// before).
func (p *planner) dropOld(f *schema.Func) string {
	var types []string
	for _, a := range f.Args {
		if a.Mode != "OUT" {
			t := a.Type
			if r := p.remade.types[typeKey(t)]; r != nil {
				t.Name = r.old
			}
			types = append(types, t.String())
		}
	}
	if f.Kind == schema.Aggregate && len(types) == 0 {
		types = []string{"*"}
	}
	return "DROP " + routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + strings.Join(types, ", ") + ")"
}

func routineKind(f *schema.Func) string {
	return [...]string{"FUNCTION", "PROCEDURE", "AGGREGATE"}[f.Kind]
}

// signature is a routine's IN argument types, as DROP FUNCTION names them
// (* for an aggregate of none).
func signature(f *schema.Func) string {
	var types []string
	for _, a := range f.Args {
		if a.Mode != "OUT" {
			types = append(types, a.Type.String())
		}
	}
	if f.Kind == schema.Aggregate && len(types) == 0 {
		return "*"
	}
	return strings.Join(types, ", ")
}

func sameResult(a, b *schema.Func) bool {
	return sameTypePtr(a.Return, b.Return) && a.ReturnSet == b.ReturnSet && sameColumns(a.ReturnTable, b.ReturnTable) && sameArgs(a, b, false)
}

func (p *planner) sameRoutine(a, b *schema.Func) bool {
	return sameResult(a, b) && sameArgs(a, b, true) && strings.EqualFold(a.Lang, b.Lang) && p.sameQuery(a.Body, b.Body) &&
		a.Volatility == b.Volatility && a.Strict == b.Strict && a.Security == b.Security && a.Parallel == b.Parallel && a.Leakproof == b.Leakproof &&
		a.Cost == b.Cost && a.Rows == b.Rows && slices.Equal(a.Config, b.Config) && sameAgg(a.Agg, b.Agg)
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

// routineArgs writes a routine's arguments (* for an aggregate of none).
func routineArgs(f *schema.Func) string {
	var args []string
	for _, a := range f.Args {
		s := a.Type.String()
		if a.Name != "" {
			s = ident(a.Name) + " " + s
		}
		if a.Mode != "" {
			s = a.Mode + " " + s
		}
		if a.Default != nil {
			s += " DEFAULT " + exprSQL(a.Default)
		}
		args = append(args, s)
	}
	if f.Kind == schema.Aggregate && len(args) == 0 {
		return "*"
	}
	return strings.Join(args, ", ")
}

func createRoutine(f *schema.Func, replace bool) string {
	if f.Kind == schema.Aggregate {
		return createAggregate(f, replace)
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(routineKind(f) + " " + qname(f.Schema, f.Name) + "(" + routineArgs(f) + ")")
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
	b.WriteString(routineOptions(f))
	body := strings.TrimSpace(f.Body)
	if sqlStandardBody(body) {
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
