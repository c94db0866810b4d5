package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

// didClose drops the buffer; the disk copy's diagnostics (or none, for a
// file not on disk) replace the buffer's.
func (s *Server) didClose(_ context.Context, p *protocol.DidCloseTextDocumentParams) error {
	key := keyOf(p.TextDocument.URI)
	s.store.Close(key)
	s.diags.schedule(key)
	return nil
}
