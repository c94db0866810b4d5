package lsp

import (
	"context"
	"path/filepath"

	"go.lsp.dev/protocol"
)

func (s *Server) didChangeWorkspaceFolders(_ context.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
	for _, f := range p.Event.Removed {
		if f.URI.IsFile() {
			s.diags.schedule(s.store.RemoveFolder(filepath.Clean(f.URI.FsPath()))...)
		}
	}
	var added []string
	for _, f := range p.Event.Added {
		if f.URI.IsFile() {
			dir := filepath.Clean(f.URI.FsPath())
			s.store.AddFolder(dir)
			added = append(added, dir)
		}
	}
	if len(added) > 0 {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.safely("scanning added folders", func() { s.scanFolders(s.bgCtx, added) })
		}()
	}
	return nil
}
