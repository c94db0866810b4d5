package lsp

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/source"
)

// initializationOptions are the settings a client may pass.
type initializationOptions struct {
	DiagnosticsDelay string `json:"diagnosticsDelay"`
}

func (s *Server) initialize(_ context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "schema-ls: initialize was already called")
	}
	s.caps = p.Capabilities
	s.enc = source.UTF16
	if g := p.Capabilities.General; g != nil && slices.Contains(g.PositionEncodings, protocol.PositionEncodingKindUTF8) {
		s.enc = source.UTF8
	}
	if len(p.InitializationOptions) > 0 {
		var opts initializationOptions
		if err := decode([]byte(p.InitializationOptions), &opts); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: initializationOptions: %v", err)
		}
		if opts.DiagnosticsDelay != "" {
			d, err := time.ParseDuration(opts.DiagnosticsDelay)
			if err != nil || d < 0 {
				return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: initializationOptions.diagnosticsDelay: %q is not a duration", opts.DiagnosticsDelay)
			}
			s.diags.setDelay(d)
		}
	}
	for _, dir := range initialFolders(p) {
		s.store.AddFolder(dir)
	}
	s.state = stateRunning

	enc := protocol.PositionEncodingKindUTF16
	if s.enc == source.UTF8 {
		enc = protocol.PositionEncodingKindUTF8
	}
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: enc,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    ptr(protocol.TextDocumentSyncKindIncremental),
				Save:      &protocol.SaveOptions{IncludeText: ptr(false)},
			},
			FoldingRangeProvider:            protocol.Boolean(true),
			HoverProvider:                   protocol.Boolean(true),
			CompletionProvider:              &protocol.CompletionOptions{TriggerCharacters: []string{".", "="}},
			DefinitionProvider:              protocol.Boolean(true),
			ReferencesProvider:              protocol.Boolean(true),
			DocumentHighlightProvider:       protocol.Boolean(true),
			RenameProvider:                  &protocol.RenameOptions{PrepareProvider: ptr(true)},
			DocumentFormattingProvider:      protocol.Boolean(true),
			DocumentRangeFormattingProvider: protocol.Boolean(true),
			SemanticTokensProvider: &protocol.SemanticTokensOptions{
				Legend: semanticTokensLegend,
				Full:   protocol.Boolean(true),
				Range:  protocol.Boolean(true),
			},
			DocumentSymbolProvider:  &protocol.DocumentSymbolOptions{Label: ptr("schema-ls")},
			WorkspaceSymbolProvider: protocol.Boolean(true),
			Workspace: &protocol.WorkspaceOptions{
				WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{
					Supported:           ptr(true),
					ChangeNotifications: protocol.Boolean(true),
				},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "schema-ls", Version: protocol.NewOptional(s.opts.Version)},
	}, nil
}

// initialFolders are the workspace folders, or the root URI or path of
// older clients.
func initialFolders(p *protocol.InitializeParams) []string {
	var out []string
	if folders, ok := p.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if f.URI.IsFile() {
				out = append(out, filepath.Clean(f.URI.FsPath()))
			}
		}
		return out
	}
	if p.RootURI != nil && p.RootURI.IsFile() {
		return []string{filepath.Clean(p.RootURI.FsPath())}
	}
	if root, ok := p.RootPath.Get(); ok && root != "" {
		return []string{filepath.Clean(root)}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// fileURI is the URI for a workspace key.
func fileURI(key string) uri.URI {
	if filepath.IsAbs(key) {
		return uri.File(key)
	}
	return uri.URI(key)
}
