package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

func semanticTokensRange(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.SemanticTokensRangeParams) (*protocol.SemanticTokens, error) {
	key := keyOf(p.TextDocument.URI)
	f := snap.File(key)
	if f == nil {
		return &protocol.SemanticTokens{Data: []uint32{}}, nil // empty result
	}
	m, enc := f.Mapper(), s.encoding()
	var r source.Range
	r.Start, _ = m.Offset(int(p.Range.Start.Line), int(p.Range.Start.Character), enc)
	r.End, _ = m.Offset(int(p.Range.End.Line), int(p.Range.End.Character), enc)
	return s.semanticTokens(snap, key, &r), nil
}
