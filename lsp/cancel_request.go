package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// cancelRequest cancels the context of an in-flight request; the request
// itself answers RequestCancelled.
func (s *Server) cancelRequest(_ context.Context, raw jsonrpc2.RawMessage) error {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("invalid params: %w", err)
	}
	var n int64
	if err := json.Unmarshal(p.ID, &n); err == nil {
		s.inflight.cancel(jsonrpc2.NewNumberID(n))
		return nil
	}
	var str string
	if err := json.Unmarshal(p.ID, &str); err != nil {
		return fmt.Errorf("invalid request id %s", p.ID)
	}
	s.inflight.cancel(jsonrpc2.NewStringID(str))
	return nil
}

// inflight tracks the cancel functions of running requests by id.
type inflight struct {
	mu      sync.Mutex
	cancels map[jsonrpc2.ID]context.CancelFunc
}

type releaseKey struct{}

// start gives a request its context, which carries the function that
// releases the read loop (see release). done must be called when the
// request ends.
func (f *inflight) start(parent context.Context, id jsonrpc2.ID, releaseFn func()) (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(context.WithValue(parent, releaseKey{}, releaseFn))
	f.mu.Lock()
	if f.cancels == nil {
		f.cancels = map[jsonrpc2.ID]context.CancelFunc{}
	}
	f.cancels[id] = cancel
	f.mu.Unlock()
	return ctx, func() {
		f.mu.Lock()
		delete(f.cancels, id)
		f.mu.Unlock()
		cancel()
	}
}

func (f *inflight) cancel(id jsonrpc2.ID) {
	f.mu.Lock()
	cancel := f.cancels[id]
	f.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// release lets the read loop go on while this request runs: later messages
// are handled concurrently with it.
func release(ctx context.Context) {
	if fn, ok := ctx.Value(releaseKey{}).(func()); ok {
		fn()
	}
}
