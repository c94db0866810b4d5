package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

// semanticTokensLegend names our token types and modifiers for the client.
var semanticTokensLegend = protocol.SemanticTokensLegend{TokenTypes: hclschema.TokenTypes, TokenModifiers: hclschema.TokenModifiers}

func semanticTokensFull(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	return s.semanticTokens(snap, keyOf(p.TextDocument.URI), nil), nil
}

// semanticTokens encodes a file's tokens (those inside within, when set)
// in LSP's relative form.
func (s *Server) semanticTokens(snap *workspace.Snapshot, key string, within *source.Range) *protocol.SemanticTokens {
	out := &protocol.SemanticTokens{Data: []uint32{}}
	f := snap.File(key)
	if f == nil || f.Kind() != workspace.KindHCL || f.Role().Spec() == nil {
		return out // nothing to colour: empty result
	}
	m, enc := f.Mapper(), s.encoding()
	prevLine, prevCol := 0, 0
	for _, t := range hclschema.SemanticTokens(f.HCL(), f.Role().Spec()) {
		if within != nil && (t.Range.End <= within.Start || t.Range.Start >= within.End) {
			continue
		}
		line, col := m.Position(t.Range.Start, enc)
		endLine, endCol := m.Position(t.Range.End, enc)
		if endLine != line || endCol <= col {
			continue // tokens never span lines
		}
		dCol := col
		if line == prevLine {
			dCol = col - prevCol
		}
		out.Data = append(out.Data, uint32(line-prevLine), uint32(dCol), uint32(endCol-col), uint32(t.Type), uint32(t.Modifiers))
		prevLine, prevCol = line, col
	}
	return out
}
