// Package lsp is the language server: the JSON-RPC connection, dispatch and
// one file per LSP method. It is the only package that knows LSP types;
// features live in the packages below and speak byte offsets.
package lsp

import (
	"context"
	"io"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/internal/lspwire"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

// Options configure a server.
type Options struct {
	// DiagnosticsDelay is how long the server waits after the last edit of a
	// file before publishing its diagnostics. The client may override it
	// with the initialization option "diagnosticsDelay" (e.g. "100ms").
	DiagnosticsDelay time.Duration
	// Log, when set, receives every log line (the --log-file flag).
	Log io.Writer
	// Version is reported in serverInfo.
	Version string
}

// DefaultDiagnosticsDelay debounces diagnostics while the user types.
const DefaultDiagnosticsDelay = 150 * time.Millisecond

type lifecycle int

const (
	stateNew lifecycle = iota
	stateRunning
	stateShutdown
)

// Server is one client's language server session.
type Server struct {
	opts  Options
	conn  jsonrpc2.Conn
	store *workspace.Store
	// reqCtx is the parent of every request's context; it ends at exit.
	reqCtx   context.Context
	inflight inflight
	diags    *publisher
	logger   *logger

	// bgCtx lives until exit; background work (the workspace scan, client
	// requests sent from it) uses it.
	bgCtx  context.Context
	bgStop context.CancelFunc
	bg     sync.WaitGroup

	mu       sync.Mutex // guards the fields below
	state    lifecycle
	enc      source.Encoding
	caps     protocol.ClientCapabilities
	exitCode int
	exited   chan struct{}
	exitOnce sync.Once

	// extra holds request handlers that tests add (a panicking one, a slow
	// one); nil in production.
	extra map[string]requestFunc
}

func newServer(opts Options) *Server {
	if opts.DiagnosticsDelay <= 0 {
		opts.DiagnosticsDelay = DefaultDiagnosticsDelay
	}
	s := &Server{
		opts:     opts,
		store:    workspace.NewStore(),
		exitCode: 1,
		exited:   make(chan struct{}),
	}
	s.logger = &logger{w: opts.Log, notify: s.notify}
	s.diags = newPublisher(s)
	return s
}

// Serve runs a server on rwc until the client sends exit, closes the
// stream or ctx ends. It returns the process exit code: 0 when exit followed
// shutdown, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	return serve(ctx, newServer(opts), rwc)
}

func serve(ctx context.Context, s *Server, rwc io.ReadWriteCloser) int {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	s.bgCtx, s.bgStop = context.WithCancel(ctx)
	s.conn = lspwire.NewConn(rwc)
	s.reqCtx = ctx
	s.conn.Go(ctx, s.handle)

	select {
	case <-s.exited:
	case <-s.conn.Done():
	case <-ctx.Done():
	}
	s.bgStop()
	s.diags.stop()
	stop() // cancels in-flight requests so Close can drain them
	closed := make(chan struct{})
	go func() { s.conn.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		rwc.Close() // a peer that stopped reading must not hold us
	}
	s.bg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// encoding is the negotiated position encoding.
func (s *Server) encoding() source.Encoding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc
}

func (s *Server) capabilities() protocol.ClientCapabilities {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.caps
}

// notify sends a notification to the client; errors mean the client is
// gone and are dropped.
func (s *Server) notify(method string, params any) {
	if s.conn == nil {
		return
	}
	_ = s.conn.Notify(context.Background(), method, params)
}
