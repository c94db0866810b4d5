package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

func formatting(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	return s.formatEdits(snap, p.TextDocument.URI, nil)
}

// formatEdits formats an HCL file and returns the line edits, those
// overlapping within when it is set (range formatting).
func (s *Server) formatEdits(snap *workspace.Snapshot, u uri.URI, within *protocol.Range) ([]protocol.TextEdit, error) {
	f := snap.File(keyOf(u))
	out := []protocol.TextEdit{}
	if f == nil || f.Kind() != workspace.KindHCL {
		return out, nil // nothing to format: empty result
	}
	formatted, err := hclschema.Format(f.HCL())
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "schema-ls: cannot format: %v", err)
	}
	m, enc := f.Mapper(), s.encoding()
	var keep source.Range
	if within != nil {
		keep = fromRange(m, *within, enc)
	}
	for _, e := range hclschema.LineEdits(f.Text, string(formatted)) {
		if within != nil && (e.Range.End < keep.Start || e.Range.Start > keep.End) {
			continue
		}
		out = append(out, protocol.TextEdit{Range: toRange(m, e.Range, enc), NewText: e.Text})
	}
	return out, nil
}
