package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
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
	dec   *hclschema.Decoded
	// broken: some file has syntax errors, so references into what did
	// not parse cannot be trusted.
	broken bool
}

// envs maps files named by atlas.hcl envs to their units, computed once
// per snapshot.
type envs struct {
	once   sync.Once
	byFile map[string]string   // schema file key -> unit id (the first env naming it)
	files  map[string][]string // unit id -> file keys
	byProj map[string][]string // atlas.hcl key -> unit ids it defines
}

// unitOf returns the id and files of the unit holding key.
func (s *Snapshot) unitOf(key string) (string, []*File) {
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

// envUnits reads the src of every env of every atlas.hcl.
func (s *Snapshot) envUnits() *envs {
	e := s.envs
	e.once.Do(func() {
		e.byFile, e.files, e.byProj = map[string]string{}, map[string][]string{}, map[string][]string{}
		all := s.Files()
		for _, proj := range all {
			if proj.Kind() != KindHCL || proj.Role() != hclschema.RoleProject {
				continue
			}
			base := filepath.Dir(proj.Key)
			for _, b := range proj.HCL().Body().Blocks {
				if b.Type != "env" || len(b.Labels) == 0 {
					continue
				}
				id := "env:" + proj.Key + "#" + b.Labels[0]
				for _, src := range envSources(b, proj.HCL().Body()) {
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
				if len(e.files[id]) > 0 {
					e.byProj[proj.Key] = append(e.byProj[proj.Key], id)
				}
			}
		}
	})
	return e
}

// envSources returns the paths an env's src names (a string or a list):
// file:// URLs, and the files of the project's hcl_schema and
// composite_schema data sources it refers to (data.hcl_schema.x.url).
// Other computed values (variables, external programs) are left out.
func envSources(b *hclsyntax.Block, project *hclsyntax.Body) []string {
	a := b.Body.Attributes["src"]
	if a == nil {
		return nil
	}
	var out []string
	for _, e := range listItems(a.Expr) {
		out = append(out, sourcePaths(e, project, 0)...)
	}
	return out
}

// sourcePaths reads one schema source: a "file://…" string, or a
// reference to a data source's url.
func sourcePaths(e hclsyntax.Expression, project *hclsyntax.Body, depth int) []string {
	if s, ok := stringValue(e); ok {
		if strings.HasPrefix(s, "file://") {
			return []string{strings.TrimPrefix(s, "file://")}
		}
		return nil
	}
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok || depth > 4 || len(t.Traversal) != 4 || t.Traversal.RootName() != "data" {
		return nil
	}
	var step []string
	for _, s := range t.Traversal[1:] {
		attr, ok := s.(hcl.TraverseAttr)
		if !ok {
			return nil
		}
		step = append(step, attr.Name)
	}
	if step[2] != "url" {
		return nil
	}
	for _, d := range project.Blocks {
		if d.Type != "data" || len(d.Labels) != 2 || d.Labels[0] != step[0] || d.Labels[1] != step[1] {
			continue
		}
		var out []string
		switch step[0] {
		case "hcl_schema":
			for _, name := range []string{"path", "paths"} {
				if p := d.Body.Attributes[name]; p != nil {
					for _, item := range listItems(p.Expr) {
						if s, ok := stringValue(item); ok {
							out = append(out, s)
						}
					}
				}
			}
		case "composite_schema":
			for _, part := range d.Body.Blocks {
				if u := part.Body.Attributes["url"]; part.Type == "schema" && u != nil {
					out = append(out, sourcePaths(u.Expr, project, depth+1)...)
				}
			}
		}
		return out
	}
	return nil
}

// listItems is the items of a list expression, or the expression itself.
func listItems(e hclsyntax.Expression) []hclsyntax.Expression {
	if t, ok := e.(*hclsyntax.TupleConsExpr); ok {
		return t.Exprs
	}
	return []hclsyntax.Expression{e}
}

func stringValue(e hclsyntax.Expression) (string, bool) {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
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
			if f.Kind() == KindHCL && strings.HasPrefix(f.Key, filepath.Dir(key)) {
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
		var parsed []*hclschema.File
		for _, f := range u.files {
			parsed = append(parsed, f.HCL())
			u.broken = u.broken || len(f.HCL().Diags) > 0
		}
		u.dec = hclschema.Decode(parsed)
	})
	return u.dec, u
}

func (s *Snapshot) unit(id string, files []*File) *unit {
	s.units.mu.Lock()
	defer s.units.mu.Unlock()
	if u, ok := s.units.m[id]; ok && slices.Equal(u.files, files) {
		return u
	}
	u := &unit{files: files}
	if s.units.m == nil {
		s.units.m = map[string]*unit{}
	}
	s.units.m[id] = u
	return u
}

// DecodedFor returns the decoded unit f belongs to; ok is false for files
// that are not schema files.
func (s *Snapshot) DecodedFor(f *File) (*hclschema.Decoded, bool) {
	if f == nil || f.Kind() != KindHCL || f.Role() != hclschema.RoleSchema {
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
	if f.Kind() != KindHCL || f.Role() != hclschema.RoleSchema || hasSyntaxError(own) {
		return own
	}
	dec, u := s.decoded(f.Key)
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
