package hclschema

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

func (d *decoder) decodeFunc(dc *decl, fn *schema.Func) {
	body := dc.block.Body
	fn.Lang = attrWord(body, "lang")
	fn.Body = sqlAttr(body, "as")
	fn.Volatility, fn.Security, fn.Parallel = attrWord(body, "volatility"), attrWord(body, "security"), attrWord(body, "parallel")
	fn.Strict, _ = attrBool(body, "strict")
	fn.Leakproof, _ = attrBool(body, "leakproof")
	fn.Comment, _ = stringAttr(body, "comment")
	d.routineOptions(dc, fn)
	if fn.Kind == schema.Aggregate {
		d.decodeAgg(dc, fn)
	}
	for _, name := range []string{"return", "return_set"} {
		if a := body.Attributes[name]; a != nil {
			if t, ok := d.typeOf(dc.file, a.Expr); ok {
				fn.Return = &t
			}
			fn.ReturnSet = name == "return_set"
		}
	}
	for _, b := range body.Blocks {
		switch b.Type {
		case "arg":
			arg := &schema.FuncArg{Name: label(b), Mode: attrWord(b.Body, "mode")}
			if a := b.Body.Attributes["type"]; a != nil {
				arg.Type, _ = d.typeOf(dc.file, a.Expr)
			}
			if a := b.Body.Attributes["default"]; a != nil {
				arg.Default = d.expr(dc.file, a.Expr)
			}
			fn.Args = append(fn.Args, arg)
		case "return_table":
			for _, c := range b.Body.Blocks {
				if c.Type == "column" {
					fn.ReturnTable = append(fn.ReturnTable, d.column(dc.file, c))
				}
			}
		}
	}
}

// owner resolves a trigger's or policy's `on` to its table (or view),
// which the trigger or policy is added to once every block is decoded.
func (d *decoder) owner(dc *decl, kinds []string) (*schema.Table, *schema.View) {
	a := dc.block.Body.Attributes["on"]
	if a == nil {
		return nil, nil
	}
	tg, ok := d.resolve(dc.file, a.Expr, kinds, nil)
	if !ok || tg.decl == nil {
		return nil, nil
	}
	switch o := tg.decl.obj.(type) {
	case *schema.Table:
		d.cur.owner = tg.decl.block
		return o, nil
	case *schema.View:
		d.cur.owner = tg.decl.block
		return nil, o
	}
	return nil, nil
}

func (d *decoder) decodeTrigger(dc *decl) {
	body := dc.block.Body
	t, v := d.owner(dc, []string{"table", "view", "materialized"})
	tr := &schema.Trigger{Name: dc.name, When: sqlAttr(body, "when"), Pos: d.pos(dc.file, dc.block.Range())}
	tr.Comment, _ = stringAttr(body, "comment")
	tr.ForEachRow = attrWord(body, "for") == "ROW" || attrWord(body, "foreach") == "ROW"
	for _, b := range body.Blocks {
		switch b.Type {
		case "before", "after", "instead_of":
			tr.Timing = map[string]string{"before": "BEFORE", "after": "AFTER", "instead_of": "INSTEAD OF"}[b.Type]
			for _, ev := range []string{"insert", "update", "delete", "truncate"} {
				if on, _ := attrBool(b.Body, ev); on {
					tr.Events = append(tr.Events, map[string]string{"insert": "INSERT", "update": "UPDATE", "delete": "DELETE", "truncate": "TRUNCATE"}[ev])
				}
			}
			if a := b.Body.Attributes["update_of"]; a != nil {
				tr.Events = append(tr.Events, "UPDATE")
				if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
					var owner *columns
					switch {
					case t != nil:
						owner = d.columnsOf(d.byBlock[d.cur.owner]) // a partition's are its root's
					case v != nil:
						owner = viewColumns(v)
					}
					for _, e := range tuple.Exprs {
						if t != nil && owner == nil {
							break // a partition whose parent did not resolve: no columns to name
						}
						if tg, ok := d.resolve(dc.file, e, []string{"column"}, owner); ok && tg.column != nil {
							tr.UpdateOf = append(tr.UpdateOf, tg.column.Name)
						}
					}
				}
			}
		case "execute":
			d.triggerFunc(dc, b, tr)
		}
	}
	d.triggerClauses(dc, tr)
	tr.Normalize()
	d.cur.attach = tr
}

// triggerFunc resolves the function a trigger executes and checks that it
// returns trigger.
func (d *decoder) triggerFunc(dc *decl, b *hclsyntax.Block, tr *schema.Trigger) {
	for _, name := range []string{"function", "procedure"} {
		a := b.Body.Attributes[name]
		if a == nil {
			continue
		}
		tg, ok := d.resolve(dc.file, a.Expr, []string{"function", "procedure"}, nil)
		if !ok || tg.decl == nil {
			return
		}
		fn, ok := tg.decl.obj.(*schema.Func)
		if !ok {
			return
		}
		tr.FuncSchema, tr.FuncName = fn.Schema.Name, fn.Name
		// The function's own block may not be decoded yet: read its return.
		if ret := tg.decl.block.Body.Attributes["return"]; ret != nil {
			if name, known := typeName(ret.Expr); known && name != "trigger" {
				d.report(dc.file, a.Expr.Range(), source.Error, CodeTriggerFunc, "Trigger %s executes %s, which returns %s; a trigger function must return trigger", tr.Name, fn.Name, exprText(tg.decl.file, ret.Expr))
			}
		}
		if tuple, ok := b.Body.Attributes["args"]; ok && tuple != nil {
			if t, ok := tuple.Expr.(*hclsyntax.TupleConsExpr); ok {
				for _, e := range t.Exprs {
					if s, ok := stringValue(e); ok {
						tr.Args = append(tr.Args, s)
					}
				}
			}
		}
	}
}

func (d *decoder) decodePolicy(dc *decl) {
	body := dc.block.Body
	t, _ := d.owner(dc, []string{"table"})
	p := &schema.Policy{Name: dc.name, As: attrWord(body, "as"), For: attrWord(body, "for"), Using: sqlAttr(body, "using"), Check: sqlAttr(body, "check"), Pos: d.pos(dc.file, dc.block.Range())}
	p.Comment, _ = stringAttr(body, "comment")
	if a := body.Attributes["to"]; a != nil {
		if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
			for _, e := range tuple.Exprs {
				if r, ok := stringValue(e); ok {
					p.To = append(p.To, r) // a role name keeps its case
				} else if w, ok := word(e); ok {
					p.To = append(p.To, w) // PUBLIC, CURRENT_USER, …
				}
			}
		}
	}
	p.Normalize()
	if t != nil {
		d.cur.attach = p
	}
}
