package hclschema

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/schema"
)

// routine writes a function, procedure or aggregate.
func (w *writer) routine(s *schema.Schema, f *schema.Func) {
	if f.Kind == schema.Aggregate {
		w.aggregate(s, f)
		return
	}
	kind := "function"
	if f.Kind == schema.Procedure {
		kind = "procedure"
	}
	b := w.object(kind, s, f.Name)
	switch f.Lang {
	case "SQL":
		b.SetAttributeRaw("lang", bare("SQL"))
	case "PLPGSQL":
		b.SetAttributeRaw("lang", bare("PLpgSQL"))
	default:
		b.SetAttributeRaw("lang", quoted(strings.ToLower(f.Lang)))
	}
	w.args(b, s, f)
	switch {
	case len(f.ReturnTable) > 0:
		rb := b.AppendNewBlock("return_table", nil).Body()
		for _, c := range f.ReturnTable {
			rb.AppendNewBlock("column", []string{c.Name}).Body().SetAttributeRaw("type", w.typeRef(c.Type, s.Name))
		}
	case f.Return != nil && f.ReturnSet:
		b.SetAttributeRaw("return_set", w.typeRef(*f.Return, s.Name))
	case f.Return != nil:
		b.SetAttributeRaw("return", w.typeRef(*f.Return, s.Name))
	}
	b.SetAttributeRaw("as", sqlText(f.Body, 1))
	if f.Kind == schema.Function {
		if f.Volatility != "" {
			b.SetAttributeRaw("volatility", bare(f.Volatility))
		}
		if f.Strict {
			b.SetAttributeRaw("strict", bare("true"))
		}
		if f.Leakproof {
			b.SetAttributeRaw("leakproof", bare("true"))
		}
	}
	if f.Security != "" {
		b.SetAttributeRaw("security", bare(f.Security))
	}
	if f.Kind == schema.Function && f.Parallel != "" {
		b.SetAttributeRaw("parallel", bare(f.Parallel))
	}
	for _, o := range []struct {
		name string
		v    float64
	}{{"cost", f.Cost}, {"rows", f.Rows}} {
		if o.v != 0 {
			b.SetAttributeRaw(o.name, hclwrite.TokensForValue(cty.NumberFloatVal(o.v)))
		}
	}
	for _, c := range f.Config {
		b.AppendNewBlock("set", []string{c.Name}).Body().SetAttributeRaw("value", quoted(c.Value))
	}
	comment(b, f.Comment)
}

// args writes a routine's arg blocks.
func (w *writer) args(b *hclwrite.Body, s *schema.Schema, f *schema.Func) {
	for _, a := range f.Args {
		var labels []string
		if a.Name != "" {
			labels = []string{a.Name}
		}
		ab := b.AppendNewBlock("arg", labels).Body()
		ab.SetAttributeRaw("type", w.typeRef(a.Type, s.Name))
		if a.Mode != "" {
			ab.SetAttributeRaw("mode", bare(a.Mode))
		}
		if a.Default != nil {
			ab.SetAttributeRaw("default", exprTokens(a.Default))
		}
	}
}

// aggregate writes an aggregate block.
func (w *writer) aggregate(s *schema.Schema, f *schema.Func) {
	b := w.object("aggregate", s, f.Name)
	w.args(b, s, f)
	ag := f.Agg
	if ag == nil {
		ag = &schema.AggDef{}
	}
	b.SetAttributeRaw("state_type", w.typeRef(ag.StateType, s.Name))
	b.SetAttributeRaw("state_func", w.funcRef(ag.StateFunc, s.Name))
	if ag.InitCond != nil {
		b.SetAttributeRaw("initial_value", quoted(*ag.InitCond))
	}
	for _, o := range []struct {
		name string
		ref  schema.FuncRef
	}{{"final_func", ag.FinalFunc}, {"combine_func", ag.CombineFunc}} {
		if o.ref != (schema.FuncRef{}) {
			b.SetAttributeRaw(o.name, w.funcRef(o.ref, s.Name))
		}
	}
	if ag.SortOp != "" {
		b.SetAttributeRaw("sort_op", quoted(ag.SortOp))
	}
	if f.Parallel != "" {
		b.SetAttributeRaw("parallel", bare(f.Parallel))
	}
	comment(b, f.Comment)
}

// funcRef is an aggregate's support function, written in schema from: a
// reference to its function block, else a string naming it (unqualified
// in pg_catalog).
func (w *writer) funcRef(r schema.FuncRef, from string) hclwrite.Tokens {
	if fn := w.routineNamed(r.Schema, r.Name); fn != nil && fn.Kind == schema.Function {
		return w.objectRef("function", r.Schema, r.Name, from)
	}
	if r.Schema == "pg_catalog" {
		return quoted(r.Name)
	}
	return quoted(r.Schema + "." + r.Name)
}
