package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/lsptest"
)

const unclosed = "table \"t\" {\n"

func write(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

// waitCount waits for the latest publish for u to hold n diagnostics.
func waitCount(ctx context.Context, t *testing.T, c *lsptest.Client, u uri.URI, n int) {
	t.Helper()
	_, err := c.WaitDiagnosticsFunc(ctx, u, fmt.Sprintf("%d diagnostics", n), func(p protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == n
	})
	require.NoError(t, err)
}

func TestWorkspaceScanWatchAndFolders(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), lsptest.Timeout)
	defer cancel()
	dir, other := t.TempDir(), t.TempDir()
	broken := filepath.Join(dir, "sub", "broken.hcl")
	write(t, broken, unclosed)
	write(t, filepath.Join(dir, "ok.hcl"), "schema \"public\" {}\n")
	write(t, filepath.Join(dir, ".git", "ignored.hcl"), unclosed) // hidden folders are not scanned
	write(t, filepath.Join(other, "o.hcl"), unclosed)

	c, wait := connect(t, newServer(Options{}))
	_, err := c.Initialize(ctx, &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{
			WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(dir), Name: "ws"}}),
		},
		Capabilities: protocol.ClientCapabilities{
			Window: &protocol.WindowClientCapabilities{WorkDoneProgress: ptr(true)},
			Workspace: &protocol.WorkspaceClientCapabilities{
				DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: ptr(true)},
			},
		},
		InitializationOptions: protocol.LSPAny(`{"diagnosticsDelay":"1ms"}`),
	})
	require.NoError(t, err)

	// The scan reports progress and publishes the unopened broken file.
	require.NoError(t, c.WaitProgressEnd(ctx, 1))
	assert.Equal(t, []string{"begin", "end"}, c.Progress())
	assert.Contains(t, c.Requests(), "client/registerCapability")
	assert.Contains(t, c.Requests(), "window/workDoneProgress/create")
	waitCount(ctx, t, c, uri.File(broken), 1)

	// Fixing the file on disk clears its diagnostics.
	write(t, broken, "schema \"s\" {}\ntable \"t\" {\n  schema = schema.s\n}\n")
	require.NoError(t, c.Notify(ctx, "workspace/didChangeWatchedFiles", &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(broken), Type: protocol.FileChangeTypeChanged}},
	}))
	waitCount(ctx, t, c, uri.File(broken), 0)

	// Breaking it again, then deleting its directory, clears them too.
	write(t, broken, unclosed)
	require.NoError(t, c.Notify(ctx, "workspace/didChangeWatchedFiles", &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(broken), Type: protocol.FileChangeTypeChanged}},
	}))
	waitCount(ctx, t, c, uri.File(broken), 1)
	require.NoError(t, os.RemoveAll(filepath.Dir(broken)))
	require.NoError(t, c.Notify(ctx, "workspace/didChangeWatchedFiles", &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(filepath.Dir(broken)), Type: protocol.FileChangeTypeDeleted}},
	}))
	waitCount(ctx, t, c, uri.File(broken), 0)

	// An added folder is scanned; a removed one is forgotten.
	oFile := uri.File(filepath.Join(other, "o.hcl"))
	require.NoError(t, c.Notify(ctx, "workspace/didChangeWorkspaceFolders", &protocol.DidChangeWorkspaceFoldersParams{
		Event: protocol.WorkspaceFoldersChangeEvent{Added: []protocol.WorkspaceFolder{{URI: uri.File(other), Name: "other"}}, Removed: []protocol.WorkspaceFolder{}},
	}))
	waitCount(ctx, t, c, oFile, 1)
	require.NoError(t, c.Notify(ctx, "workspace/didChangeWorkspaceFolders", &protocol.DidChangeWorkspaceFoldersParams{
		Event: protocol.WorkspaceFoldersChangeEvent{Added: []protocol.WorkspaceFolder{}, Removed: []protocol.WorkspaceFolder{{URI: uri.File(other), Name: "other"}}},
	}))
	waitCount(ctx, t, c, oFile, 0)

	// An open buffer wins over the disk copy; closing it shows the disk
	// copy's diagnostics again.
	okFile := uri.File(filepath.Join(dir, "ok.hcl"))
	require.NoError(t, c.Open(ctx, okFile, unclosed))
	p, err := c.WaitDiagnostics(ctx, okFile, 1)
	require.NoError(t, err)
	assert.Len(t, p.Diagnostics, 1)
	require.NoError(t, c.Notify(ctx, "textDocument/didClose", &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: okFile}}))
	waitCount(ctx, t, c, okFile, 0)

	for _, u := range []uri.URI{uri.File(filepath.Join(dir, ".git", "ignored.hcl"))} {
		assert.Empty(t, c.Published(u), "files in hidden folders are not scanned")
	}
	require.NoError(t, c.Shutdown(ctx))
	assert.Equal(t, 0, wait())
}

func TestLogFileAndLogMessage(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), lsptest.Timeout)
	defer cancel()
	logPath := filepath.Join(t.TempDir(), "server.log")
	f, err := os.Create(logPath)
	require.NoError(t, err)
	defer f.Close()
	dir := t.TempDir()
	c, wait := connect(t, newServer(Options{Log: f}))
	_, err = c.Initialize(ctx, &protocol.InitializeParams{
		WorkspaceFoldersInitializeParams: protocol.WorkspaceFoldersInitializeParams{
			WorkspaceFolders: protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(dir), Name: "ws"}}),
		},
	})
	require.NoError(t, err)
	// A change to a document that is not open is an error worth logging.
	require.NoError(t, c.Notify(ctx, "textDocument/didChange", &protocol.DidChangeTextDocumentParams{
		TextDocument: protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: "file:///not/open.hcl"}, Version: 2},
	}))
	require.NoError(t, c.Shutdown(ctx))
	require.Equal(t, 0, wait())

	data, err := os.ReadFile(logPath)
	require.NoError(t, err)
	assert.Contains(t, string(data), "ERROR textDocument/didChange: /not/open.hcl: document is not open")
	assert.Contains(t, string(data), "INFO workspace scan: 0 files")
	var sawError bool
	for _, m := range c.Logs() {
		if m.Type == protocol.MessageTypeError {
			sawError = true
			assert.Contains(t, m.Message, "document is not open")
		}
	}
	assert.True(t, sawError, "window/logMessage with the error")
}
