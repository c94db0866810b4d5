package hclschema

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Env is an env block of an atlas.hcl and the schema files its src names.
type Env struct {
	Name  string
	Paths []string // relative to the atlas.hcl's directory
}

// EnvSources returns, for each labelled env of a project file, the paths
// its src names (a string or a list): file:// URLs, and the files of the
// project's hcl_schema and composite_schema data sources it refers to
// (data.hcl_schema.x.url). Other computed values (variables, external
// programs) are left out.
func EnvSources(f *File) []Env {
	var out []Env
	for _, b := range f.Body().Blocks {
		if b.Type != "env" || len(b.Labels) == 0 {
			continue
		}
		env := Env{Name: b.Labels[0]}
		if a := b.Body.Attributes["src"]; a != nil {
			for _, e := range listItems(a.Expr) {
				env.Paths = append(env.Paths, sourcePaths(e, f.Body(), 0)...)
			}
		}
		out = append(out, env)
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
