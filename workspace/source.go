package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// Loaded is a schema read from a source, with the problems found in its
// files (by file).
type Loaded struct {
	Realm *schema.Realm
	Files map[string]*File
	Diags map[string][]source.Diagnostic
}

// HasErrors reports whether any file of the source has an error.
func (l *Loaded) HasErrors() bool {
	for _, diags := range l.Diags {
		for _, d := range diags {
			if d.Severity == source.Error {
				return true
			}
		}
	}
	return false
}

// LoadSource reads the schema a source names, as the diff command takes
// it: a .hcl file or a directory of Atlas schema files; a .sql file, or
// a directory of .sql files (a migration directory) replayed in lexical
// order; env://NAME, the src of an env of the atlas.hcl in dir. Database
// URLs are not read here.
func LoadSource(src, dir string) (*Loaded, error) {
	if name, ok := strings.CutPrefix(src, "env://"); ok {
		return loadEnv(name, dir)
	}
	src = strings.TrimPrefix(src, "file://")
	st, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	paths := []string{src}
	if st.IsDir() {
		entries, err := os.ReadDir(src)
		if err != nil {
			return nil, err
		}
		paths = nil
		for _, e := range entries {
			if k := KindOf(e.Name()); !e.IsDir() && (k == KindHCL || k == KindSQL) {
				paths = append(paths, filepath.Join(src, e.Name()))
			}
		}
		slices.Sort(paths)
	}
	return loadFiles(paths)
}

// loadEnv reads the files an env's src names.
func loadEnv(name, dir string) (*Loaded, error) {
	project := filepath.Join(dir, "atlas.hcl")
	text, err := ReadFile(project)
	if err != nil {
		return nil, err
	}
	pf := hclschema.Parse(project, []byte(text))
	for _, env := range hclschema.EnvSources(pf) {
		if env.Name != name {
			continue
		}
		var paths []string
		for _, p := range env.Paths {
			full := filepath.Join(dir, p)
			st, err := os.Stat(full)
			if err != nil {
				return nil, fmt.Errorf("%s: env %q: %w", project, name, err)
			}
			if !st.IsDir() {
				paths = append(paths, full)
				continue
			}
			entries, err := os.ReadDir(full)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				if k := KindOf(e.Name()); !e.IsDir() && (k == KindHCL || k == KindSQL) {
					paths = append(paths, filepath.Join(full, e.Name()))
				}
			}
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("%s: env %q names no schema files", project, name)
		}
		return loadFiles(paths)
	}
	return nil, fmt.Errorf("%s: no env %q", project, name)
}

// loadFiles reads schema files: all HCL (decoded together) or all SQL
// (replayed in order).
func loadFiles(paths []string) (*Loaded, error) {
	out := &Loaded{Files: map[string]*File{}, Diags: map[string][]source.Diagnostic{}}
	var hcl, sql []*File
	for _, p := range paths {
		text, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		f := NewFile(p, "", 0, false, text)
		switch f.Kind() {
		case KindHCL:
			if f.Role() == hclschema.RoleSchema {
				hcl = append(hcl, f)
			}
		case KindSQL:
			sql = append(sql, f)
		default:
			return nil, fmt.Errorf("%s: not a schema file (want .hcl or .sql)", p)
		}
		out.Files[p] = f
	}
	switch {
	case len(hcl) > 0 && len(sql) > 0:
		return nil, fmt.Errorf("%s and %s: a source is HCL or SQL, not both", hcl[0].Key, sql[0].Key)
	case len(hcl) == 0 && len(sql) == 0:
		return nil, fmt.Errorf("%s: no schema files", strings.Join(paths, ", "))
	case len(hcl) > 0:
		var parsed []*hclschema.File
		for _, f := range hcl {
			parsed = append(parsed, f.HCL())
			out.Diags[f.Key] = append(out.Diags[f.Key], f.Diagnostics()...)
		}
		dec := hclschema.Decode(parsed)
		out.Realm = dec.Realm
		for k, diags := range dec.Diags {
			out.Diags[k] = append(out.Diags[k], diags...)
		}
	default:
		var sources []sqlsupport.Source
		for _, f := range sql {
			sources = append(sources, sqlsupport.Source{Name: f.Key, Text: f.Text})
			out.Diags[f.Key] = append(out.Diags[f.Key], f.Diagnostics()...)
		}
		l := sqlsupport.Load(sources...)
		out.Realm = l.Realm
		for k, diags := range l.Diags {
			for _, d := range diags {
				if d.Code != sqlsupport.CodeSyntax { // each file reports its own
					out.Diags[k] = append(out.Diags[k], d)
				}
			}
		}
	}
	for k := range out.Diags {
		sortDiagnostics(out.Diags[k])
	}
	return out, nil
}
