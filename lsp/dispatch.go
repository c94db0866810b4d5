package lsp

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

type (
	notificationFunc func(s *Server, ctx context.Context, params jsonrpc2.RawMessage) error
	requestFunc      func(s *Server, ctx context.Context, params jsonrpc2.RawMessage) (any, error)
)

// notifications are handled on the read goroutine, strictly in arrival
// order: they change state, and the next message must see the change.
var notifications = map[string]notificationFunc{
	"initialized":                         notification((*Server).initialized),
	"exit":                                func(s *Server, _ context.Context, _ jsonrpc2.RawMessage) error { return s.exit() },
	"$/cancelRequest":                     (*Server).cancelRequest,
	"$/setTrace":                          ignore,
	"textDocument/didOpen":                notification((*Server).didOpen),
	"textDocument/didChange":              notification((*Server).didChange),
	"textDocument/didSave":                notification((*Server).didSave),
	"textDocument/didClose":               notification((*Server).didClose),
	"workspace/didChangeWatchedFiles":     notification((*Server).didChangeWatchedFiles),
	"workspace/didChangeWorkspaceFolders": notification((*Server).didChangeWorkspaceFolders),
	"workspace/didChangeConfiguration":    ignore,
}

// requests: initialize and shutdown run in order; the others take a
// snapshot in order and then run concurrently (see request).
var requests = map[string]requestFunc{
	"initialize":                        syncRequest((*Server).initialize),
	"shutdown":                          func(s *Server, _ context.Context, _ jsonrpc2.RawMessage) (any, error) { return nil, s.shutdown() },
	"textDocument/foldingRange":         request(foldingRange),
	"textDocument/documentSymbol":       request(documentSymbol),
	"textDocument/hover":                request(hover),
	"textDocument/completion":           request(completion),
	"textDocument/definition":           request(definition),
	"textDocument/references":           request(references),
	"textDocument/documentHighlight":    request(documentHighlight),
	"textDocument/prepareRename":        request(prepareRename),
	"textDocument/rename":               request(rename),
	"textDocument/formatting":           request(formatting),
	"textDocument/rangeFormatting":      request(rangeFormatting),
	"textDocument/semanticTokens/full":  request(semanticTokensFull),
	"textDocument/semanticTokens/range": request(semanticTokensRange),
	"workspace/symbol":                  request(workspaceSymbol),
}

// handle is the connection's handler. It recovers from panics: a request
// that panics gets an InternalError response, and the server carries on.
//
// Handlers get a context of our own, not the connection's per-request one:
// that one is pooled and recycled when the handler returns, and a context
// derived from it would be touched after that.
func (s *Server) handle(reqCtx context.Context, req *jsonrpc2.Request) (result any, err error) {
	method := strings.Clone(req.Method()) // the request's bytes are borrowed
	defer func() {
		if r := recover(); r != nil {
			s.logf(protocol.MessageTypeError, "panic handling %s: %v\n%s", method, r, debug.Stack())
			result, err = nil, nil
			if req.IsCall() {
				err = jsonrpc2.Errorf(jsonrpc2.InternalError, "schema-ls: internal error in %s: %v", method, r)
			}
		}
	}()
	if !req.IsCall() {
		s.handleNotification(s.bgCtx, method, req.Params())
		return nil, nil // an error here would close the connection
	}
	ctx, done := s.inflight.start(s.reqCtx, req.ID(), func() { jsonrpc2.Async(reqCtx) })
	defer done()
	result, err = s.handleRequest(ctx, method, req.Params())
	if ctx.Err() != nil {
		return nil, protocol.ErrRequestCancelled
	}
	return result, err
}

func (s *Server) handleNotification(ctx context.Context, method string, params jsonrpc2.RawMessage) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state == stateNew && method != "exit" {
		return // the spec says to drop notifications before initialize
	}
	h, ok := notifications[method]
	if !ok {
		if !strings.HasPrefix(method, "$/") {
			s.logf(protocol.MessageTypeLog, "ignoring unknown notification %s", method)
		}
		return
	}
	if err := h(s, ctx, params); err != nil {
		s.logf(protocol.MessageTypeError, "%s: %v", method, err)
	}
}

func (s *Server) handleRequest(ctx context.Context, method string, params jsonrpc2.RawMessage) (any, error) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == "initialize":
	case state == stateNew:
		return nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "schema-ls: the server is not initialized")
	case state == stateShutdown:
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "schema-ls: the server is shutting down")
	}
	h, ok := requests[method]
	if !ok {
		h, ok = s.extra[method]
	}
	if !ok {
		return nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "schema-ls: method not supported: %s", method)
	}
	return h(s, ctx, params)
}

// notification adapts a typed notification handler.
func notification[P any](fn func(s *Server, ctx context.Context, p *P) error) notificationFunc {
	return func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) error {
		var p P
		if err := decode(raw, &p); err != nil {
			return err
		}
		return fn(s, ctx, &p)
	}
}

// syncRequest adapts a request handler that runs in order with
// notifications.
func syncRequest[P, R any](fn func(s *Server, ctx context.Context, p *P) (R, error)) requestFunc {
	return func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decode(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: %v", err)
		}
		return fn(s, ctx, &p)
	}
}

// request adapts a read-only request handler: params are decoded and the
// snapshot taken in order, then the read loop is released and the handler
// runs concurrently with later messages, on that snapshot.
func request[P, R any](fn func(ctx context.Context, s *Server, snap *workspace.Snapshot, p *P) (R, error)) requestFunc {
	return func(s *Server, ctx context.Context, raw jsonrpc2.RawMessage) (any, error) {
		var p P
		if err := decode(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: %v", err)
		}
		snap := s.store.Snapshot()
		release(ctx)
		if ctx.Err() != nil {
			return nil, ctx.Err() // handle answers RequestCancelled
		}
		return fn(ctx, s, snap, &p)
	}
}

func decode(raw jsonrpc2.RawMessage, v any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if err := protocol.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("invalid params: %w", err)
	}
	return nil
}

func ignore(*Server, context.Context, jsonrpc2.RawMessage) error { return nil }
