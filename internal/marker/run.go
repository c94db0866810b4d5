package marker

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/lsptest"
	"github.com/schema-ls/schema-ls/internal/source"
)

var update = flag.Bool("update", false, "rewrite the goldens of marker tests")

// ServerFunc serves LSP on rwc until exit and returns the exit code.
type ServerFunc func(ctx context.Context, rwc io.ReadWriteCloser) int

// RunDir runs every archive under root, each in both position encodings.
func RunDir(t *testing.T, root string, serve ServerFunc) int {
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txtar") {
			paths = append(paths, path)
		}
		return err
	})
	require.NoError(t, err)
	for _, path := range paths {
		rel, _ := filepath.Rel(root, path)
		t.Run(strings.TrimSuffix(rel, ".txtar"), func(t *testing.T) {
			t.Parallel()
			c, err := Load(path)
			require.NoError(t, err)
			var mu sync.Mutex // goldens are updated by the first run only
			for _, enc := range []source.Encoding{source.UTF16, source.UTF8} {
				t.Run(enc.String(), func(t *testing.T) {
					mu.Lock()
					defer mu.Unlock()
					run(t, c, enc, serve, *update && enc == source.UTF16)
				})
			}
			if *update {
				require.NoError(t, c.save())
			}
		})
	}
	return len(paths)
}

// session is one run of a case.
type session struct {
	t      *testing.T
	c      *Case
	enc    source.Encoding
	dir    string
	client *lsptest.Client
	texts  map[string]string
	update bool
	legend protocol.SemanticTokensLegend
}

