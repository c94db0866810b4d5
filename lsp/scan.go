package lsp

import (
	"context"
	"fmt"
	"time"

	"go.lsp.dev/protocol"

	"github.com/schema-ls/schema-ls/workspace"
)

// scanFolders reads every tracked file under folders into the store, with
// $/progress reports, then schedules their diagnostics.
func (s *Server) scanFolders(ctx context.Context, folders []string) {
	if len(folders) == 0 {
		return
	}
	prog := s.startProgress(ctx, "schema-ls: scanning workspace")
	start := time.Now()
	files := map[string]*string{}
	for _, dir := range folders {
		paths, err := workspace.Scan(dir, func(n int) {
			if n%200 == 0 {
				prog.report(fmt.Sprintf("%d files", len(files)+n))
			}
		})
		if err != nil {
			s.logf(protocol.MessageTypeWarning, "scanning %s: %v", dir, err)
		}
		for _, path := range paths {
			if ctx.Err() != nil {
				prog.end("cancelled")
				return
			}
			text, err := workspace.ReadFile(path)
			if err != nil {
				s.logf(protocol.MessageTypeWarning, "reading %s: %v", path, err)
				continue
			}
			files[path] = &text
		}
	}
	s.store.SetDisk(files)
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	s.diags.schedule(keys...)
	msg := fmt.Sprintf("%d files in %s", len(files), time.Since(start).Round(time.Millisecond))
	s.logf(protocol.MessageTypeInfo, "workspace scan: %s", msg)
	prog.end(msg)
}
