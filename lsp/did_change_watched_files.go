package lsp

import (
	"context"
	"os"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// didChangeWatchedFiles refreshes disk copies. A deleted directory removes
// every file under it.
func (s *Server) didChangeWatchedFiles(_ context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	updates := map[string]*string{}
	snap := s.store.Snapshot()
	for _, c := range p.Changes {
		key := keyOf(c.URI)
		if c.Type == protocol.FileChangeTypeDeleted {
			updates[key] = nil
			prefix := key + string(os.PathSeparator)
			for _, f := range snap.Files() {
				if !f.Open && strings.HasPrefix(f.Key, prefix) {
					updates[f.Key] = nil
				}
			}
			continue
		}
		if !workspace.Wanted(key) {
			continue
		}
		text, err := workspace.ReadFile(key)
		if err != nil {
			s.logf(protocol.MessageTypeWarning, "reading %s: %v", key, err)
			updates[key] = nil
			continue
		}
		updates[key] = &text
	}
	s.store.SetDisk(updates)
	keys := make([]string, 0, len(updates))
	for k := range updates {
		keys = append(keys, k)
	}
	s.diags.schedule(keys...)
	return nil
}