func run(t *testing.T, c *Case, enc source.Encoding, serve ServerFunc, update bool) {
	ctx, cancel := context.WithTimeout(context.Background(), lsptest.Timeout)
	defer cancel()
	s := &session{t: t, c: c, enc: enc, dir: t.TempDir(), texts: map[string]string{}, update: update}
	for name, text := range c.Files {
		path := filepath.Join(s.dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		s.texts[name] = text
	}

	serverEnd, clientEnd := net.Pipe()
	exit := make(chan int, 1)
	go func() { exit <- serve(ctx, serverEnd) }()
	s.client = lsptest.Connect(ctx, clientEnd)
	defer s.client.Close()

	res, err := s.client.Initialize(ctx, s.initParams())
	require.NoError(t, err)
	want := protocol.PositionEncodingKindUTF16
	if enc == source.UTF8 {
		want = protocol.PositionEncodingKindUTF8
	}
	require.Equal(t, want, res.Capabilities.PositionEncoding, "negotiated position encoding")
	if st, ok := res.Capabilities.SemanticTokensProvider.(*protocol.SemanticTokensOptions); ok {
		s.legend = st.Legend
	}
	require.NoError(t, s.client.WaitProgressEnd(ctx, 1), "workspace scan")

	for _, name := range c.Order {
		require.NoError(t, s.client.Open(ctx, s.uri(name), s.texts[name]))
	}
	for _, e := range c.Edits {
		s.edit(ctx, e)
	}
	// Edited files first, at their last version; then the others, whose
	// diagnostics may change with an edit of a file of their unit: as the
	// server publishes them after the edited file's.
	diags := map[string][]protocol.Diagnostic{}
	edited := map[string]bool{}
	for _, e := range c.Edits {
		edited[e.File] = true
	}
	last := 0
	for _, name := range c.Order {
		if u := s.uri(name); edited[name] {
			p, err := s.client.WaitDiagnostics(ctx, u, s.client.Version(u))
			require.NoError(t, err)
			diags[name] = p.Diagnostics
			last = max(last, s.client.LastSeq(u))
		}
	}
	for _, name := range c.Order {
		u := s.uri(name)
		switch {
		case edited[name]:
		case last > 0:
			_, err := s.client.WaitDiagnostics(ctx, u, s.client.Version(u))
			require.NoError(t, err)
			diags[name] = s.client.WaitDiagnosticsAfter(ctx, u, last, 500*time.Millisecond).Diagnostics
		default:
			p, err := s.client.WaitDiagnostics(ctx, u, s.client.Version(u))
			require.NoError(t, err)
			diags[name] = p.Diagnostics
		}
	}

	markers, skips := s.collect()
	s.checkDiagnostics(markers, skips, diags)
	for _, m := range markers {
		switch m.Name {
		case "diag", "nodiag":
		case "fold":
			s.golden(m, s.renderFolds(ctx, m.File))
		case "symbols":
			s.golden(m, s.renderSymbols(ctx, m.File))
		case "hover", "nohover":
			s.checkHover(ctx, m, skips)
		case "complete":
			s.checkComplete(ctx, m, skips)
		case "def", "refs", "highlight":
			s.checkNav(ctx, m, skips)
		case "rename":
			s.checkRename(ctx, m, skips)
		case "format":
			s.golden(m, s.renderFormat(ctx, m.File))
		case "tokens":
			s.golden(m, s.renderTokens(ctx, m.File))
		case "wsymbols":
			if len(m.Args) != 2 {
				t.Errorf("%s: want @wsymbols(\"query\", NAME)", m)
				continue
			}
			q, err := unquote(m.Args[0])
			require.NoError(t, err)
			s.golden(Marker{File: m.File, Line: m.Line, Name: m.Name, Args: m.Args[1:]}, s.renderWorkspaceSymbols(ctx, q))
		default:
			t.Errorf("%s: unknown marker @%s", m, m.Name)
		}
	}

	require.NoError(t, s.client.Shutdown(ctx))
	select {
	case code := <-exit:
		require.Equal(t, 0, code, "exit code after shutdown and exit")
	case <-ctx.Done():
		t.Fatal("server did not exit")
	}
}

func (s *session) initParams() *protocol.InitializeParams {
	encs := []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16}
	if s.enc == source.UTF8 {
		encs = []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16}
	}
	settings := map[string]any{"diagnosticsDelay": "1ms"}
	if s.c.Settings != "" {
		require.NoError(s.t, json.Unmarshal([]byte(s.c.Settings), &settings), "settings.json")
	}
	raw, err := json.Marshal(settings)
	require.NoError(s.t, err)
	return &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{
			WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(s.dir), Name: "ws"}}),
		},
		Capabilities: protocol.ClientCapabilities{
			General: &protocol.GeneralClientCapabilities{PositionEncodings: encs},
			Window:  &protocol.WindowClientCapabilities{WorkDoneProgress: ptr(true)},
			TextDocument: &protocol.TextDocumentClientCapabilities{
				Completion: &protocol.CompletionClientCapabilities{CompletionItem: &protocol.ClientCompletionItemOptions{SnippetSupport: ptr(true)}},
			},
			Workspace: &protocol.WorkspaceClientCapabilities{
				DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: ptr(true)},
			},
		},
		InitializationOptions: raw,
	}
}

func (s *session) uri(name string) uri.URI {
	return uri.File(filepath.Join(s.dir, filepath.FromSlash(name)))
}

// edit sends one @edit section as a didChange and applies it locally.
func (s *session) edit(ctx context.Context, e Edit) {
	text := s.texts[e.File]
	var change protocol.TextDocumentContentChangeEvent
	if e.Loc == "all" {
		change = &protocol.TextDocumentContentChangeWholeDocument{Text: e.Text}
		s.texts[e.File] = e.Text
	} else {
		r, err := resolve(e.Loc, text, 0, nil)
		require.NoError(s.t, err, "@edit %s %s", e.File, e.Loc)
		m := source.NewMapper(text)
		change = &protocol.TextDocumentContentChangePartial{Range: s.lspRange(m, r), Text: e.Text}
		s.texts[e.File] = text[:r.Start] + e.Text + text[r.End:]
	}
	_, err := s.client.Change(ctx, s.uri(e.File), change)
	require.NoError(s.t, err)
}

func (s *session) lspRange(m *source.Mapper, r source.Range) protocol.Range {
	pos := func(off int) protocol.Position {
		l, c := m.Position(off, s.enc)
		return protocol.Position{Line: uint32(l), Character: uint32(c)}
	}
	return protocol.Range{Start: pos(r.Start), End: pos(r.End)}
}

