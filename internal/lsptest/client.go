// Package lsptest is a real LSP client for tests: it speaks JSON-RPC over
// any stream (an in-memory pipe to an in-process server, or the stdio of the
// built binary), answers the server's requests and records what the server
// publishes.
package lsptest

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/lspwire"
)

// Client is one LSP client connection.
type Client struct {
	conn jsonrpc2.Conn

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every recorded event
	diags    map[uri.URI][]protocol.PublishDiagnosticsParams
	seqs     map[uri.URI][]int // the arrival number of each publish in diags
	received int               // publishes received
	logs     []protocol.LogMessageParams
	progress []string // "begin", "report", "end" kinds in arrival order
	requests []string // methods of the server's requests
	versions map[uri.URI]int32
}

// Connect starts a client on rwc.
func Connect(ctx context.Context, rwc io.ReadWriteCloser) *Client {
	c := &Client{
		conn:     lspwire.NewConn(rwc),
		changed:  make(chan struct{}),
		diags:    map[uri.URI][]protocol.PublishDiagnosticsParams{},
		seqs:     map[uri.URI][]int{},
		versions: map[uri.URI]int32{},
	}
	c.conn.Go(ctx, c.handle)
	return c
}

func (c *Client) handle(_ context.Context, req *jsonrpc2.Request) (any, error) {
	method := strings.Clone(req.Method()) // borrowed until we return
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.signal()
	switch method {
	case "textDocument/publishDiagnostics":
		var p protocol.PublishDiagnosticsParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.diags[p.URI] = append(c.diags[p.URI], p)
		c.received++
		c.seqs[p.URI] = append(c.seqs[p.URI], c.received)
	case "window/logMessage":
		var p protocol.LogMessageParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.logs = append(c.logs, p)
	case "$/progress":
		var p struct {
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			return nil, err
		}
		c.progress = append(c.progress, p.Value.Kind)
	}
	if req.IsCall() {
		c.requests = append(c.requests, method)
		switch method {
		case "window/workDoneProgress/create", "client/registerCapability", "client/unregisterCapability":
			return nil, nil
		case "workspace/configuration":
			return []any{}, nil
		}
		return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "lsptest: %s", method)
	}
	return nil, nil
}

// signal wakes waiters; c.mu must be held.
func (c *Client) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// waitFor blocks until cond (called with c.mu held) is true.
func (c *Client) waitFor(ctx context.Context, what string, cond func() bool) error {
	for {
		c.mu.Lock()
		ok, ch := cond(), c.changed
		c.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}

// Call sends a request.
func (c *Client) Call(ctx context.Context, method string, params, result any) error {
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

// Notify sends a notification.
func (c *Client) Notify(ctx context.Context, method string, params any) error {
	return c.conn.Notify(ctx, method, params)
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Done is closed when the connection ends.
func (c *Client) Done() <-chan struct{} { return c.conn.Done() }

// Initialize sends initialize and initialized.
func (c *Client) Initialize(ctx context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	var res protocol.InitializeResult
	if err := c.Call(ctx, "initialize", p, &res); err != nil {
		return nil, err
	}
	return &res, c.Notify(ctx, "initialized", &protocol.InitializedParams{})
}

// Shutdown sends shutdown then exit.
func (c *Client) Shutdown(ctx context.Context) error {
	if err := c.Call(ctx, "shutdown", nil, nil); err != nil {
		return err
	}
	return c.Notify(ctx, "exit", nil)
}

// Open sends didOpen with version 1.
func (c *Client) Open(ctx context.Context, u uri.URI, text string) error {
	c.mu.Lock()
	c.versions[u] = 1
	c.mu.Unlock()
	return c.Notify(ctx, "textDocument/didOpen", &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: "hcl", Version: 1, Text: text},
	})
}

// Change sends didChange with the next version and returns it.
func (c *Client) Change(ctx context.Context, u uri.URI, changes ...protocol.TextDocumentContentChangeEvent) (int32, error) {
	c.mu.Lock()
	c.versions[u]++
	v := c.versions[u]
	c.mu.Unlock()
	return v, c.Notify(ctx, "textDocument/didChange", &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: v},
		ContentChanges: changes,
	})
}

