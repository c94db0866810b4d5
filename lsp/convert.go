package lsp

import (
	"path/filepath"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

// keyOf is the workspace key of a document URI: the cleaned path of a
// file URI, the URI itself otherwise (untitled buffers).
func keyOf(u uri.URI) string {
	if u.IsFile() {
		return filepath.Clean(u.FsPath())
	}
	return string(u)
}

// uriOf is the URI to report for f: the client's own when it opened f.
func uriOf(f *workspace.File) uri.URI {
	if f.URI != "" {
		return uri.URI(f.URI)
	}
	return fileURI(f.Key)
}

// fromPosition converts an LSP position into a byte offset (clamped into
// the text, as LSP asks for positions past a line's end).
func fromPosition(m *source.Mapper, p protocol.Position, enc source.Encoding) int {
	off, _ := m.Offset(int(p.Line), int(p.Character), enc)
	return off
}

// fromRange converts an LSP range into byte offsets.
func fromRange(m *source.Mapper, r protocol.Range, enc source.Encoding) source.Range {
	return source.Range{Start: fromPosition(m, r.Start, enc), End: fromPosition(m, r.End, enc)}
}

func toPosition(m *source.Mapper, off int, enc source.Encoding) protocol.Position {
	line, col := m.Position(off, enc)
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

func toRange(m *source.Mapper, r source.Range, enc source.Encoding) protocol.Range {
	return protocol.Range{Start: toPosition(m, r.Start, enc), End: toPosition(m, r.End, enc)}
}

func toDiagnostics(f *workspace.File, diags []source.Diagnostic, enc source.Encoding) []protocol.Diagnostic {
	m := f.Mapper()
	out := make([]protocol.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := protocol.Diagnostic{
			Range:    toRange(m, d.Range, enc),
			Severity: protocol.DiagnosticSeverity(d.Severity),
			Source:   protocol.NewOptional("schema-ls"),
			Message:  protocol.String(d.Message),
		}
		if d.Code != "" {
			pd.Code = protocol.String(d.Code)
		}
		out = append(out, pd)
	}
	return out
}
