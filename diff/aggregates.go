package diff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// Aggregates are planned with the routines (routines.go): created after
// their support functions, in the same phase as the last of them, and
// dropped before them. CREATE OR REPLACE AGGREGATE changes one in place
// but for what PostgreSQL refuses: a change of result type (the final
// function's, else the state type) or of argument names; those, and an
// aggregate whose support function or state type is made anew, are
// dropped and created (aggMustRemake), and views using them with them.

// aggSupport lists the support functions an aggregate names.
func aggSupport(f *schema.Func) []schema.FuncRef {
	if f.Agg == nil {
		return nil
	}
	var out []schema.FuncRef
	for _, r := range []schema.FuncRef{f.Agg.StateFunc, f.Agg.FinalFunc, f.Agg.CombineFunc} {
		if r != (schema.FuncRef{}) {
			out = append(out, r)
		}
	}
	return out
}

// supportFuncs finds in r the functions an aggregate names (every
// overload of each name).
func supportFuncs(f *schema.Func, r *schema.Realm) []*schema.Func {
	var out []*schema.Func
	for _, ref := range aggSupport(f) {
		if s := r.Schema(ref.Schema); s != nil {
			for _, g := range s.Funcs {
				if g.Name == ref.Name && g.Kind == schema.Function {
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// aggPhase is when an aggregate is created: with the last of its support
// functions.
func (p *planner) aggPhase(f *schema.Func, to *schema.Realm) phase {
	if slices.ContainsFunc(supportFuncs(f, to), func(g *schema.Func) bool { return p.createPhase(g) == createRoutines }) {
		return createRoutines
	}
	return createEarlyRoutines
}

// aggDropPhase is when an aggregate going, or made anew, is dropped:
// before any of its support functions that are dropped early.
func (p *planner) aggDropPhase(f *schema.Func, from *schema.Realm) phase {
	ph := p.dropPhase(f)
	for _, g := range supportFuncs(f, from) {
		if p.remade.routines[g] || p.remade.early[g] {
			ph = min(ph, p.dropPhase(g))
		}
	}
	return ph
}

// aggMustRemake reports whether an aggregate of the current side cannot
// be replaced in place: its result type changes (as far as the models
// tell: else a change of state type or final function counts), its state
// type or a support function is made anew.
func (p *planner) aggMustRemake(old *schema.Func, from, to *schema.Realm) bool {
	s := to.Schema(old.Schema.Name)
	if old.Agg == nil || s == nil {
		return false
	}
	f := findRoutine(s.Funcs, old)
	if f == nil || f.Agg == nil {
		return false
	}
	if p.remadeType(old.Agg.StateType) || slices.ContainsFunc(supportFuncs(old, from), func(g *schema.Func) bool { return p.remade.routines[g] }) {
		return true
	}
	a, okA := aggResult(old, from)
	b, okB := aggResult(f, to)
	if okA && okB {
		return !a.Equal(b)
	}
	return old.Agg.FinalFunc != f.Agg.FinalFunc || !old.Agg.StateType.Equal(f.Agg.StateType)
}

// aggResult is an aggregate's result type: its final function's, when the
// realm has one function of that name, else its state type.
func aggResult(f *schema.Func, r *schema.Realm) (schema.Type, bool) {
	if f.Agg.FinalFunc == (schema.FuncRef{}) {
		return f.Agg.StateType, true
	}
	var ret []*schema.Type
	for _, g := range supportFuncs(&schema.Func{Agg: &schema.AggDef{StateFunc: f.Agg.FinalFunc}}, r) {
		ret = append(ret, g.Return)
	}
	if len(ret) != 1 || ret[0] == nil {
		return schema.Type{}, false
	}
	return *ret[0], true
}

func sameAgg(a, b *schema.AggDef) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.StateFunc == b.StateFunc && a.StateType.Equal(b.StateType) && a.FinalFunc == b.FinalFunc &&
		a.CombineFunc == b.CombineFunc && a.SortOp == b.SortOp &&
		(a.InitCond == nil) == (b.InitCond == nil) && (a.InitCond == nil || *a.InitCond == *b.InitCond)
}

// createAggregate writes CREATE [OR REPLACE] AGGREGATE.
func createAggregate(f *schema.Func, replace bool) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString("AGGREGATE " + qname(f.Schema, f.Name) + "(" + routineArgs(f) + ") (")
	ag := f.Agg
	if ag == nil {
		ag = &schema.AggDef{}
	}
	opts := []string{"SFUNC = " + funcRef(ag.StateFunc), "STYPE = " + ag.StateType.String()}
	if ag.FinalFunc != (schema.FuncRef{}) {
		opts = append(opts, "FINALFUNC = "+funcRef(ag.FinalFunc))
	}
	if ag.CombineFunc != (schema.FuncRef{}) {
		opts = append(opts, "COMBINEFUNC = "+funcRef(ag.CombineFunc))
	}
	if ag.InitCond != nil {
		opts = append(opts, "INITCOND = "+literal(*ag.InitCond))
	}
	if ag.SortOp != "" {
		opts = append(opts, "SORTOP = "+ag.SortOp)
	}
	if f.Parallel != "" {
		opts = append(opts, "PARALLEL = "+f.Parallel)
	}
	b.WriteString(strings.Join(opts, ", ") + ")")
	return b.String()
}

func funcRef(r schema.FuncRef) string { return schema.Qualified(r.Schema, r.Name) }

// routineOptions writes a function's COST and ROWS and a routine's SET
// clauses.
func routineOptions(f *schema.Func) string {
	var b strings.Builder
	if f.Cost != 0 {
		b.WriteString(" COST " + strconv.FormatFloat(f.Cost, 'g', -1, 64))
	}
	if f.Rows != 0 {
		b.WriteString(" ROWS " + strconv.FormatFloat(f.Rows, 'g', -1, 64))
	}
	for _, c := range f.Config {
		var parts []string
		for _, p := range strings.Split(c.Name, ".") {
			parts = append(parts, ident(strings.ToLower(p)))
		}
		b.WriteString(" SET " + strings.Join(parts, ".") + " = " + configValue(c))
	}
	return b.String()
}

// configValue writes a SET value as literals: one per name of a list
// parameter (search_path), which PostgreSQL stores quoted as needed.
func configValue(c schema.FuncConfig) string {
	items, ok := schema.SplitConfigList(c.Value)
	if !schema.IsListConfig(c.Name) || !ok || len(items) == 0 {
		return literal(c.Value)
	}
	for i, it := range items {
		items[i] = literal(it)
	}
	return strings.Join(items, ", ")
}
