package lsp

import (
	"context"
	"io"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/internal/lsptest"
)

// startPipe serves s over an in-memory pipe.
func startPipe(t testing.TB, s *Server) (io.ReadWriteCloser, func() int) {
	serverEnd, clientEnd := net.Pipe()
	exit := make(chan int, 1)
	go func() { exit <- serve(context.Background(), s, serverEnd) }()
	t.Cleanup(func() { clientEnd.Close() })
	return clientEnd, func() int {
		select {
		case code := <-exit:
			return code
		case <-time.After(lsptest.Timeout):
			t.Fatal("server did not exit")
			return -1
		}
	}
}

func TestAcceptanceOverPipe(t *testing.T) {
	lsptest.Acceptance(t, func(t *testing.T) (io.ReadWriteCloser, func() int) {
		return startPipe(t, newServer(Options{}))
	})
}

func connect(t *testing.T, s *Server) (*lsptest.Client, func() int) {
	rwc, wait := startPipe(t, s)
	c := lsptest.Connect(context.Background(), rwc)
	t.Cleanup(func() { c.Close() })
	return c, wait
}

func initialize(t *testing.T, c *lsptest.Client) {
	_, err := c.Initialize(context.Background(), &protocol.InitializeParams{})
	require.NoError(t, err)
}

func rpcCode(t *testing.T, err error) jsonrpc2.Code {
	t.Helper()
	var e *jsonrpc2.Error
	require.ErrorAs(t, err, &e)
	return e.Code
}

func TestPanicInHandlerIsAnErrorResponse(t *testing.T) {
	s := newServer(Options{})
	s.extra = map[string]requestFunc{
		"test/panic": func(*Server, context.Context, jsonrpc2.RawMessage) (any, error) { panic("boom") },
	}
	c, wait := connect(t, s)
	ctx := context.Background()
	initialize(t, c)

	err := c.Call(ctx, "test/panic", nil, nil)
	assert.Equal(t, jsonrpc2.InternalError, rpcCode(t, err))
	assert.Contains(t, err.Error(), "boom")

	// The server is still alive and answers the next request.
	var folds []protocol.FoldingRange
	require.NoError(t, c.Call(ctx, "textDocument/foldingRange", &protocol.FoldingRangeParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///nowhere.hcl"},
	}, &folds))
	assert.Empty(t, folds)
	require.NoError(t, c.Shutdown(ctx))
	assert.Equal(t, 0, wait())
}

func TestCancelRequest(t *testing.T) {
	s := newServer(Options{})
	started := make(chan struct{})
	s.extra = map[string]requestFunc{
		"test/block": func(_ *Server, ctx context.Context, _ jsonrpc2.RawMessage) (any, error) {
			release(ctx)
			close(started)
			<-ctx.Done()
			return "finished", nil
		},
	}
	rwc, wait := startPipe(t, s)
	stream := jsonrpc2.NewHeaderStream(rwc)
	ctx := context.Background()
	write := func(m jsonrpc2.Message) {
		_, err := stream.Write(ctx, m)
		require.NoError(t, err)
	}
	read := func(id int64) *jsonrpc2.Response {
		for {
			msg, _, err := stream.Read(ctx)
			require.NoError(t, err)
			if r, ok := msg.(*jsonrpc2.Response); ok {
				if n, _ := r.ID().Number(); n == id {
					return r
				}
			}
		}
	}
	write(jsonrpc2.NewCall(jsonrpc2.NewNumberID(1), "initialize", jsonrpc2.RawMessage(`{"capabilities":{}}`)))
	require.NoError(t, read(1).Err())
	write(jsonrpc2.NewCall(jsonrpc2.NewNumberID(42), "test/block", nil))
	<-started
	write(jsonrpc2.NewNotification("$/cancelRequest", jsonrpc2.RawMessage(`{"id":42}`)))
	resp := read(42)
	require.Error(t, resp.Err())
	assert.Equal(t, protocol.CodeRequestCancelled, rpcCode(t, resp.Err()))

	write(jsonrpc2.NewCall(jsonrpc2.NewNumberID(2), "shutdown", nil))
	require.NoError(t, read(2).Err())
	write(jsonrpc2.NewNotification("exit", nil))
	assert.Equal(t, 0, wait())
}

func TestLifecycle(t *testing.T) {
	ctx := context.Background()
	t.Run("request before initialize", func(t *testing.T) {
		c, _ := connect(t, newServer(Options{}))
		err := c.Call(ctx, "textDocument/foldingRange", &protocol.FoldingRangeParams{}, nil)
		assert.Equal(t, jsonrpc2.ServerNotInitialized, rpcCode(t, err))
	})
	t.Run("initialize twice", func(t *testing.T) {
		c, _ := connect(t, newServer(Options{}))
		initialize(t, c)
		err := c.Call(ctx, "initialize", &protocol.InitializeParams{}, nil)
		assert.Equal(t, jsonrpc2.InvalidRequest, rpcCode(t, err))
	})
	t.Run("request after shutdown", func(t *testing.T) {
		c, _ := connect(t, newServer(Options{}))
		initialize(t, c)
		require.NoError(t, c.Call(ctx, "shutdown", nil, nil))
		err := c.Call(ctx, "textDocument/documentSymbol", &protocol.DocumentSymbolParams{}, nil)
		assert.Equal(t, jsonrpc2.InvalidRequest, rpcCode(t, err))
	})
	t.Run("unknown method", func(t *testing.T) {
		c, _ := connect(t, newServer(Options{}))
		initialize(t, c)
		err := c.Call(ctx, "textDocument/unheardOf", nil, nil)
		assert.Equal(t, jsonrpc2.MethodNotFound, rpcCode(t, err))
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c, wait := connect(t, newServer(Options{}))
		initialize(t, c)
		require.NoError(t, c.Notify(ctx, "exit", nil))
		assert.Equal(t, 1, wait())
	})
	t.Run("stream closed without shutdown", func(t *testing.T) {
		c, wait := connect(t, newServer(Options{}))
		initialize(t, c)
		c.Close()
		assert.Equal(t, 1, wait())
	})
	t.Run("bad diagnosticsDelay", func(t *testing.T) {
		c, _ := connect(t, newServer(Options{}))
		err := c.Call(ctx, "initialize", &protocol.InitializeParams{InitializationOptions: protocol.LSPAny(`{"diagnosticsDelay":"soon"}`)}, nil)
		assert.Equal(t, jsonrpc2.InvalidParams, rpcCode(t, err))
	})
}

// A panic in background work (diagnostics timers, scans) is logged; the
// server stays up and answers the next request.
func TestPanicInBackgroundIsLogged(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), lsptest.Timeout)
	defer cancel()
	s := newServer(Options{})
	c, wait := connect(t, s)
	initialize(t, c)
	s.safely("test work", func() { panic("background boom") })
	require.NoError(t, c.WaitLog(ctx, "panic in test work: background boom"))
	var folds []protocol.FoldingRange
	require.NoError(t, c.Call(ctx, "textDocument/foldingRange", &protocol.FoldingRangeParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///nowhere.hcl"},
	}, &folds))
	require.NoError(t, c.Shutdown(ctx))
	assert.Equal(t, 0, wait())
}
