package marker

import (
	"context"
	"fmt"
	"strings"

	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/internal/source"
)

// renderFolds prints a file's folding ranges, one a line:
// "START-END KIND: first line of the range".
func (s *session) renderFolds(ctx context.Context, file string) string {
	var folds []protocol.FoldingRange
	require.NoError(s.t, s.client.Call(ctx, "textDocument/foldingRange",
		&protocol.FoldingRangeParams{TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)}}, &folds))
	m := source.NewMapper(s.texts[file])
	var b strings.Builder
	for _, f := range folds {
		line := strings.TrimSpace(s.texts[file][m.LineStart(int(f.StartLine)):m.LineEnd(int(f.StartLine))])
		fmt.Fprintf(&b, "%d-%d %s: %s\n", f.StartLine+1, f.EndLine+1, f.Kind, line)
	}
	return b.String()
}

// renderSymbols prints a file's document symbols as an indented tree:
// "KIND NAME (DETAIL) RANGE sel=SELECTION".
func (s *session) renderSymbols(ctx context.Context, file string) string {
	var res protocol.DocumentSymbolResult
	require.NoError(s.t, s.client.Call(ctx, "textDocument/documentSymbol",
		&protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)}}, &res))
	syms, ok := res.(protocol.DocumentSymbolSlice)
	if res != nil {
		require.True(s.t, ok, "documentSymbol returned %T, want hierarchical symbols", res)
	}
	var b strings.Builder
	var walk func(list []protocol.DocumentSymbol, depth int)
	walk = func(list []protocol.DocumentSymbol, depth int) {
		for _, sym := range list {
			detail := ""
			if sym.Detail != nil {
				detail = " (" + *sym.Detail + ")"
			}
			fmt.Fprintf(&b, "%s%s %s%s %s sel=%s\n", strings.Repeat("  ", depth), source.SymbolKind(sym.Kind), sym.Name, detail,
				s.span(file, sym.Range), s.span(file, sym.SelectionRange))
			walk(sym.Children, depth+1)
		}
	}
	walk(syms, 0)
	return b.String()
}

func (s *session) span(file string, r protocol.Range) string {
	m := source.NewMapper(s.texts[file])
	sl, sc := m.Position(s.offset(file, r.Start), source.Runes)
	el, ec := m.Position(s.offset(file, r.End), source.Runes)
	return fmt.Sprintf("%d:%d-%d:%d", sl+1, sc+1, el+1, ec+1)
}

// renderFormat prints the file as formatting leaves it, or "error: …"
// when the server refuses.
func (s *session) renderFormat(ctx context.Context, file string) string {
	var edits []protocol.TextEdit
	err := s.client.Call(ctx, "textDocument/formatting", &protocol.DocumentFormattingParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)},
		Options:      protocol.FormattingOptions{TabSize: 2, InsertSpaces: true},
	}, &edits)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	text := s.texts[file]
	m := source.NewMapper(text)
	for i := len(edits) - 1; i >= 0; i-- {
		start, end := s.offsetIn(m, edits[i].Range.Start), s.offsetIn(m, edits[i].Range.End)
		text = text[:start] + edits[i].NewText + text[end:]
	}
	return text
}

// renderTokens prints a file's semantic tokens, one a line:
// "L:C-L:C TYPE[+MODIFIERS] text", decoded from the relative encoding
// with the legend the server announced.
func (s *session) renderTokens(ctx context.Context, file string) string {
	var res *protocol.SemanticTokens
	require.NoError(s.t, s.client.Call(ctx, "textDocument/semanticTokens/full",
		&protocol.SemanticTokensParams{TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)}}, &res))
	if res == nil {
		return ""
	}
	legend := s.legend
	var b strings.Builder
	line, col := 0, 0
	m := source.NewMapper(s.texts[file])
	for i := 0; i+4 < len(res.Data); i += 5 {
		d := res.Data[i : i+5]
		if d[0] > 0 {
			line, col = line+int(d[0]), int(d[1])
		} else {
			col += int(d[1])
		}
		start := s.offsetIn(m, protocol.Position{Line: uint32(line), Character: uint32(col)})
		end := s.offsetIn(m, protocol.Position{Line: uint32(line), Character: uint32(col) + d[2]})
		name := fmt.Sprint(d[3])
		if int(d[3]) < len(legend.TokenTypes) {
			name = legend.TokenTypes[d[3]]
		}
		for bit, mod := range legend.TokenModifiers {
			if d[4]&(1<<bit) != 0 {
				name += "+" + mod
			}
		}
		fmt.Fprintf(&b, "%s %s %s\n", s.span(file, protocol.Range{Start: protocol.Position{Line: uint32(line), Character: uint32(col)}, End: protocol.Position{Line: uint32(line), Character: uint32(col) + d[2]}}), name, s.texts[file][start:end])
	}
	return b.String()
}

// renderWorkspaceSymbols prints the results of a workspace symbol search,
// one a line: "KIND NAME in CONTAINER at FILE:SPAN".
func (s *session) renderWorkspaceSymbols(ctx context.Context, query string) string {
	var res protocol.WorkspaceSymbolResult
	require.NoError(s.t, s.client.Call(ctx, "workspace/symbol", &protocol.WorkspaceSymbolParams{Query: query}, &res))
	var b strings.Builder
	if syms, ok := res.(protocol.SymbolInformationSlice); ok {
		for _, si := range syms {
			container := ""
			if si.ContainerName != nil {
				container = " in " + *si.ContainerName
			}
			fmt.Fprintf(&b, "%s %s%s at %s\n", source.SymbolKind(si.Kind), si.Name, container, s.spanOf(si.Location))
		}
	}
	return b.String()
}
