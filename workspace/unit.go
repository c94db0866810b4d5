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

// A unit is the set of schema files that form one schema, decoded together
// so references resolve across them. An env of an atlas.hcl whose src
// lists files or directories (file://…) makes those files a unit; schema
// files that no env names form one unit per directory.

// units caches decoded units, shared by snapshots and reused while a
// unit's files are the same File values.
type units struct {
	mu sync.Mutex
	m  map[string]*unit // by unit id
}

type unit struct {
	files []*File
	once  sync.Once
	dec   atomic.Pointer[hclschema.Decoded]
	// prev is the latest decode of the units this one replaced, reused for
	// the blocks that did not change. It holds no unit, so at most two
	// decodes of a unit are kept.
	prev *hclschema.Decoded
	// broken: some file has syntax errors, so references into what did
	// not parse (or, in SQL, names of what a broken statement creates)
	// cannot be trusted.
	broken bool
	// fragment: a .sql file outside a migration directory that creates
	// nothing, or changes what it does not create: a script or a migration
	// over a schema defined elsewhere, so what it names is not judged.
	fragment bool
}

// envs maps files named by atlas.hcl envs to their units, computed once
// per snapshot.
type envs struct {
	once   sync.Once
	byFile map[string]string   // schema file key -> unit id (the first env naming it)
	files  map[string][]string // unit id -> file keys
}

// unitOf returns the id and files of the unit holding key.
func (s *Snapshot) unitOf(key string) (string, []*File) {
	if KindOf(key) == KindSQL {
		return s.sqlUnitOf(key)
	}
	e := s.envUnits()
	if id, ok := e.byFile[key]; ok {
		var files []*File
		for _, k := range e.files[id] {
			if f := s.File(k); f != nil {
				files = append(files, f)
			}
		}
		return id, files
	}
	dir := filepath.Dir(key)
	var files []*File
	for _, f := range s.Files() {
		if _, inEnv := e.byFile[f.Key]; !inEnv && f.Kind() == KindHCL && filepath.Dir(f.Key) == dir && f.Role() == hclschema.RoleSchema {
			files = append(files, f)
		}
	}
	return "dir:" + dir, files
}

// sqlUnitOf is the unit of a .sql file: the .sql files of its directory,
// in the order Atlas replays them, when the directory is a migration
// directory (it has an atlas.sum); else the file alone.
func (s *Snapshot) sqlUnitOf(key string) (string, []*File) {
	dir := filepath.Dir(key)
	if s.File(filepath.Join(dir, "atlas.sum")) == nil {
		if f := s.File(key); f != nil {
			return "sql:" + key, []*File{f}
		}
		return "sql:" + key, nil
	}
	var files []*File
	for _, f := range s.Files() {
		if f.Kind() == KindSQL && filepath.Dir(f.Key) == dir {
			files = append(files, f)
		}
	}
	slices.SortFunc(files, func(a, b *File) int { return strings.Compare(a.Key, b.Key) })
	return "migrations:" + dir, files
}

// envUnits reads the src of every env of every atlas.hcl.
func (s *Snapshot) envUnits() *envs {
	e := s.envs
	e.once.Do(func() {
		e.byFile, e.files = map[string]string{}, map[string][]string{}
		all := s.Files()
		for _, proj := range all {
			if proj.Kind() != KindHCL || proj.Role() != hclschema.RoleProject {
				continue
			}
			base := filepath.Dir(proj.Key)
			for _, env := range hclschema.EnvSources(proj.HCL()) {
				id := "env:" + proj.Key + "#" + env.Name
				for _, src := range env.Paths {
					path := filepath.Clean(filepath.Join(base, src))
					for _, f := range all {
						if f.Kind() != KindHCL || f.Role() != hclschema.RoleSchema || (f.Key != path && filepath.Dir(f.Key) != path) {
							continue
						}
						if !slices.Contains(e.files[id], f.Key) {
							e.files[id] = append(e.files[id], f.Key)
						}
						if _, taken := e.byFile[f.Key]; !taken {
							e.byFile[f.Key] = id
						}
					}
				}
			}
		}
	})
	return e
}

