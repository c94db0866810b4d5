package marker

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/source"
)

// position is the LSP position of a location's start (or end).
func (s *session) position(file string, off int) protocol.TextDocumentPositionParams {
	m := source.NewMapper(s.texts[file])
	return protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)},
		Position:     s.lspRange(m, source.Range{Start: off, End: off}).Start,
	}
}

// fileOf maps a URI the server sent back to an archive file name.
func (s *session) fileOf(u uri.URI) string {
	rel, err := filepath.Rel(s.dir, u.FsPath())
	if err != nil {
		return string(u)
	}
	return filepath.ToSlash(rel)
}

// spanOf prints a location the server sent as file:line:col-line:col.
func (s *session) spanOf(loc protocol.Location) string {
	file := s.fileOf(loc.URI)
	if _, ok := s.texts[file]; !ok {
		return file
	}
	return file + ":" + s.span(file, loc.Range)
}

// spanOfLoc prints an expected location the same way.
func (s *session) spanOfLoc(file string, r source.Range) string {
	m := source.NewMapper(s.texts[file])
	return file + ":" + s.span(file, s.lspRange(m, r))
}

// locations resolves marker arguments naming locations.
func (s *session) locations(m Marker, args []string, skips map[string][]source.Range) ([]string, bool) {
	var out []string
	for _, a := range args {
		file, r, ok := s.locate(m, a, skips)
		if !ok {
			return nil, false
		}
		out = append(out, s.spanOfLoc(file, r))
	}
	slices.Sort(out)
	return out, true
}

// checkNav runs @def(SRC, DST), @refs(SRC, LOC...) and
// @highlight(SRC, LOC...): the server's answer at SRC's start equals the
// given locations (whole spans, in any order); @def(SRC) alone expects
// no definition.
func (s *session) checkNav(ctx context.Context, m Marker, skips map[string][]source.Range) {
	if len(m.Args) < 1 {
		s.t.Errorf("%s: want @%s(SRC, LOC...)", m, m.Name)
		return
	}
	file, r, ok := s.locate(m, m.Args[0], skips)
	if !ok {
		return
	}
	want, ok := s.locations(m, m.Args[1:], skips)
	if !ok {
		return
	}
	pos := s.position(file, r.Start)
	var got []string
	switch m.Name {
	case "def":
		var res protocol.DefinitionResult
		require.NoError(s.t, s.client.Call(ctx, "textDocument/definition", &protocol.DefinitionParams{TextDocumentPositionParams: pos}, &res))
		switch res := res.(type) {
		case protocol.LocationSlice:
			for _, l := range res {
				got = append(got, s.spanOf(l))
			}
		case *protocol.Location:
			got = append(got, s.spanOf(*res))
		}
	case "refs":
		var res []protocol.Location
		require.NoError(s.t, s.client.Call(ctx, "textDocument/references", &protocol.ReferenceParams{
			TextDocumentPositionParams: pos, Context: protocol.ReferenceContext{IncludeDeclaration: true},
		}, &res))
		for _, l := range res {
			got = append(got, s.spanOf(l))
		}
	case "highlight":
		var res []protocol.DocumentHighlight
		require.NoError(s.t, s.client.Call(ctx, "textDocument/documentHighlight", &protocol.DocumentHighlightParams{TextDocumentPositionParams: pos}, &res))
		for _, h := range res {
			got = append(got, s.spanOf(protocol.Location{URI: pos.TextDocument.URI, Range: h.Range}))
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		s.t.Errorf("%s: at %s got %q, want %q", m, s.where(file, r.Start), got, want)
	}
}

// checkRename runs @rename(SRC, "new", NAME): renaming at SRC gives the
// files of golden @rename/NAME (each changed file as "== file ==" and its
// new text); @rename(SRC, "new") alone expects the rename to be refused.
func (s *session) checkRename(ctx context.Context, m Marker, skips map[string][]source.Range) {
	if len(m.Args) != 2 && len(m.Args) != 3 {
		s.t.Errorf("%s: want @rename(SRC, \"new\", NAME)", m)
		return
	}
	file, r, ok := s.locate(m, m.Args[0], skips)
	if !ok {
		return
	}
	newName, err := unquote(m.Args[1])
	if err != nil {
		s.t.Errorf("%s: %v", m, err)
		return
	}
	var edit *protocol.WorkspaceEdit
	err = s.client.Call(ctx, "textDocument/rename", &protocol.RenameParams{TextDocumentPositionParams: s.position(file, r.Start), NewName: newName}, &edit)
	if len(m.Args) == 2 {
		if err == nil && edit != nil && len(edit.Changes) > 0 {
			s.t.Errorf("%s: want the rename refused, got %d changed files", m, len(edit.Changes))
		}
		return
	}
	if err != nil || edit == nil {
		s.t.Errorf("%s: rename failed: %v", m, err)
		return
	}
	var names []string
	for u := range edit.Changes {
		names = append(names, s.fileOf(u))
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		text := s.texts[name]
		mp := source.NewMapper(text)
		edits := slices.Clone(edit.Changes[s.uri(name)])
		slices.SortFunc(edits, func(a, b protocol.TextEdit) int {
			return s.offsetIn(mp, b.Range.Start) - s.offsetIn(mp, a.Range.Start)
		})
		for _, e := range edits {
			start, end := s.offsetIn(mp, e.Range.Start), s.offsetIn(mp, e.Range.End)
			text = text[:start] + e.NewText + text[end:]
		}
		fmt.Fprintf(&b, "== %s ==\n%s", name, text)
	}
	s.golden(Marker{File: m.File, Line: m.Line, Name: "rename", Args: m.Args[2:]}, b.String())
}

func (s *session) offsetIn(m *source.Mapper, p protocol.Position) int {
	off, _ := m.Offset(int(p.Line), int(p.Character), s.enc)
	return off
}
