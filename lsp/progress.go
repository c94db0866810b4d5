package lsp

import (
	"context"
	"fmt"
	"sync/atomic"

	"go.lsp.dev/protocol"
)

var progressTokens atomic.Int64

// progress reports work done through $/progress, when the client allows
// server-initiated progress; otherwise its methods do nothing.
type progress struct {
	s     *Server
	token protocol.ProgressToken
}

// startProgress creates a token with the client and sends "begin". It
// sends a request, so it must not run on the read goroutine.
func (s *Server) startProgress(ctx context.Context, title string) *progress {
	caps := s.capabilities()
	if caps.Window == nil || caps.Window.WorkDoneProgress == nil || !*caps.Window.WorkDoneProgress {
		return &progress{}
	}
	token := protocol.String(fmt.Sprintf("schema-ls/%d", progressTokens.Add(1)))
	if _, err := s.conn.Call(ctx, "window/workDoneProgress/create", &protocol.WorkDoneProgressCreateParams{Token: token}, nil); err != nil {
		s.logf(protocol.MessageTypeLog, "progress not created: %v", err)
		return &progress{}
	}
	p := &progress{s: s, token: token}
	p.send(&protocol.WorkDoneProgressBegin{Kind: "begin", Title: title})
	return p
}

func (p *progress) report(msg string) {
	p.send(&protocol.WorkDoneProgressReport{Kind: "report", Message: &msg})
}

func (p *progress) end(msg string) {
	p.send(&protocol.WorkDoneProgressEnd{Kind: "end", Message: &msg})
}

func (p *progress) send(value any) {
	if p.s == nil {
		return
	}
	raw, err := protocol.Marshal(value)
	if err != nil {
		return
	}
	p.s.notify("$/progress", &protocol.ProgressParams{Token: p.token, Value: raw})
}
