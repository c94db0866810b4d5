package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

func foldingRange(_ context.Context, _ *Server, snap *workspace.Snapshot, p *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	f := snap.File(keyOf(p.TextDocument.URI))
	if f == nil {
		return []protocol.FoldingRange{}, nil // unknown file: empty result
	}
	folds := workspace.FoldingRanges(f)
	out := make([]protocol.FoldingRange, 0, len(folds))
	for _, r := range folds {
		out = append(out, protocol.FoldingRange{
			StartLine: uint32(r.StartLine),
			EndLine:   uint32(r.EndLine),
			Kind:      protocol.FoldingRangeKind(r.Kind),
		})
	}
	return out, nil
}
