package lsp

import (
	"fmt"
	"io"
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

func (s *Server) logf(level protocol.MessageType, format string, args ...any) {
	s.logger.log(level, fmt.Sprintf(format, args...))
}
