package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// rangeFormatting formats the lines that overlap the range.
func rangeFormatting(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.DocumentRangeFormattingParams) ([]protocol.TextEdit, error) {
	return s.formatEdits(snap, p.TextDocument.URI, &p.Range)
}
