package hclschema

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
)

// TokenType is a semantic token type; TokenTypes is the legend, in order.
type TokenType int

// Token types.
const (
	TokKeyword TokenType = iota
	TokNamespace
	TokClass
	TokProperty
	TokFunction
	TokType
	TokEnumMember
	TokVariable
)

// TokenTypes are the LSP names of the token types, in TokenType order.
var TokenTypes = []string{"keyword", "namespace", "class", "property", "function", "type", "enumMember", "variable"}

// Token modifiers, as bits; TokenModifiers is the legend.
const (
	ModDeclaration = 1 << iota
	ModDefaultLibrary
)

// TokenModifiers are the LSP names of the modifier bits, in bit order.
var TokenModifiers = []string{"declaration", "defaultLibrary"}

// Token is one semantic token.
type Token struct {
	Range     source.Range
	Type      TokenType
	Modifiers int
}

// kindTokens colours an object kind's names.
var kindTokens = map[string]TokenType{
	"schema": TokNamespace, "table": TokClass, "view": TokClass, "materialized": TokClass,
	"column": TokProperty, "field": TokProperty, "function": TokFunction, "procedure": TokFunction,
	"aggregate": TokFunction, "enum": TokType, "domain": TokType, "composite": TokType,
	"sequence": TokVariable, "trigger": TokFunction, "policy": TokVariable, "extension": TokNamespace,
	"var": TokVariable, "local": TokVariable, "variable": TokVariable, "env": TokNamespace,
}

// SemanticTokens returns the tokens of an Atlas file, sorted: block types
// (keywords), declared names by kind, attribute names, references (each
// name in the kind's colour), constants, column types and sql().
func SemanticTokens(f *File, root *spec.Block) []Token {
	var out []Token
	var walk func(body *hclsyntax.Body, sp *spec.Block)
	walk = func(body *hclsyntax.Body, sp *spec.Block) {
		for _, a := range sortedAttrs(body) {
			out = append(out, Token{Range: f.Range(a.NameRange), Type: TokProperty})
			var as *spec.Attr
			if sp != nil {
				as = sp.Attr(a.Name)
			}
			out = valueTokens(f, out, a.Expr, as)
		}
		for _, b := range body.Blocks {
			var bs *spec.Block
			if sp != nil {
				bs = sp.Block(b.Type)
			}
			out = append(out, Token{Range: f.Range(b.TypeRange), Type: TokKeyword})
			if tt, ok := kindTokens[b.Type]; ok && len(b.Labels) > 0 {
				r := f.Range(b.LabelRanges[len(b.LabelRanges)-1])
				if r.End-r.Start >= 2 && f.Src[r.Start] == '"' {
					r.Start, r.End = r.Start+1, r.End-1 // the name, not its quotes
				}
				out = append(out, Token{Range: r, Type: tt, Modifiers: ModDeclaration})
			}
			if bs != nil {
				bs = Variant(bs, b)
			}
			walk(b.Body, bs)
		}
	}
	walk(f.Body(), root)
	slices.SortFunc(out, func(a, b Token) int { return a.Range.Start - b.Range.Start })
	return out
}

func valueTokens(f *File, out []Token, e hclsyntax.Expression, as *spec.Attr) []Token {
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		switch x := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			out = traversalTokens(f, out, x, as)
		case *hclsyntax.FunctionCallExpr:
			tt, mod := TokFunction, ModDefaultLibrary
			if x.Name != "sql" && isTypeName(x.Name) {
				tt = TokType // varchar(255), numeric(10, 2)
			}
			out = append(out, Token{Range: f.Range(x.NameRange), Type: tt, Modifiers: mod})
		}
		return nil
	})
	return out
}

func traversalTokens(f *File, out []Token, x *hclsyntax.ScopeTraversalExpr, as *spec.Attr) []Token {
	t := x.Traversal
	root := t.RootName()
	if len(t) == 1 {
		tt := TokEnumMember // CASCADE, ALWAYS, …
		if as != nil && (as.Name == "type" || slices.ContainsFunc(as.Values, func(v spec.Value) bool { return v.Kind == spec.ColumnType })) {
			tt = TokType // int, text, …
		}
		return append(out, Token{Range: f.Range(t[0].SourceRange()), Type: tt, Modifiers: ModDefaultLibrary})
	}
	out = append(out, Token{Range: f.Range(t[0].SourceRange()), Type: TokKeyword})
	kind := root
	// kind.schema.name and table.schema.t.column.c: the second name is a schema.
	qualified := len(t) == 3 || len(t) == 5 && root != "var" && root != "local"
	for i, step := range t[1:] {
		if qualified && i == 0 && root != "var" && root != "local" && root != "schema" {
			r := f.Range(step.SourceRange())
			r.Start++
			out = append(out, Token{Range: r, Type: TokNamespace})
			continue
		}
		attr, ok := step.(hcl.TraverseAttr)
		if !ok {
			continue
		}
		r := f.Range(attr.SrcRange)
		r.Start++ // past the dot
		if _, isKind := kindTokens[attr.Name]; isKind && kind != "var" && kind != "local" && attr.Name != kind {
			// table.t.column.c: "column" is a kind word again
			if k, ok := kindTokens[kind]; ok && k == TokClass && attr.Name == "column" {
				out = append(out, Token{Range: r, Type: TokKeyword})
				kind = "column"
				continue
			}
		}
		tt, ok := kindTokens[kind]
		if !ok {
			tt = TokVariable
		}
		out = append(out, Token{Range: r, Type: tt})
	}
	return out
}
