package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

func semanticTokensRange(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.SemanticTokensRangeParams) (*protocol.SemanticTokens, error) {
	key := keyOf(p.TextDocument.URI)
	f := snap.File(key)
	if f == nil {
		return &protocol.SemanticTokens{Data: []uint32{}}, nil // empty result
	}
	r := fromRange(f.Mapper(), p.Range, s.encoding())
	return s.semanticTokens(snap, key, &r), nil
}