// UnitKeys returns the keys whose diagnostics may change when key changes:
// key, the other files of its unit, and for an atlas.hcl the files of
// every unit it defines.
func (s *Snapshot) UnitKeys(key string) []string {
	keys := []string{key}
	add := func(files []*File) {
		for _, f := range files {
			if !slices.Contains(keys, f.Key) {
				keys = append(keys, f.Key)
			}
		}
	}
	_, files := s.unitOf(key)
	add(files)
	if filepath.Base(key) == "atlas.hcl" {
		// Its envs may move files between units: republish the directory.
		for _, f := range s.Files() {
			if f.Kind() == KindHCL && within(f.Key, filepath.Dir(key)) {
				add([]*File{f})
			}
		}
	}
	return keys
}

// decoded returns the decoded unit holding key.
func (s *Snapshot) decoded(key string) (*hclschema.Decoded, *unit) {
	id, files := s.unitOf(key)
	u := s.unit(id, files)
	u.once.Do(func() {
		if len(u.files) > 0 && u.files[0].Kind() == KindSQL {
			var sources []sqlsupport.Source
			for _, f := range u.files {
				sources = append(sources, sqlsupport.Source{Name: f.Key, Text: f.Text})
				u.broken = u.broken || slices.ContainsFunc(f.Diagnostics(), func(d source.Diagnostic) bool { return d.Code == sqlsupport.CodeSyntax })
			}
			dec := hclschema.DecodeSQL(sources)
			if !strings.HasPrefix(id, "migrations:") {
				u.fragment = len(dec.Decls) == 0
				for _, diags := range dec.Diags {
					u.fragment = u.fragment || slices.ContainsFunc(diags, func(d source.Diagnostic) bool { return d.Code == sqlsupport.CodeReplay })
				}
			}
			u.dec.Store(dec)
			return
		}
		var parsed []*hclschema.File
		for _, f := range u.files {
			parsed = append(parsed, f.HCL())
			u.broken = u.broken || len(f.HCL().Diags) > 0
		}
		u.dec.Store(hclschema.Redecode(parsed, u.prev))
	})
	return u.dec.Load(), u
}

func (s *Snapshot) unit(id string, files []*File) *unit {
	s.units.mu.Lock()
	defer s.units.mu.Unlock()
	if u, ok := s.units.m[id]; ok && slices.Equal(u.files, files) {
		return u
	}
	u := &unit{files: files}
	if old := s.units.m[id]; old != nil {
		// The old unit may never have been decoded (a version typed
		// past): then its own predecessor's decode is the latest.
		if u.prev = old.dec.Load(); u.prev == nil {
			u.prev = old.prev
		}
	}
	if s.units.m == nil {
		s.units.m = map[string]*unit{}
	}
	s.units.m[id] = u
	return u
}

// DecodedFor returns the decoded unit f belongs to; ok is false for files
// that are not schema files (.sql files are).
func (s *Snapshot) DecodedFor(f *File) (*hclschema.Decoded, bool) {
	if f == nil || !isSchemaFile(f) {
		return nil, false
	}
	dec, _ := s.decoded(f.Key)
	return dec, true
}

// Diagnostics returns f's problems: its own (syntax, spec validation) and
// those of decoding its unit (references, duplicates, types, keys).
// Unresolved references are left out while a file of the unit does not
// parse: what they name may be in the part that did not.
func (s *Snapshot) Diagnostics(f *File) []source.Diagnostic {
	own := f.Diagnostics()
	if !isSchemaFile(f) || hasSyntaxError(own) {
		return own
	}
	dec, u := s.decoded(f.Key)
	out := slices.Clone(own)
	for _, d := range dec.Diags[f.Key] {
		switch {
		case u.broken && (d.Code == hclschema.CodeUnresolved || d.Code == sqlsupport.CodeName):
			continue
		case u.fragment && (d.Code == sqlsupport.CodeName || d.Code == sqlsupport.CodeReplay):
			continue
		case d.Code == sqlsupport.CodeNotModelled:
			// Queries, seed data and grants are at home in SQL files; that
			// the model has no place for them matters to diff, which says so.
			continue
		}
		out = append(out, d)
	}
	sortDiagnostics(out)
	return out
}

// isSchemaFile: an Atlas HCL schema file or a .sql file, which decode
// into a unit.
func isSchemaFile(f *File) bool {
	return f.Kind() == KindSQL || f.Kind() == KindHCL && f.Role() == hclschema.RoleSchema
}

func hasSyntaxError(diags []source.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d source.Diagnostic) bool { return d.Code == hclschema.CodeSyntax })
}
