package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

func (s *Server) didOpen(_ context.Context, p *protocol.DidOpenTextDocumentParams) error {
	doc := p.TextDocument
	key := keyOf(doc.URI)
	s.store.Open(key, string(doc.URI), doc.Version, doc.Text)
	s.diags.schedule(key)
	return nil
}
