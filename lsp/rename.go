package lsp

import (
	"context"
	"regexp"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/workspace"
)

// identifier is a name that references can spell (table.<name>).
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// rename renames an object or column: its declaration label and every
// reference to it, in every file of its unit.
func rename(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	if !identifier.MatchString(p.NewName) {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: %q is not a name references can use (letters, digits and _, not starting with a digit)", p.NewName)
	}
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "schema-ls: there is no declared name at this position")
	}
	if _, ok := dec.Decl(r.Target); !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "schema-ls: this name has no declaration to rename")
	}
	changes := map[uri.URI][]protocol.TextEdit{}
	for _, o := range occurrences(dec, r, true) {
		loc, ok := s.location(snap, o)
		if !ok {
			continue
		}
		changes[loc.URI] = append(changes[loc.URI], protocol.TextEdit{Range: loc.Range, NewText: p.NewName})
	}
	return &protocol.WorkspaceEdit{Changes: changes}, nil
}
