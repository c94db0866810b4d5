package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// definition goes from a reference to the name of what it names.
func definition(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	if !ok {
		return protocol.LocationSlice{}, nil // nothing there: empty result
	}
	d, ok := dec.Decl(r.Target)
	if !ok {
		return protocol.LocationSlice{}, nil
	}
	loc, ok := s.location(snap, d)
	if !ok {
		return protocol.LocationSlice{}, nil
	}
	return protocol.LocationSlice{loc}, nil
}