// offset converts a position the server sent into a byte offset of file.
func (s *session) offset(file string, p protocol.Position) int {
	m := source.NewMapper(s.texts[file])
	off, ok := m.Offset(int(p.Line), int(p.Character), s.enc)
	if !ok && !(int(p.Line) == m.LineCount()-1 && off == len(s.texts[file])) {
		s.t.Errorf("%s: server sent position %d:%d, which is not a character boundary in %s", file, p.Line, p.Character, s.enc)
	}
	return off
}

// where prints a byte offset as file:line:col (1-based, characters).
func (s *session) where(file string, off int) string {
	l, c := source.NewMapper(s.texts[file]).Position(off, source.Runes)
	return fmt.Sprintf("%s:%d:%d", file, l+1, c+1)
}

// collect gathers the markers of every file and of the prose.
func (s *session) collect() ([]Marker, map[string][]source.Range) {
	var all []Marker
	skips := map[string][]source.Range{}
	for _, name := range s.c.Order {
		ms, sk, err := findMarkers(name, s.texts[name])
		require.NoError(s.t, err)
		all = append(all, ms...)
		skips[name] = sk
	}
	for _, line := range s.c.Prose {
		ms, err := parseMarkers(line)
		require.NoError(s.t, err, "prose marker %s", line)
		all = append(all, ms...)
	}
	return all, skips
}

func (s *session) checkDiagnostics(markers []Marker, skips map[string][]source.Range, got map[string][]protocol.Diagnostic) {
	matched := map[string][]bool{}
	for name, ds := range got {
		matched[name] = make([]bool, len(ds))
	}
	for _, m := range markers {
		if m.Name != "diag" {
			continue
		}
		if len(m.Args) != 3 {
			s.t.Errorf("%s: want @diag(LOC, SEVERITY, \"regexp\")", m)
			continue
		}
		file, r, ok := s.locate(m, m.Args[0], skips)
		if !ok {
			continue
		}
		pat, err := unquote(m.Args[2])
		if err != nil {
			s.t.Errorf("%s: %v", m, err)
			continue
		}
		rx, err := regexp.Compile(pat)
		if err != nil {
			s.t.Errorf("%s: %v", m, err)
			continue
		}
		found := false
		for i, d := range got[file] {
			if matched[file][i] || s.offset(file, d.Range.Start) != r.Start ||
				severityName(d.Severity) != m.Args[1] || !rx.MatchString(message(d)) {
				continue
			}
			matched[file][i], found = true, true
			break
		}
		if !found {
			s.t.Errorf("%s: no %s diagnostic at %s matching %q; got:\n%s", m, m.Args[1], s.where(file, r.Start), pat, s.listDiags(file, got[file]))
		}
	}
	for _, name := range s.c.Order {
		for i, d := range got[name] {
			if !matched[name][i] {
				s.t.Errorf("unexpected diagnostic %s: %s: %s", s.where(name, s.offset(name, d.Range.Start)), severityName(d.Severity), message(d))
			}
		}
	}
}

func (s *session) listDiags(file string, ds []protocol.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\t%s: %s: %s\n", s.where(file, s.offset(file, d.Range.Start)), severityName(d.Severity), message(d))
	}
	if b.Len() == 0 {
		return "\t(none)\n"
	}
	return b.String()
}

// golden compares rendered output with the golden the marker names.
func (s *session) golden(m Marker, got string) {
	if len(m.Args) != 1 || m.Args[0] == "" {
		s.t.Errorf("%s: want @%s(NAME)", m, m.Name)
		return
	}
	name := "@" + m.Name + "/" + m.Args[0]
	if s.update {
		s.c.setGolden(name, got)
		return
	}
	want, ok := s.c.Goldens[name]
	if !ok {
		s.t.Errorf("%s: no golden section %q (run with -update)", m, name)
		return
	}
	if want != got {
		s.t.Errorf("%s: golden %s differs\n--- want\n%s--- got\n%s", m, name, want, got)
	}
}

