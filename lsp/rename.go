package lsp

import (
	"context"
	"regexp"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/workspace"
)

// identifier is a name that references can spell (table.<name>).
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// rename renames an object or column: its declaration label and every
// reference to it, in every file of its unit.
func rename(_ context.Context, s *Server, snap *workspace.Snapshot, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	if !identifier.MatchString(p.NewName) {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: %q is not a name references can use (letters, digits and _, not starting with a digit)", p.NewName)
	}
	dec, r, ok := s.nameAt(snap, p.TextDocumentPositionParams)
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "schema-ls: there is no declared name at this position")
	}
	if _, ok := dec.Decl(r.Target); !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "schema-ls: this name has no declaration to rename")
	}
	changes := map[uri.URI][]protocol.TextEdit{}
	for _, o := range occurrences(dec, r, true) {
		loc, ok := s.location(snap, o)
		if !ok {
			continue
		}
		text := p.NewName
		if o.SQL {
			if text, ok = sqlName(snap.File(o.File), o.Range, p.NewName); !ok {
				return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "schema-ls: %q must be quoted in SQL, and SQL in an HCL string names it; rename to a name SQL reads unquoted (lower case, not a reserved word)", p.NewName)
			}
		}
		changes[loc.URI] = append(changes[loc.URI], protocol.TextEdit{Range: loc.Range, NewText: text})
	}
	return &protocol.WorkspaceEdit{Changes: changes}, nil
}

// sqlName spells name for SQL at r of file f: as is where SQL reads it
// so or where it is quoted already (its quotes doubled), else quoted —
// but only in a .sql file: SQL in an HCL string would need the quotes
// escaped (ok false then).
func sqlName(f *workspace.File, r source.Range, name string) (string, bool) {
	quoted := r.Start > 0 && r.End < len(f.Text) && f.Text[r.Start-1] == '"' && f.Text[r.End] == '"'
	switch {
	case quoted:
		return strings.ReplaceAll(name, `"`, `""`), true
	case schema.QuoteIdent(name) == name:
		return name, true
	case f.Kind() != workspace.KindSQL:
		return "", false
	}
	return schema.QuoteIdent(name), true
}