// Version is the last version sent for u.
func (c *Client) Version(u uri.URI) int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.versions[u]
}

// WaitDiagnostics waits for a publish for u with the given version (0: any
// publish) and returns it.
func (c *Client) WaitDiagnostics(ctx context.Context, u uri.URI, version int32) (protocol.PublishDiagnosticsParams, error) {
	return c.WaitDiagnosticsFunc(ctx, u, fmt.Sprintf("version %d", version), func(p protocol.PublishDiagnosticsParams) bool {
		v, _ := p.Version.Get()
		return version == 0 || v == version
	})
}

// WaitDiagnosticsFunc waits until the latest publish for u satisfies ok.
func (c *Client) WaitDiagnosticsFunc(ctx context.Context, u uri.URI, what string, ok func(protocol.PublishDiagnosticsParams) bool) (protocol.PublishDiagnosticsParams, error) {
	var out protocol.PublishDiagnosticsParams
	err := c.waitFor(ctx, fmt.Sprintf("diagnostics of %s (%s)", u, what), func() bool {
		list := c.diags[u]
		if len(list) == 0 || !ok(list[len(list)-1]) {
			return false
		}
		out = list[len(list)-1]
		return true
	})
	return out, err
}

// LastSeq is the arrival number of the latest publish for u (0: none);
// later publishes, of any file, have higher numbers.
func (c *Client) LastSeq(u uri.URI) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.seqs[u]; len(s) > 0 {
		return s[len(s)-1]
	}
	return 0
}

// WaitDiagnosticsAfter waits until a publish for u arrives after the
// publish numbered seq, for at most grace, and returns the latest one. A
// server publishes a unit's files one after another, so the others'
// follow an edited file's within the grace; a file of another unit gets
// none and is read as it is.
func (c *Client) WaitDiagnosticsAfter(ctx context.Context, u uri.URI, seq int, grace time.Duration) protocol.PublishDiagnosticsParams {
	wait, cancel := context.WithTimeout(ctx, grace)
	defer cancel()
	_ = c.waitFor(wait, "a later publish", func() bool {
		s := c.seqs[u]
		return len(s) > 0 && s[len(s)-1] > seq
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if list := c.diags[u]; len(list) > 0 {
		return list[len(list)-1]
	}
	return protocol.PublishDiagnosticsParams{URI: u}
}

// Published returns every publish received for u, oldest first.
func (c *Client) Published(u uri.URI) []protocol.PublishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]protocol.PublishDiagnosticsParams(nil), c.diags[u]...)
}

// WaitProgressEnd waits until n progress "end" reports arrived.
func (c *Client) WaitProgressEnd(ctx context.Context, n int) error {
	return c.waitFor(ctx, "progress end", func() bool {
		ends := 0
		for _, k := range c.progress {
			if k == "end" {
				ends++
			}
		}
		return ends >= n
	})
}

// Progress returns the kinds of $/progress reports received.
func (c *Client) Progress() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.progress...)
}

// WaitLog waits for a window/logMessage containing substr.
func (c *Client) WaitLog(ctx context.Context, substr string) error {
	return c.waitFor(ctx, "log message "+substr, func() bool {
		for _, m := range c.logs {
			if strings.Contains(m.Message, substr) {
				return true
			}
		}
		return false
	})
}

// Logs returns the window/logMessage messages received.
func (c *Client) Logs() []protocol.LogMessageParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]protocol.LogMessageParams(nil), c.logs...)
}

// Requests returns the methods of requests the server sent.
func (c *Client) Requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.requests...)
}

// Timeout is how long tests wait for the server.
const Timeout = 20 * time.Second