// checkHover runs @hover(LOC, "substring"): the hover at LOC's start
// contains substring; @nohover(LOC): there is no hover at LOC.
func (s *session) checkHover(ctx context.Context, m Marker, skips map[string][]source.Range) {
	if (m.Name == "hover" && len(m.Args) != 2) || (m.Name == "nohover" && len(m.Args) != 1) {
		s.t.Errorf("%s: want @hover(LOC, \"substring\") or @nohover(LOC)", m)
		return
	}
	file, r, ok := s.locate(m, m.Args[0], skips)
	if !ok {
		return
	}
	var h *protocol.Hover
	m0 := source.NewMapper(s.texts[file])
	require.NoError(s.t, s.client.Call(ctx, "textDocument/hover", &protocol.HoverParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)}, Position: s.lspRange(m0, r).Start},
	}, &h))
	if m.Name == "nohover" {
		if h != nil {
			s.t.Errorf("%s: want no hover, got %v", m, h.Contents)
		}
		return
	}
	want, err := unquote(m.Args[1])
	if err != nil {
		s.t.Errorf("%s: %v", m, err)
		return
	}
	if h == nil {
		s.t.Errorf("%s: no hover at %s", m, s.where(file, r.Start))
		return
	}
	got := ""
	if mc, ok := h.Contents.(*protocol.MarkupContent); ok {
		got = mc.Value
	}
	if !strings.Contains(got, want) {
		s.t.Errorf("%s: hover at %s does not contain %q:\n%s", m, s.where(file, r.Start), want, got)
	}
}

// checkComplete runs @complete(LOC, "label", "!absent", ...): completion at
// the end of LOC offers every label and none of the "!" ones.
func (s *session) checkComplete(ctx context.Context, m Marker, skips map[string][]source.Range) {
	if len(m.Args) < 2 {
		s.t.Errorf("%s: want @complete(LOC, \"label\", ...)", m)
		return
	}
	file, r, ok := s.locate(m, m.Args[0], skips)
	if !ok {
		return
	}
	mp := source.NewMapper(s.texts[file])
	var res protocol.CompletionResult
	require.NoError(s.t, s.client.Call(ctx, "textDocument/completion", &protocol.CompletionParams{
		TextDocumentPositionParams: protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: s.uri(file)}, Position: s.lspRange(mp, source.Range{Start: r.End, End: r.End}).Start},
	}, &res))
	var items []protocol.CompletionItem
	switch res := res.(type) {
	case protocol.CompletionItemSlice:
		items = res
	case *protocol.CompletionList:
		items = res.Items
	}
	var labels []string
	for _, it := range items {
		labels = append(labels, it.Label)
	}
	for _, arg := range m.Args[1:] {
		want, err := unquote(arg)
		if err != nil {
			s.t.Errorf("%s: %v", m, err)
			continue
		}
		absent := strings.HasPrefix(want, "!")
		want = strings.TrimPrefix(want, "!")
		if slices.Contains(labels, want) == absent {
			verb := "missing"
			if absent {
				verb = "unexpected"
			}
			s.t.Errorf("%s: completion at %s: %s %q; got %q", m, s.where(file, r.End), verb, want, labels)
		}
	}
}

// locate resolves a marker's location argument.
func (s *session) locate(m Marker, arg string, skips map[string][]source.Range) (string, source.Range, bool) {
	file, loc := splitFile(arg, m.File)
	if _, ok := s.texts[file]; !ok {
		s.t.Errorf("%s: unknown file %q", m, file)
		return "", source.Range{}, false
	}
	from := 0
	if file == m.File {
		from = m.From
	}
	r, err := resolve(loc, s.texts[file], from, skips[file])
	if err != nil {
		s.t.Errorf("%s: %v", m, err)
		return "", source.Range{}, false
	}
	return file, r, true
}

func severityName(s protocol.DiagnosticSeverity) string {
	return source.Severity(s).String()
}

func message(d protocol.Diagnostic) string {
	if m, ok := d.Message.(protocol.String); ok {
		return string(m)
	}
	if m, ok := d.Message.(*protocol.MarkupContent); ok {
		return m.Value
	}
	return fmt.Sprint(d.Message)
}

func ptr[T any](v T) *T { return &v }
