package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/workspace"
)

func hover(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.HoverParams) (*protocol.Hover, error) {
	f := snap.File(keyOf(p.TextDocument.URI))
	if f == nil || f.Kind() != workspace.KindSQL && (f.Kind() != workspace.KindHCL || f.Role().Spec() == nil) {
		return nil, nil // nothing to say: empty result
	}
	enc := s.encoding()
	m := f.Mapper()
	off := fromPosition(m, p.Position, enc)
	var h hclschema.Hover
	ok := false
	if f.Kind() == workspace.KindHCL {
		h, ok = hclschema.HoverAt(f.HCL(), f.Role().Spec(), off)
	}
	if dec, isSchema := snap.DecodedFor(f); !ok && isSchema {
		h, ok = hclschema.HoverRef(dec, f.Key, off) // a reference: what it names
	}
	if !ok {
		return nil, nil
	}
	r := toRange(m, h.Range, enc)
	return &protocol.Hover{
		Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: h.Markdown},
		Range:    &r,
	}, nil
}
