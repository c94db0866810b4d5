package hclschema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/internal/suggest"
	"github.com/schema-ls/schema-ls/schema"
)

// traversal returns the static traversal of e; ok is false for other
// expressions and for computed roots (var, local, each, data), which are
// not resolved here. A step is a name (.users) or, for a name that is not
// an HCL identifier, a string index (column["First Name"]), as Atlas
// writes it.
func traversal(e hclsyntax.Expression) (hcl.Traversal, bool) {
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return nil, false
	}
	switch t.Traversal.RootName() {
	case "var", "local", "each", "count", "data", "atlas":
		return nil, false
	}
	for _, step := range t.Traversal[1:] {
		if _, ok := stepName(step); !ok {
			return nil, false
		}
	}
	return t.Traversal, true
}

// stepName is the name a traversal step gives: an attribute's, or a
// string index's.
func stepName(step hcl.Traverser) (string, bool) {
	switch s := step.(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.IsKnown() && !s.Key.IsNull() && s.Key.Type() == cty.String {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

func steps(t hcl.Traversal) []string {
	out := []string{t.RootName()}
	for _, s := range t[1:] {
		name, _ := stepName(s)
		out = append(out, name)
	}
	return out
}

// target is what a reference resolved to.
type target struct {
	decl   *decl          // the object (nil for a column)
	column *schema.Column // set for column references
	owner  *decl          // the table or view of a column
	pos    schema.Pos
}

// resolve resolves a reference to an object of one of kinds ("column" for
// columns of owner, or table.t.column.c). It reports what does not
// resolve; ok is false then, and for expressions that are not static
// references.
func (d *decoder) resolve(f *File, e hclsyntax.Expression, kinds []string, owner *columns) (target, bool) {
	t, ok := traversal(e)
	if !ok {
		return target{}, false
	}
	st := steps(t)
	r := e.Range()
	fail := func(format string, args ...any) (target, bool) {
		d.report(f, r, source.Error, CodeUnresolved, "Unresolved reference %s: %s", strings.Join(st, "."), fmt.Sprintf(format, args...))
		return target{}, false
	}
	var tg target
	type named struct {
		ref Ref
		top *decl
	}
	var names []named // name segments, what each names and the block holding it
	seg := func(i int, pos schema.Pos, top *decl) {
		r := f.Range(t[i].SourceRange())
		if _, index := t[i].(hcl.TraverseIndex); index && r.End-r.Start >= 4 {
			r.Start, r.End = r.Start+2, r.End-2 // ["name"]
		} else if i > 0 {
			r.Start++ // a step's range starts at its dot
		}
		names = append(names, named{Ref{File: f.Name, Range: r, Target: pos}, top})
	}
	switch {
	case st[0] == "column" && len(st) == 2:
		if owner == nil {
			return fail("column.%s is only meaningful inside a table or view", st[1])
		}
		c := owner.column(st[1])
		if c == nil {
			return fail("%s %q has no column %q%s", owner.kind, owner.name, st[1], didYouMean(st[1], owner.names(), "column."))
		}
		tg = target{column: c, owner: d.byObj[owner.obj], pos: c.Pos}
		seg(1, c.Pos, tg.owner)
	case len(st) >= 4 && st[len(st)-2] == "column":
		dc, ok := d.find(f, r, st[:len(st)-2], []string{"table", "view", "materialized"})
		if !ok {
			return target{}, false
		}
		seg(len(st)-3, d.pos(dc.file, dc.block.Range()), dc)
		if len(st) == 5 {
			if s := d.schemaNamed(st[1]); s != nil {
				seg(1, s.Pos, d.schemaDecls[st[1]]) // table.<schema>.t.column.c
			}
		}
		var owner *columns
		switch o := dc.obj.(type) {
		case *schema.Table:
			owner = d.columnsOf(dc) // a partition's are its root's
		case *schema.View:
			owner = viewColumns(o)
		}
		if owner == nil {
			return target{}, false // not placed (no schema), or a partition without its parent: already reported
		}
		col := st[len(st)-1]
		c := owner.column(col)
		if c == nil {
			return fail("%s %q has no column %q%s", owner.kind, owner.name, col, didYouMean(col, owner.names(), strings.Join(st[:len(st)-1], ".")+"."))
		}
		tg = target{column: c, owner: dc, pos: c.Pos}
		seg(len(st)-1, c.Pos, d.byObj[owner.obj])
	default:
		dc, ok := d.find(f, r, st, kinds)
		if !ok {
			return target{}, false
		}
		tg = target{decl: dc, pos: d.pos(dc.file, dc.block.Range())}
		seg(len(st)-1, tg.pos, dc)
		if len(st) == 3 {
			if s := d.schemaNamed(st[1]); s != nil {
				seg(1, s.Pos, d.schemaDecls[st[1]])
			}
		}
	}
	if !slices.Contains(kinds, "column") && tg.column != nil {
		return fail("expected a reference to %s, not a column", orList(kinds))
	}
	for _, n := range names {
		d.addRef(n.ref, n.top)
	}
	return tg, true
}

// find resolves kind.name or kind.schema.name.
func (d *decoder) find(f *File, r hcl.Range, st []string, kinds []string) (*decl, bool) {
	ref := strings.Join(st, ".")
	kind := st[0]
	if !slices.Contains(kinds, kind) {
		return nil, false // the wrong kind of reference: spec validation reports it
	}
	if len(st) != 2 && len(st) != 3 {
		d.report(f, r, source.Error, CodeUnresolved, "Invalid reference %s: write %s.<name> or %s.<schema>.<name>", ref, kind, kind)
		return nil, false
	}
	name, sch := st[len(st)-1], ""
	if len(st) == 3 {
		sch = st[1]
	}
	if dc := d.lookup(kind, sch, name); dc != nil {
		return dc, true
	}
	what := fmt.Sprintf("no %s named %q", kind, name)
	if len(st) == 3 {
		what += fmt.Sprintf(" in schema %q", st[1])
		// The name may exist in another schema: point there (the lookup's
		// fingerprint covers these names).
		for _, dc := range d.objects[kind][name] {
			d.report(f, r, source.Error, CodeUnresolved, "Unresolved reference %s: %s; did you mean %s.%s.%s?", ref, what, kind, schemaOf(dc), name)
			return nil, false
		}
	}
	var names []string
	for n := range d.objects[kind] {
		names = append(names, n)
	}
	slices.Sort(names)
	d.report(f, r, source.Error, CodeUnresolved, "Unresolved reference %s: %s%s", ref, what, didYouMean(name, names, kind+"."))
	return nil, false
}

// schemaOf is the schema name an object was placed in, "" if none.
func schemaOf(dc *decl) string {
	switch o := dc.obj.(type) {
	case *schema.Schema:
		return o.Name
	case *schema.Table:
		return o.Schema.Name
	case *schema.View:
		return o.Schema.Name
	case *schema.Func:
		return o.Schema.Name
	case *schema.Enum:
		return o.Schema.Name
	case *schema.Domain:
		return o.Schema.Name
	case *schema.Composite:
		return o.Schema.Name
	case *schema.Sequence:
		return o.Schema.Name
	}
	return ""
}

func didYouMean(name string, candidates []string, prefix string) string {
	if s := suggest.Closest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %s%s?", prefix, s)
	}
	return ""
}

// columns is what `column.x` can name: the columns of the table or view
// being decoded.
type columns struct {
	kind, name string
	list       []*schema.Column
	obj        any // the table or view
}

func tableColumns(t *schema.Table) *columns {
	if t == nil {
		return nil
	}
	return &columns{"table", t.Name, t.Columns, t}
}

func viewColumns(v *schema.View) *columns {
	kind := "view"
	if v.Materialized {
		kind = "materialized view"
	}
	return &columns{kind, v.Name, v.Columns, v}
}

func (c *columns) column(name string) *schema.Column {
	for _, col := range c.list {
		if col.Name == name {
			return col
		}
	}
	return nil
}

func (c *columns) names() []string {
	out := make([]string, len(c.list))
	for i, col := range c.list {
		out[i] = col.Name
	}
	return out
}
