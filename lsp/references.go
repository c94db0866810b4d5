package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// references lists the uses of what is at the cursor, across the files of
// its unit, and its declaration when the client asks for it.
func references(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	if !ok {
		return []protocol.Location{}, nil // empty result
	}
	out := []protocol.Location{}
	for _, o := range occurrences(dec, r, p.Context.IncludeDeclaration) {
		if loc, ok := s.location(snap, o); ok {
			out = append(out, loc)
		}
	}
	return out, nil
}
