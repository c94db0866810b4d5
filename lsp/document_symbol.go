package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

func documentSymbol(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.DocumentSymbolParams) (protocol.DocumentSymbolResult, error) {
	f := snap.File(keyOf(p.TextDocument.URI))
	if f == nil {
		return protocol.DocumentSymbolSlice{}, nil // unknown file: empty result
	}
	return toSymbols(f.Mapper(), workspace.Symbols(f), s.encoding()), nil
}

func toSymbols(m *source.Mapper, syms []source.Symbol, enc source.Encoding) protocol.DocumentSymbolSlice {
	out := make(protocol.DocumentSymbolSlice, 0, len(syms))
	for _, sym := range syms {
		ds := protocol.DocumentSymbol{
			Name:           sym.Name,
			Kind:           protocol.SymbolKind(sym.Kind),
			Range:          toRange(m, sym.Range, enc),
			SelectionRange: toRange(m, sym.Selection, enc),
		}
		if sym.Detail != "" {
			ds.Detail = ptr(sym.Detail)
		}
		if len(sym.Children) > 0 {
			ds.Children = toSymbols(m, sym.Children, enc)
		}
		out = append(out, ds)
	}
	return out
}
