package lsp

import (
	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/workspace"
)

// Helpers shared by definition, references, highlight and rename.

// nameAt finds the reference or declaration at a position, and the unit
// it belongs to.
func (s *Server) nameAt(snap *workspace.Snapshot, p protocol.TextDocumentPositionParams) (*hclschema.Decoded, hclschema.Ref, bool) {
	f := snap.File(keyOf(p.TextDocument.URI))
	dec, ok := snap.DecodedFor(f)
	if !ok {
		return nil, hclschema.Ref{}, false
	}
	off := fromPosition(f.Mapper(), p.Position, s.encoding())
	r, ok := dec.NameAt(f.Key, off)
	return dec, r, ok
}

// location converts a name in a file of the snapshot.
func (s *Server) location(snap *workspace.Snapshot, r hclschema.Ref) (protocol.Location, bool) {
	f := snap.File(r.File)
	if f == nil {
		return protocol.Location{}, false
	}
	return protocol.Location{URI: uriOf(f), Range: toRange(f.Mapper(), r.Range, s.encoding())}, true
}

// occurrences are a target's declaration (when includeDecl) and its uses.
func occurrences(dec *hclschema.Decoded, r hclschema.Ref, includeDecl bool) []hclschema.Ref {
	var out []hclschema.Ref
	if d, ok := dec.Decl(r.Target); ok && includeDecl {
		out = append(out, d)
	}
	return append(out, dec.Uses(r.Target)...)
}
