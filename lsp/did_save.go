package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

// didSave records the saved text as the disk copy, so the workspace is right
// even for clients that do not watch files.
func (s *Server) didSave(_ context.Context, p *protocol.DidSaveTextDocumentParams) error {
	key := keyOf(p.TextDocument.URI)
	text := p.Text
	if text == nil {
		f := s.store.Snapshot().File(key)
		if f == nil || !f.Open {
			return nil
		}
		text = &f.Text
	}
	s.store.SetDisk(map[string]*string{key: text})
	return nil
}
