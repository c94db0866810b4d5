package lsp

import (
	"context"
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

func (s *Server) didChange(_ context.Context, p *protocol.DidChangeTextDocumentParams) error {
	key := keyOf(p.TextDocument.URI)
	changes := make([]workspace.Change, 0, len(p.ContentChanges))
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangePartial:
			changes = append(changes, workspace.Change{Text: c.Text, Range: &workspace.LineRange{
				StartLine: int(c.Range.Start.Line), StartCol: int(c.Range.Start.Character),
				EndLine: int(c.Range.End.Line), EndCol: int(c.Range.End.Character),
			}})
		case *protocol.TextDocumentContentChangeWholeDocument:
			changes = append(changes, workspace.Change{Text: c.Text})
		default:
			return fmt.Errorf("unsupported content change %T", c)
		}
	}
	if _, err := s.store.Apply(key, p.TextDocument.Version, changes, s.encoding()); err != nil {
		return err
	}
	s.diags.schedule(key)
	return nil
}
