package hclschema

import (
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/internal/source"
)

// symbolKinds maps block types to the symbol kind editors show for them.
var symbolKinds = map[string]source.SymbolKind{
	"schema":        source.SymNamespace,
	"table":         source.SymStruct,
	"view":          source.SymInterface,
	"materialized":  source.SymInterface,
	"column":        source.SymField,
	"field":         source.SymField,
	"primary_key":   source.SymKey,
	"index":         source.SymKey,
	"unique":        source.SymKey,
	"foreign_key":   source.SymKey,
	"check":         source.SymProperty,
	"exclude":       source.SymProperty,
	"partition":     source.SymProperty,
	"function":      source.SymFunction,
	"aggregate":     source.SymFunction,
	"procedure":     source.SymMethod,
	"arg":           source.SymVariable,
	"trigger":       source.SymEvent,
	"event_trigger": source.SymEvent,
	"policy":        source.SymObject,
	"enum":          source.SymEnum,
	"domain":        source.SymTypeParameter,
	"composite":     source.SymStruct,
	"sequence":      source.SymNumber,
	"extension":     source.SymPackage,
	"variable":      source.SymVariable,
	"locals":        source.SymNamespace,
	"env":           source.SymModule,
	"test":          source.SymMethod,
	"data":          source.SymObject,
}

// Symbols returns the hierarchical document symbols of an HCL file: each
// block with its nested blocks, tables and other objects under the schema
// block their `schema` attribute names (when that schema is in the same
// file), enum values and locals as leaves.
func Symbols(f *File) []source.Symbol {
	body := f.Body()
	var top []source.Symbol
	schemas := map[string]int{} // schema name -> index in top
	type pending struct {
		sym    source.Symbol
		schema string
	}
	var owned []pending
	for _, b := range body.Blocks {
		sym := blockSymbol(f, b)
		if b.Type == "schema" && len(b.Labels) == 1 {
			schemas[b.Labels[0]] = len(top)
			top = append(top, sym)
			continue
		}
		if name := schemaRef(b); name != "" {
			owned = append(owned, pending{sym, name})
			continue
		}
		top = append(top, sym)
	}
	for _, p := range owned {
		if i, ok := schemas[p.schema]; ok {
			top[i].Children = append(top[i].Children, p.sym)
		} else {
			top = append(top, p.sym)
		}
	}
	byStart := func(a, b source.Symbol) int { return a.Range.Start - b.Range.Start }
	slices.SortStableFunc(top, byStart)
	for i := range top {
		slices.SortStableFunc(top[i].Children, byStart)
	}
	return top
}

func blockSymbol(f *File, b *hclsyntax.Block) source.Symbol {
	kind, ok := symbolKinds[b.Type]
	if !ok {
		kind = source.SymObject
	}
	sym := source.Symbol{
		Name:      b.Type,
		Detail:    b.Type,
		Kind:      kind,
		Range:     f.Range(b.Range()),
		Selection: f.Range(b.TypeRange),
	}
	if n := len(b.Labels); n > 0 {
		sym.Name = b.Labels[n-1]
		sym.Selection = f.Range(b.LabelRanges[n-1])
		if n > 1 {
			sym.Detail = b.Type + " " + strings.Join(b.Labels[:n-1], " ")
		}
	}
	if sym.Name == "" {
		sym.Name = b.Type // editors reject empty names
	}
	if t, ok := b.Body.Attributes["type"]; ok && (b.Type == "column" || b.Type == "field" || b.Type == "domain") {
		sym.Detail = b.Type + " " + exprText(f, t.Expr)
	}
	for _, nb := range b.Body.Blocks {
		sym.Children = append(sym.Children, blockSymbol(f, nb))
	}
	switch b.Type {
	case "enum":
		if a, ok := b.Body.Attributes["values"]; ok {
			sym.Children = append(sym.Children, enumValues(f, a)...)
		}
	case "locals":
		for _, a := range sortedAttrs(b.Body) {
			sym.Children = append(sym.Children, source.Symbol{
				Name: a.Name, Detail: "local", Kind: source.SymVariable,
				Range: f.Range(a.SrcRange), Selection: f.Range(a.NameRange),
			})
		}
	}
	return sym
}

func enumValues(f *File, a *hclsyntax.Attribute) []source.Symbol {
	tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	var out []source.Symbol
	for _, e := range tuple.Exprs {
		v, diags := e.Value(nil)
		if diags.HasErrors() || v.Type() != cty.String || v.IsNull() || v.AsString() == "" {
			continue
		}
		r := f.Range(e.Range())
		out = append(out, source.Symbol{Name: v.AsString(), Detail: "value", Kind: source.SymEnumMember, Range: r, Selection: r})
	}
	return out
}

// schemaRef returns X when the block has `schema = schema.X`.
func schemaRef(b *hclsyntax.Block) string {
	a, ok := b.Body.Attributes["schema"]
	if !ok {
		return ""
	}
	trav, diags := hcl.AbsTraversalForExpr(a.Expr)
	if diags.HasErrors() || len(trav) != 2 || trav.RootName() != "schema" {
		return ""
	}
	if attr, ok := trav[1].(hcl.TraverseAttr); ok {
		return attr.Name
	}
	return ""
}

func exprText(f *File, e hclsyntax.Expression) string {
	r := f.Range(e.Range())
	if r.Start > r.End {
		return ""
	}
	return strings.Join(strings.Fields(string(f.Src[r.Start:r.End])), " ")
}

func sortedAttrs(body *hclsyntax.Body) []*hclsyntax.Attribute {
	attrs := slices.Collect(maps.Values(body.Attributes))
	slices.SortFunc(attrs, func(a, b *hclsyntax.Attribute) int { return comparePos(a.SrcRange.Start, b.SrcRange.Start) })
	return attrs
}

// comparePos orders positions of the syntax tree (whose byte offsets are
// relative to their chunk) by line and column.
func comparePos(a, b hcl.Pos) int {
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Column - b.Column
}
