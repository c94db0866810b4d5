package hclschema

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/schema"
)

// decodeAgg decodes what an aggregate block says beyond its arguments
// and parallel: its state, support functions and sort operator.
func (d *decoder) decodeAgg(dc *decl, fn *schema.Func) {
	body := dc.block.Body
	ag := &schema.AggDef{
		StateFunc:   d.aggFunc(dc, "state_func"),
		FinalFunc:   d.aggFunc(dc, "final_func"),
		CombineFunc: d.aggFunc(dc, "combine_func"),
	}
	ag.SortOp, _ = stringAttr(body, "sort_op")
	if a := body.Attributes["state_type"]; a != nil {
		ag.StateType, _ = d.typeOf(dc.file, a.Expr)
	}
	if a := body.Attributes["initial_value"]; a != nil {
		if e := d.expr(dc.file, a.Expr); e != nil {
			ag.InitCond = &e.Value
		}
	}
	fn.Agg = ag
}

// aggFunc resolves an aggregate's support function: a function block, or
// a string naming a function, in pg_catalog when unqualified.
func (d *decoder) aggFunc(dc *decl, name string) schema.FuncRef {
	a := dc.block.Body.Attributes[name]
	if a == nil {
		return schema.FuncRef{}
	}
	if s, ok := stringValue(a.Expr); ok {
		if sch, n, ok := strings.Cut(s, "."); ok {
			return schema.FuncRef{Schema: sch, Name: n}
		}
		return schema.FuncRef{Schema: "pg_catalog", Name: s}
	}
	if tg, ok := d.resolve(dc.file, a.Expr, []string{"function"}, nil); ok && tg.decl != nil {
		if f, ok := tg.decl.obj.(*schema.Func); ok {
			return schema.FuncRef{Schema: f.Schema.Name, Name: f.Name}
		}
	}
	return schema.FuncRef{}
}

// routineOptions decodes a routine's cost, rows and set blocks.
func (d *decoder) routineOptions(dc *decl, fn *schema.Func) {
	body := dc.block.Body
	fn.Cost, fn.Rows = attrFloat(body, "cost"), attrFloat(body, "rows")
	for _, b := range body.Blocks {
		if a := b.Body.Attributes["value"]; b.Type == "set" && a != nil {
			if e := d.expr(dc.file, a.Expr); e != nil {
				fn.Config = append(fn.Config, schema.FuncConfig{Name: label(b), Value: e.Value})
			}
		}
	}
}

// attrFloat is a number attribute's value, 0 when absent.
func attrFloat(body *hclsyntax.Body, name string) float64 {
	if a := body.Attributes[name]; a != nil {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.Number {
			f, _ := v.AsBigFloat().Float64()
			return f
		}
	}
	return 0
}
