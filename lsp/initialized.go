package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

// initialized starts the background work: file watching and the scan of the
// workspace folders. It must not wait for the client (it runs on the read
// goroutine), so it starts a goroutine.
func (s *Server) initialized(_ context.Context, _ *protocol.InitializedParams) error {
	folders := s.store.Snapshot().Folders()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		s.safely("initialization", func() {
			s.registerWatchers(s.bgCtx)
			s.scanFolders(s.bgCtx, folders)
		})
	}()
	return nil
}

// registerWatchers asks the client to report changes to the files the
// workspace tracks, when it supports dynamic registration.
func (s *Server) registerWatchers(ctx context.Context) {
	caps := s.capabilities()
	if caps.Workspace == nil || caps.Workspace.DidChangeWatchedFiles == nil ||
		caps.Workspace.DidChangeWatchedFiles.DynamicRegistration == nil || !*caps.Workspace.DidChangeWatchedFiles.DynamicRegistration {
		return
	}
	var watchers []protocol.FileSystemWatcher
	for _, glob := range []string{"**/*.hcl", "**/*.sql", "**/atlas.sum", "**/*.txtar"} {
		watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: protocol.Pattern(glob)})
	}
	opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers})
	if err != nil {
		s.logf(protocol.MessageTypeError, "file watchers: %v", err)
		return
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              "schema-ls-watch-files",
		Method:          "workspace/didChangeWatchedFiles",
		RegisterOptions: opts,
	}}}
	if _, err := s.conn.Call(ctx, "client/registerCapability", params, nil); err != nil {
		s.logf(protocol.MessageTypeWarning, "file watchers not registered: %v", err)
	}
}
