package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// workspaceSymbol searches the symbols of every file in the workspace.
func workspaceSymbol(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.WorkspaceSymbolParams) (protocol.WorkspaceSymbolResult, error) {
	out := protocol.SymbolInformationSlice{}
	enc := s.encoding()
	for _, w := range snap.WorkspaceSymbols(p.Query) {
		si := protocol.SymbolInformation{
			BaseSymbolInformation: protocol.BaseSymbolInformation{Name: w.Symbol.Name, Kind: protocol.SymbolKind(w.Symbol.Kind)},
			Location:              protocol.Location{URI: uriOf(w.File), Range: toRange(w.File.Mapper(), w.Symbol.Selection, enc)},
		}
		if w.Container != "" {
			si.ContainerName = ptr(w.Container)
		}
		out = append(out, si)
	}
	return out, nil
}
