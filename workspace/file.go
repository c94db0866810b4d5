// Package workspace owns the files schema-ls knows: open documents (version,
// text, line index) and the files on disk under each workspace folder, as
// immutable snapshots. It also dispatches per-kind features (diagnostics,
// folding, symbols) so the server and the CLI share them.
package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// Kind is what a file is, decided by its name.
type Kind int

// File kinds.
const (
	KindOther Kind = iota
	KindHCL
	KindSQL
	KindSum
	KindTxtar
)

func (k Kind) String() string {
	return [...]string{"other", "hcl", "sql", "atlas.sum", "txtar"}[k]
}

// KindOf classifies a path (or URI) by its base name.
func KindOf(name string) Kind {
	base := strings.ToLower(filepath.Base(name))
	switch {
	case base == "atlas.sum":
		return KindSum
	case strings.HasSuffix(base, ".hcl"):
		return KindHCL
	case strings.HasSuffix(base, ".sql"):
		return KindSQL
	case strings.HasSuffix(base, ".txtar"):
		return KindTxtar
	}
	return KindOther
}

// File is one immutable version of a file. Derived data (line index, parse
// trees, diagnostics) is computed once per File on first use, so a File
// shared by many snapshots is parsed at most once.
type File struct {
	Key     string // a cleaned absolute path, or the client's URI for non-file documents
	URI     string // the URI the client used, when the file is open; "" for disk files
	Version int32  // the client's version; 0 for disk files
	Open    bool   // an editor buffer (it wins over the disk copy)
	Text    string

	mapperOnce sync.Once
	mapper     *source.Mapper

	// base is an earlier version's parse whose unchanged chunks the parse
	// of this version reuses (only a pointer to it is copied forward, so
	// no chain of versions builds up); parsed publishes this version's
	// parse for later versions.
	base   *hclschema.File
	parsed atomic.Pointer[hclschema.File]

	derivedOnce sync.Once
	hcl         *hclschema.File
	role        hclschema.Role
	archive     *Archive
	sql         *sqlsupport.Script
	diags       []source.Diagnostic
}

// NewFile makes a File. Callers must not modify it afterwards.
func NewFile(key, uri string, version int32, open bool, text string) *File {
	return &File{Key: key, URI: uri, Version: version, Open: open, Text: text}
}

// successor makes the next version of an open file, handing it the newest
// parse available for reuse.
func (f *File) successor(version int32, text string) *File {
	next := NewFile(f.Key, f.URI, version, true, text)
	next.base = f.base // set before f was published, never changed
	if p := f.parsed.Load(); p != nil {
		next.base = p
	}
	return next
}

// Kind is the file's kind.
func (f *File) Kind() Kind { return KindOf(f.Key) }

// Mapper is the file's line index.
func (f *File) Mapper() *source.Mapper {
	f.mapperOnce.Do(func() { f.mapper = source.NewMapper(f.Text) })
	return f.mapper
}

// HCL is the parsed HCL of an .hcl file, nil for other kinds.
func (f *File) HCL() *hclschema.File {
	f.derive()
	return f.hcl
}

// Role is what an .hcl file is to Atlas (schema, project, …).
func (f *File) Role() hclschema.Role {
	f.derive()
	return f.role
}

// Archive is the parsed txtar archive of a .txtar file, nil for other kinds.
func (f *File) Archive() *Archive {
	f.derive()
	return f.archive
}

// SQL is the script of a .sql file (statements, directives), nil for
// other kinds.
func (f *File) SQL() *sqlsupport.Script {
	f.derive()
	return f.sql
}

// Diagnostics are the file's problems, sorted by position.
func (f *File) Diagnostics() []source.Diagnostic {
	f.derive()
	return f.diags
}

func (f *File) derive() {
	f.derivedOnce.Do(func() {
		switch f.Kind() {
		case KindHCL:
			f.hcl, f.role, f.diags = checkHCL(f.Key, f.Text, f.base)
			f.parsed.Store(f.hcl)
		case KindSQL:
			f.sql = sqlsupport.ParseScript(f.Text)
			f.diags = slices.Clone(f.sql.Diagnostics())
		case KindTxtar:
			f.archive = ParseArchive(f.Text)
			f.diags = f.archive.diagnostics()
		}
		sortDiagnostics(f.diags)
	})
}

// checkHCL parses and, for Atlas files without syntax errors, validates HCL
// against the spec table. Validation waits for a clean parse: a partial
// tree would report blocks and attributes the user has not lost.
func checkHCL(name, text string, base *hclschema.File) (*hclschema.File, hclschema.Role, []source.Diagnostic) {
	f := hclschema.Reparse(name, []byte(text), base)
	role := hclschema.RoleOf(f)
	diags := f.Diags
	if root := role.Spec(); root != nil && len(diags) == 0 {
		diags = hclschema.Validate(f, root)
	}
	return f, role, diags
}
