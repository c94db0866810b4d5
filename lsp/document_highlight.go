package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// documentHighlight marks, in this file, the declaration of what is at the
// cursor (as a write) and its uses (as reads).
func documentHighlight(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	out := []protocol.DocumentHighlight{}
	if !ok {
		return out, nil // empty result
	}
	key := keyOf(p.TextDocument.URI)
	decl, hasDecl := dec.Decl(r.Target)
	for _, o := range occurrences(dec, r, true) {
		if o.File != key {
			continue
		}
		kind := protocol.DocumentHighlightKindRead
		if hasDecl && o == decl {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: toRange(snap.File(key).Mapper(), o.Range, s.encoding()), Kind: kind})
	}
	return out, nil
}
