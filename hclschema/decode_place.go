package hclschema

import (
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// placeObjects makes the model object of every declaration and puts it in
// its schema, so that references can name it before its body is decoded.
func (d *decoder) placeObjects() {
	for _, dc := range d.decls {
		b := dc.block
		switch b.Type {
		case "schema", "trigger", "policy", "event_trigger":
			continue // schemas are declared; triggers and policies join their table
		case "extension":
			e := &schema.Extension{Name: dc.name, Pos: d.pos(dc.file, b.Range())}
			if a := b.Body.Attributes["schema"]; a != nil {
				if tg, ok := d.resolve(dc.file, a.Expr, []string{"schema"}, nil); ok {
					e.Schema = tg.decl.obj.(*schema.Schema).Name
				}
			}
			if a := b.Body.Attributes["version"]; a != nil {
				e.Version, _ = stringValue(a.Expr)
			}
			e.Comment, _ = stringAttr(b.Body, "comment")
			dc.obj = e
			d.out.Realm.Extensions = append(d.out.Realm.Extensions, e)
			continue
		}
		s := d.place(dc)
		if s == nil {
			continue
		}
		pos := d.pos(dc.file, b.Range())
		switch b.Type {
		case "table":
			t := &schema.Table{Schema: s, Name: dc.name, Pos: pos}
			s.Tables = append(s.Tables, t)
			dc.obj = t
		case "view", "materialized":
			v := &schema.View{Schema: s, Name: dc.name, Materialized: b.Type == "materialized", Pos: pos}
			s.Views = append(s.Views, v)
			dc.obj = v
		case "function", "procedure", "aggregate":
			fn := &schema.Func{Schema: s, Name: dc.name, Kind: map[string]schema.FuncKind{"function": schema.Function, "procedure": schema.Procedure, "aggregate": schema.Aggregate}[b.Type], Pos: pos}
			s.Funcs = append(s.Funcs, fn)
			dc.obj = fn
		case "enum":
			e := &schema.Enum{Schema: s, Name: dc.name, Pos: pos}
			s.Enums = append(s.Enums, e)
			dc.obj = e
		case "domain":
			dm := &schema.Domain{Schema: s, Name: dc.name, Null: true, Pos: pos}
			s.Domains = append(s.Domains, dm)
			dc.obj = dm
		case "composite":
			c := &schema.Composite{Schema: s, Name: dc.name, Pos: pos}
			s.Composites = append(s.Composites, c)
			dc.obj = c
		case "sequence":
			q := &schema.Sequence{Schema: s, Name: dc.name, Pos: pos}
			s.Sequences = append(s.Sequences, q)
			dc.obj = q
		}
	}
}

// place finds the schema of dc's object and declares it, or reuses what
// an earlier decode found for the same block while its lookups hold.
func (d *decoder) place(dc *decl) *schema.Schema {
	if m := d.prev[dc.block]; m != nil && m.place != nil && d.depsHold(m.place.deps) {
		dc.place = moved(m.place, d.start(dc.file, dc.block))
		return d.schemas[dc.place.schema]
	}
	dc.place = &blockMemo{block: dc.block, start: d.start(dc.file, dc.block)}
	d.cur = dc.place
	defer func() { d.cur = nil }()
	s := d.schemaFor(dc)
	if s != nil {
		dc.place.schema = s.Name
		d.declare(dc.file, dc.block, d.pos(dc.file, dc.block.Range()))
	}
	return s
}

// schemaFor finds the schema an object belongs to: its schema attribute,
// or the first of two labels (table "public" "users").
func (d *decoder) schemaFor(dc *decl) *schema.Schema {
	b := dc.block
	if a := b.Body.Attributes["schema"]; a != nil {
		if tg, ok := d.resolve(dc.file, a.Expr, []string{"schema"}, nil); ok {
			return tg.decl.obj.(*schema.Schema)
		}
		return nil
	}
	if len(b.Labels) == 2 {
		if s := d.schemaNamed(b.Labels[0]); s != nil {
			name := dc.file.Range(b.LabelRanges[0])
			if name.End-name.Start >= 2 && dc.file.Src[name.Start] == '"' {
				name.Start, name.End = name.Start+1, name.End-1
			}
			d.addRef(Ref{File: dc.file.Name, Range: name, Target: s.Pos}, d.schemaDecls[b.Labels[0]])
			return s
		}
		d.report(dc.file, b.LabelRanges[0], source.Error, CodeUnresolved, "Schema %q is not declared: add schema %q {}", b.Labels[0], b.Labels[0])
	}
	return nil
}

// namespaces: PostgreSQL keeps relations (tables, views, sequences) in one
// namespace per schema and types in another; a table also makes a type of
// its name.
var namespaces = map[string][]string{
	"table": {"relation", "type"}, "view": {"relation", "type"}, "materialized": {"relation", "type"},
	"sequence": {"relation"}, "enum": {"type"}, "domain": {"type"}, "composite": {"type"},
}

// checkDuplicates reports a second object of the same name in a schema's
// namespace, and routines with the same name and argument types.
func (d *decoder) checkDuplicates() {
	seen := map[string]*decl{}
	for _, dc := range d.decls {
		if dc.obj == nil {
			continue
		}
		s := schemaOf(dc)
		var keys []string
		for _, ns := range namespaces[dc.block.Type] {
			keys = append(keys, s+"\x00"+ns+"\x00"+dc.name)
		}
		if dc.block.Type == "function" || dc.block.Type == "procedure" || dc.block.Type == "aggregate" {
			keys = append(keys, s+"\x00routine\x00"+dc.name+"("+argSignature(dc)+")")
		}
		for _, key := range keys {
			if prev, dup := seen[key]; dup {
				at := dc.block.LabelRanges[len(dc.block.LabelRanges)-1]
				first := d.where(d.pos(prev.file, prev.block.Range()))
				if strings.Contains(key, "\x00routine\x00") {
					d.report(dc.file, at, source.Error, CodeDuplicate, "Duplicate %s %s(%s) in schema %q: the %s at %s has the same name and argument types", dc.block.Type, dc.name, argSignature(dc), s, prev.block.Type, first)
				} else if prev.block.Type == dc.block.Type {
					d.report(dc.file, at, source.Error, CodeDuplicate, "Duplicate %s %q in schema %q: already declared at %s", dc.block.Type, dc.name, s, first)
				} else {
					d.report(dc.file, at, source.Error, CodeDuplicate, "The name %q is already taken in schema %q by the %s at %s: tables, views, sequences and types share names", dc.name, s, prev.block.Type, first)
				}
				break
			}
			seen[key] = dc
		}
	}
}

// argSignature is a routine's IN argument types, normalised (int and
// integer are the same argument type).
func argSignature(dc *decl) string {
	var types []string
	for _, b := range dc.block.Body.Blocks {
		if b.Type != "arg" {
			continue
		}
		if m := b.Body.Attributes["mode"]; m != nil {
			if w := exprText(dc.file, m.Expr); strings.EqualFold(w, "OUT") {
				continue
			}
		}
		if t := b.Body.Attributes["type"]; t != nil {
			name, known := typeName(t.Expr)
			if !known {
				name = exprText(dc.file, t.Expr)
			}
			types = append(types, name)
		}
	}
	return strings.Join(types, ",")
}
