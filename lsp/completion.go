package lsp

import (
	"context"
	"regexp"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/workspace"
)

var candidateKinds = map[hclschema.CandidateKind]protocol.CompletionItemKind{
	hclschema.CandBlock:     protocol.CompletionItemKindStruct,
	hclschema.CandAttribute: protocol.CompletionItemKindProperty,
	hclschema.CandConstant:  protocol.CompletionItemKindEnumMember,
	hclschema.CandType:      protocol.CompletionItemKindTypeParameter,
	hclschema.CandReference: protocol.CompletionItemKindReference,
	hclschema.CandValue:     protocol.CompletionItemKindValue,
	hclschema.CandKeyword:   protocol.CompletionItemKindKeyword,
	hclschema.CandSchema:    protocol.CompletionItemKindModule,
	hclschema.CandTable:     protocol.CompletionItemKindClass,
	hclschema.CandView:      protocol.CompletionItemKindInterface,
	hclschema.CandColumn:    protocol.CompletionItemKindField,
	hclschema.CandFunction:  protocol.CompletionItemKindFunction,
	hclschema.CandParam:     protocol.CompletionItemKindVariable,
}

// placeholders matches snippet syntax: $0, ${1:text}, ${1|a,b|}.
var placeholders = regexp.MustCompile(`\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\d+`)

func completion(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.CompletionParams) (protocol.CompletionResult, error) {
	f := snap.File(keyOf(p.TextDocument.URI))
	if f == nil || f.Kind() != workspace.KindSQL && (f.Kind() != workspace.KindHCL || f.Role().Spec() == nil) {
		return protocol.CompletionItemSlice{}, nil // empty result
	}
	enc := s.encoding()
	m := f.Mapper()
	off := fromPosition(m, p.Position, enc)
	snippets := snippetSupport(s.capabilities())
	items := protocol.CompletionItemSlice{}
	var realm *schema.Realm
	dec, ok := snap.DecodedFor(f)
	if ok {
		realm = dec.Realm
	}
	var cands []hclschema.Candidate
	if f.Kind() == workspace.KindSQL {
		cands = hclschema.CompleteSQLFile(f.Text, off, realm)
	} else if c, inSQL := hclschema.CompleteSQL(f.HCL(), f.Role().Spec(), off, dec); inSQL {
		cands = c
	} else {
		cands = hclschema.Complete(f.HCL(), f.Role().Spec(), off, realm)
	}
	for _, c := range cands {
		text, format := c.Snippet, protocol.InsertTextFormatSnippet
		switch {
		case text == "":
			text, format = c.Label, protocol.InsertTextFormatPlainText
		case !snippets:
			text, format = placeholders.ReplaceAllString(text, "$1$2"), protocol.InsertTextFormatPlainText
		}
		item := protocol.CompletionItem{
			Label:            c.Label,
			Kind:             candidateKinds[c.Kind],
			InsertTextFormat: format,
			TextEdit:         &protocol.TextEdit{Range: toRange(m, c.Replace, enc), NewText: text},
		}
		if c.Detail != "" {
			item.Detail = protocol.NewOptional(c.Detail)
		}
		if c.Doc != "" {
			item.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: c.Doc}
		}
		items = append(items, item)
	}
	return items, nil
}

func snippetSupport(caps protocol.ClientCapabilities) bool {
	td := caps.TextDocument
	if td == nil || td.Completion == nil || td.Completion.CompletionItem == nil || td.Completion.CompletionItem.SnippetSupport == nil {
		return false
	}
	return *td.Completion.CompletionItem.SnippetSupport
}
