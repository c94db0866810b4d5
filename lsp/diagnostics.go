package lsp

import (
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/workspace"
)

// publisher debounces and publishes textDocument/publishDiagnostics.
//
// Every state change schedules the affected keys; a key's timer restarts on
// each schedule, so a burst of edits publishes once, after the last. A
// publish computes from the snapshot current when the timer fires, and is
// computed again later if a file of its unit changed meanwhile: nothing
// stale is ever sent after something newer, even for a file that itself
// did not change.
type publisher struct {
	s *Server

	mu      sync.Mutex // guards timers, delay, stopped
	timers  map[string]*time.Timer
	delay   time.Duration
	stopped bool

	sendMu sync.Mutex         // serialises sends, guards sent
	sent   map[string]uri.URI // keys whose last publish was non-empty
}

func newPublisher(s *Server) *publisher {
	return &publisher{s: s, timers: map[string]*time.Timer{}, delay: s.opts.DiagnosticsDelay, sent: map[string]uri.URI{}}
}

func (p *publisher) setDelay(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = d
}

// schedule (re)starts the timers of keys. When one fires, the file and
// the other files of its unit, whose cross-file diagnostics may change
// with it, are published. Finding the unit needs a parse, so it waits for
// the timer: a burst of edits parses once, not once per edit.
func (p *publisher) schedule(keys ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	for _, key := range keys {
		if t, ok := p.timers[key]; ok {
			t.Stop()
		}
		key := key
		var t *time.Timer
		t = time.AfterFunc(p.delay, func() {
			p.mu.Lock()
			if p.timers[key] != t || p.stopped {
				p.mu.Unlock()
				return
			}
			delete(p.timers, key)
			p.mu.Unlock()
			p.s.safely("publishing diagnostics of "+key, func() {
				for _, k := range p.s.store.Snapshot().UnitKeys(key) {
					p.publish(k)
				}
			})
		})
		p.timers[key] = t
	}
}

func (p *publisher) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	for _, t := range p.timers {
		t.Stop()
	}
	clear(p.timers)
}

// unitChanged reports whether a file of key's unit (in either snapshot)
// differs between them: key's diagnostics, which read the whole unit,
// are then stale.
func unitChanged(before, now *workspace.Snapshot, key string) bool {
	for _, k := range append(before.UnitKeys(key), now.UnitKeys(key)...) {
		if before.File(k) != now.File(k) {
			return true
		}
	}
	return false
}

// publish sends the diagnostics of key's current version. Disk files with
// no problems are only sent to clear an earlier non-empty publish.
func (p *publisher) publish(key string) {
	snap := p.s.store.Snapshot()
	f := snap.File(key)
	enc := p.s.encoding()
	var params *protocol.PublishDiagnosticsParams
	if f != nil {
		diags := snap.Diagnostics(f)
		params = &protocol.PublishDiagnosticsParams{URI: uriOf(f), Diagnostics: toDiagnostics(f, diags, enc)}
		if f.Open {
			params.Version = protocol.NewOptional(f.Version)
		}
	}

	p.sendMu.Lock()
	defer p.sendMu.Unlock()
	if now := p.s.store.Snapshot(); now != snap && unitChanged(snap, now, key) {
		// Changed while computing: compute again. (The change scheduled its
		// own unit, which need not hold key: atlas.hcl's does not.)
		p.schedule(key)
		return
	}
	prev, wasSent := p.sent[key]
	switch {
	case params == nil && !wasSent:
		return
	case params == nil:
		params = &protocol.PublishDiagnosticsParams{URI: prev, Diagnostics: []protocol.Diagnostic{}}
	case !f.Open && len(params.Diagnostics) == 0 && !wasSent:
		return
	}
	if len(params.Diagnostics) > 0 {
		p.sent[key] = params.URI
	} else {
		delete(p.sent, key)
	}
	p.s.notify("textDocument/publishDiagnostics", params)
}
