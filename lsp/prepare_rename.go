package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// prepareRename accepts a rename on a declared name or a reference to
// one, and gives the name's range and text.
func prepareRename(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.PrepareRenameParams) (protocol.PrepareRenameResult, error) {
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	if !ok {
		return nil, nil // nothing to rename here
	}
	if _, ok := dec.Decl(r.Target); !ok {
		return nil, nil
	}
	f := snap.File(r.File)
	return &protocol.PrepareRenamePlaceholder{
		Range:       toRange(f.Mapper(), r.Range, s.encoding()),
		Placeholder: f.Text[r.Range.Start:r.Range.End],
	}, nil
}
