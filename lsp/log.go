package lsp

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"
)

// logger writes every line to the log file (when set) and sends lines of
// Log level and above to the client as window/logMessage.
type logger struct {
	mu     sync.Mutex
	w      io.Writer
	notify func(method string, params any)
}

var levelNames = map[protocol.MessageType]string{
	protocol.MessageTypeError: "ERROR", protocol.MessageTypeWarning: "WARN",
	protocol.MessageTypeInfo: "INFO", protocol.MessageTypeLog: "LOG", protocol.MessageTypeDebug: "DEBUG",
}

func (l *logger) log(level protocol.MessageType, msg string) {
	if l.w != nil {
		l.mu.Lock()
		fmt.Fprintf(l.w, "%s %s %s\n", time.Now().Format("2006-01-02T15:04:05.000"), levelNames[level], strings.TrimRight(msg, "\n"))
		l.mu.Unlock()
	}
	if level <= protocol.MessageTypeLog {
		l.notify("window/logMessage", &protocol.LogMessageParams{Type: level, Message: msg})
	}
}

// safely runs fn, turning a panic into an error log line: background work
// (diagnostics timers, the workspace scan) must not take the server down.
func (s *Server) safely(what string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			s.logf(protocol.MessageTypeError, "panic in %s: %v\n%s", what, r, debug.Stack())
		}
	}()
	fn()
}

func (s *Server) logf(level protocol.MessageType, format string, args ...any) {
	s.logger.log(level, fmt.Sprintf(format, args...))
}
