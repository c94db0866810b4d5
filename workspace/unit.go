package workspace

import (
	"path/filepath"
	"slices"
	"sync"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
)

// A unit is the set of schema files that form one schema: the Atlas schema
// files (.hcl with the schema role) of one directory. References resolve
// across the files of a unit.

// units caches each directory's decoded schema, shared by snapshots and
// reused while the unit's files are the same File values.
type units struct {
	mu sync.Mutex
	m  map[string]*unit
}

type unit struct {
	files []*File
	once  sync.Once
	dec   *hclschema.Decoded
	// broken: some file has syntax errors, so references into what did
	// not parse cannot be trusted.
	broken bool
}

// UnitFiles returns the schema files of dir, sorted by key.
func (s *Snapshot) UnitFiles(dir string) []*File {
	var out []*File
	for _, f := range s.Files() {
		if f.Kind() == KindHCL && filepath.Dir(f.Key) == dir && f.Role() == hclschema.RoleSchema {
			out = append(out, f)
		}
	}
	return out
}

// UnitKeys returns the keys whose diagnostics may change when key changes:
// key and the other schema files of its directory.
func (s *Snapshot) UnitKeys(key string) []string {
	keys := []string{key}
	for _, f := range s.UnitFiles(filepath.Dir(key)) {
		if f.Key != key {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// Decoded returns the decoded schema of dir's unit.
func (s *Snapshot) Decoded(dir string) *hclschema.Decoded {
	u := s.unit(dir)
	u.once.Do(func() {
		var parsed []*hclschema.File
		for _, f := range u.files {
			parsed = append(parsed, f.HCL())
			u.broken = u.broken || len(f.HCL().Diags) > 0
		}
		u.dec = hclschema.Decode(parsed)
	})
	return u.dec
}

func (s *Snapshot) unit(dir string) *unit {
	files := s.UnitFiles(dir)
	s.units.mu.Lock()
	defer s.units.mu.Unlock()
	if u, ok := s.units.m[dir]; ok && slices.Equal(u.files, files) {
		return u
	}
	u := &unit{files: files}
	if s.units.m == nil {
		s.units.m = map[string]*unit{}
	}
	s.units.m[dir] = u
	return u
}

// Diagnostics returns f's problems: its own (syntax, spec validation) and
// those of decoding its unit (references, duplicates, types, keys).
// Unresolved references are left out while a file of the unit does not
// parse: what they name may be in the part that did not.
func (s *Snapshot) Diagnostics(f *File) []source.Diagnostic {
	own := f.Diagnostics()
	if f.Kind() != KindHCL || f.Role() != hclschema.RoleSchema || len(own) > 0 && hasSyntaxError(own) {
		return own
	}
	dec := s.Decoded(filepath.Dir(f.Key))
	u := s.unit(filepath.Dir(f.Key))
	out := slices.Clone(own)
	for _, d := range dec.Diags[f.Key] {
		if u.broken && d.Code == hclschema.CodeUnresolved {
			continue
		}
		out = append(out, d)
	}
	sortDiagnostics(out)
	return out
}

func hasSyntaxError(diags []source.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d source.Diagnostic) bool { return d.Code == hclschema.CodeSyntax })
}

// DecodedFor returns the decoded unit f belongs to; ok is false for files
// that are not schema files.
func (s *Snapshot) DecodedFor(f *File) (*hclschema.Decoded, bool) {
	if f == nil || f.Kind() != KindHCL || f.Role() != hclschema.RoleSchema {
		return nil, false
	}
	return s.Decoded(filepath.Dir(f.Key)), true
}
