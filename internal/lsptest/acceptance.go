package lsptest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// StartFunc starts a server connected to the returned stream; wait blocks
// until it exits and returns its exit code.
type StartFunc func(t *testing.T) (rwc io.ReadWriteCloser, wait func() int)

// brokenHCL misses the table's closing brace. The error sits after "é" on
// line 2, so its column differs between UTF-16 (14) and UTF-8 (15).
const brokenHCL = "# schéma 😀\ntable \"usérs\" { # 😀\n  column \"id\" {\n    type = int\n  }\n"

const validHCL = `schema "public" {}

table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  index "users_id" {
    columns = [column.id]
  }
}
`

// Acceptance runs the server scenario every transport must pass: exact
// diagnostics in both position encodings, folding ranges, document symbols,
// and 200 rapid incremental edits publishing only the final version.
func Acceptance(t *testing.T, start StartFunc) {
	for _, enc := range []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF16, protocol.PositionEncodingKindUTF8} {
		t.Run(string(enc), func(t *testing.T) { acceptance(t, start, enc) })
	}
}

func acceptance(t *testing.T, start StartFunc, enc protocol.PositionEncodingKind) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.hcl"), []byte(brokenHCL), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "valid.hcl"), []byte(validHCL), 0o644))

	rwc, wait := start(t)
	c := Connect(ctx, rwc)
	defer c.Close()
	res, err := c.Initialize(ctx, &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{
			WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(dir), Name: "ws"}}),
		},
		Capabilities: protocol.ClientCapabilities{
			General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{enc}},
		},
		// Long enough that 200 edits sent back to back form one burst.
		InitializationOptions: []byte(`{"diagnosticsDelay": "400ms"}`),
	})
	require.NoError(t, err)
	require.Equal(t, enc, res.Capabilities.PositionEncoding)

	// Diagnostics of the broken file, published from the workspace scan
	// (no version: it is not open) and again when opened.
	broken := uri.File(filepath.Join(dir, "broken.hcl"))
	require.NoError(t, c.Open(ctx, broken, brokenHCL))
	p, err := c.WaitDiagnostics(ctx, broken, 1)
	require.NoError(t, err)
	require.Len(t, p.Diagnostics, 1)
	d := p.Diagnostics[0]
	col := uint32(14)
	if enc == protocol.PositionEncodingKindUTF8 {
		col = 15
	}
	assert.Equal(t, protocol.Position{Line: 1, Character: col}, d.Range.Start)
	assert.Equal(t, protocol.DiagnosticSeverityError, d.Severity)
	assert.Contains(t, fmt.Sprint(d.Message), "Unclosed configuration block")

	valid := uri.File(filepath.Join(dir, "valid.hcl"))
	var folds []protocol.FoldingRange
	require.NoError(t, c.Call(ctx, "textDocument/foldingRange", &protocol.FoldingRangeParams{TextDocument: protocol.TextDocumentIdentifier{URI: valid}}, &folds))
	var got []string
	for _, f := range folds {
		got = append(got, fmt.Sprintf("%d-%d", f.StartLine, f.EndLine))
	}
	assert.Equal(t, []string{"2-9", "4-5", "7-8"}, got, "folding ranges of valid.hcl")

	var symRes protocol.DocumentSymbolResult
	require.NoError(t, c.Call(ctx, "textDocument/documentSymbol", &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: valid}}, &symRes))
	syms, ok := symRes.(protocol.DocumentSymbolSlice)
	require.True(t, ok, "hierarchical symbols, got %T", symRes)
	require.Len(t, syms, 1)
	assert.Equal(t, "public", syms[0].Name)
	assert.Equal(t, protocol.SymbolKindNamespace, syms[0].Kind)
	require.Len(t, syms[0].Children, 1)
	table := syms[0].Children[0]
	assert.Equal(t, "users", table.Name)
	assert.Equal(t, protocol.SymbolKindStruct, table.Kind)
	require.Len(t, table.Children, 2)
	assert.Equal(t, "id", table.Children[0].Name)
	assert.Equal(t, protocol.SymbolKindField, table.Children[0].Kind)
	assert.Equal(t, "users_id", table.Children[1].Name)

	rapidEdits(ctx, t, c, dir)

	require.NoError(t, c.Shutdown(ctx))
	assert.Equal(t, 0, wait(), "exit code after shutdown and exit")
}

// rapidEdits sends 200 incremental edits back to back and checks that only
// the final version is published, with what a fresh open of the same text
// gives.
func rapidEdits(ctx context.Context, t *testing.T, c *Client, dir string) {
	edited := uri.File(filepath.Join(dir, "edited.hcl"))
	text := "table \"t\" {\n}\n"
	require.NoError(t, c.Open(ctx, edited, text))
	_, err := c.WaitDiagnostics(ctx, edited, 1)
	require.NoError(t, err)
	before := len(c.Published(edited))

	for i := range 199 {
		insert := fmt.Sprintf("  column \"c%d\" { type = int } # é😀\n", i)
		_, err := c.Change(ctx, edited, &protocol.TextDocumentContentChangePartial{
			Range: protocol.Range{Start: protocol.Position{Line: 1}, End: protocol.Position{Line: 1}},
			Text:  insert,
		})
		require.NoError(t, err)
		lines := strings.SplitAfter(text, "\n")
		text = lines[0] + insert + strings.Join(lines[1:], "")
	}
	// The 200th edit deletes the closing brace on the last line.
	last := uint32(strings.Count(text, "\n") - 1)
	final, err := c.Change(ctx, edited, &protocol.TextDocumentContentChangePartial{
		Range: protocol.Range{Start: protocol.Position{Line: last}, End: protocol.Position{Line: last, Character: 1}},
	})
	require.NoError(t, err)
	require.EqualValues(t, 201, final)
	text = strings.TrimSuffix(text, "}\n") + "\n"

	got, err := c.WaitDiagnostics(ctx, edited, final)
	require.NoError(t, err)
	for _, p := range c.Published(edited)[before:] {
		v, _ := p.Version.Get()
		assert.Equal(t, final, v, "a publish for an intermediate version")
	}
	require.Len(t, got.Diagnostics, 1, "the unclosed table block")

	fresh := uri.File(filepath.Join(dir, "fresh.hcl"))
	require.NoError(t, c.Open(ctx, fresh, text))
	want, err := c.WaitDiagnostics(ctx, fresh, 1)
	require.NoError(t, err)
	assert.Equal(t, want.Diagnostics, got.Diagnostics, "edited text and a fresh open of it")
}
