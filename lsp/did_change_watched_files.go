package lsp

import (
	"context"

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
			for _, k := range snap.DiskKeysUnder(key) {
				updates[k] = nil
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
