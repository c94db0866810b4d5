package hclschema

import (
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// Decoding is incremental per top-level block. What a block decodes to —
// its model object, diagnostics, declarations, resolved references,
// pending foreign keys and the trigger or policy it attaches — is kept in
// a blockMemo together with every name lookup it made (its deps). The
// next decode of the unit reuses the memo of a block whose syntax tree is
// the same (parsing reuses unchanged chunks) while each lookup still
// finds the same block: an edit re-decodes the blocks it touched and the
// blocks that refer to them, nothing else. A reused block that moved
// within its file (an edit above it changed byte offsets, not lines) has
// its positions shifted, not recomputed.

// blockMemo is what one top-level block decoded to.
type blockMemo struct {
	place  *blockMemo // placing the object in its schema, kept apart
	block  *hclsyntax.Block
	start  int    // the block's byte offset in its file when recorded
	schema string // the schema the object was placed in
	obj    any    // the object's decoded fields (table, view, function, …)
	attach any    // a trigger or policy, added to its owner's list
	owner  *hclsyntax.Block
	diags  []source.Diagnostic
	decls  []Ref
	refs   []memoRef
	fks    []*pendingFK
	deps   []dep
	// sql holds what the block's SQL names resolved to, valid while the
	// model's names have the signature it was made with.
	sql *sqlMemo
}

// sqlMemo is a block's SQL name results (see checkSQLNames).
type sqlMemo struct {
	sig    uint64
	schema string
	diags  []source.Diagnostic
	refs   []memoRef
}

// memoRef is a resolved reference and the top-level block holding its
// target, whose own move shifts the target.
type memoRef struct {
	Ref
	top   *hclsyntax.Block
	start int // top's offset when recorded
}

// dep is one lookup a block made: a declared schema by name (kind
// schemaByName), or an object of a kind by name, optionally in a schema. got is the block
// it found (nil if none), in schema gotSchema; fp fingerprints the names
// of the kind when nothing was found, since suggestions come from them.
type dep struct {
	kind, schema, name string
	got                *hclsyntax.Block
	gotSchema          string
	fp                 uint64
}

// schemaByName is the kind of a schemaNamed lookup, which is not a
// lookup of the schema objects' labels.
const schemaByName = "\x00schema"

// lookup finds the first object of kind declared (by label) as name, in
// schema sch unless sch is empty, recording the lookup.
func (d *decoder) lookup(kind, sch, name string) *decl {
	var found *decl
	for _, dc := range d.objects[kind][name] {
		if sch == "" || schemaOf(dc) == sch {
			found = dc
			break
		}
	}
	if d.cur != nil {
		dp := dep{kind: kind, schema: sch, name: name}
		if found != nil {
			dp.got, dp.gotSchema = found.block, schemaOf(found)
		} else {
			dp.fp = d.fingerprint(kind)
		}
		d.cur.deps = append(d.cur.deps, dp)
	}
	return found
}

// schemaNamed returns the declared schema called name, recording the
// lookup.
func (d *decoder) schemaNamed(name string) *schema.Schema {
	dc := d.schemaDecls[name]
	if d.cur != nil {
		dp := dep{kind: schemaByName, name: name}
		if dc != nil {
			dp.got = dc.block
		}
		d.cur.deps = append(d.cur.deps, dp)
	}
	if dc == nil {
		return nil
	}
	return d.schemas[name]
}

// fingerprint hashes the labels and schemas of every object of kind.
func (d *decoder) fingerprint(kind string) uint64 {
	if fp, ok := d.fps[kind]; ok {
		return fp
	}
	var names []string
	for label, dcs := range d.objects[kind] {
		for _, dc := range dcs {
			names = append(names, schemaOf(dc)+"\x00"+label)
		}
	}
	slices.Sort(names)
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	d.fps[kind] = h.Sum64()
	return d.fps[kind]
}

// stillValid reports whether m, recorded for an earlier version of dc's
// block, holds now: the object sits in the same schema and every lookup
// finds what it found.
func (d *decoder) stillValid(dc *decl, m *blockMemo) bool {
	return m.schema == schemaOf(dc) && d.depsHold(m.deps)
}

// depsHold reports whether every lookup finds what it found.
func (d *decoder) depsHold(deps []dep) bool {
	for _, dp := range deps {
		if dp.kind == schemaByName {
			got := d.schemaDecls[dp.name]
			if got == nil && dp.got != nil || got != nil && got.block != dp.got {
				return false
			}
			continue
		}
		var got *decl
		for _, c := range d.objects[dp.kind][dp.name] {
			if dp.schema == "" || schemaOf(c) == dp.schema {
				got = c
				break
			}
		}
		switch {
		case got == nil && (dp.got != nil || d.fingerprint(dp.kind) != dp.fp):
			return false
		case got != nil && (got.block != dp.got || schemaOf(got) != dp.gotSchema):
			return false
		}
	}
	return true
}

// moved returns m for a block that now starts at start, its positions
// shifted; targets in other blocks are re-pointed by emit.
func moved(m *blockMemo, start int) *blockMemo {
	n := *m
	n.start = start
	delta := start - m.start
	if delta == 0 {
		return &n
	}
	n.diags = make([]source.Diagnostic, len(m.diags))
	for i, diag := range m.diags {
		diag.Range = shiftRange(diag.Range, delta)
		n.diags[i] = diag
	}
	n.decls = make([]Ref, len(m.decls))
	for i, r := range m.decls {
		r.Range, r.Target.Range = shiftRange(r.Range, delta), shiftRange(r.Target.Range, delta)
		n.decls[i] = r
	}
	n.refs = make([]memoRef, len(m.refs))
	for i, r := range m.refs {
		r.Range = shiftRange(r.Range, delta)
		n.refs[i] = r
	}
	if m.attach != nil {
		n.attach = shifted(m.attach, delta)
	}
	if m.obj != nil {
		n.obj = shifted(m.obj, delta)
	}
	if m.sql != nil {
		sql := *m.sql
		sql.diags = make([]source.Diagnostic, len(m.sql.diags))
		for i, diag := range m.sql.diags {
			diag.Range = shiftRange(diag.Range, delta)
			sql.diags[i] = diag
		}
		sql.refs = make([]memoRef, len(m.sql.refs))
		for i, r := range m.sql.refs {
			r.Range = shiftRange(r.Range, delta)
			sql.refs[i] = r
		}
		n.sql = &sql
	}
	return &n
}

// reuse fills dc's freshly placed object from m, shifted to where dc's
// block is now, and returns the memo to keep for the next decode.
func (d *decoder) reuse(dc *decl, m *blockMemo) *blockMemo {
	n := moved(m, d.start(dc.file, dc.block))
	n.place = dc.place
	src := n.obj
	n.obj = bodyObject(dc.obj)
	if src == nil || dc.obj == nil {
		return n
	}
	// The fresh object keeps what placing it set (schema, name, position)
	// and what other blocks add (triggers, policies).
	switch o := dc.obj.(type) {
	case *schema.Table:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Table)
		o.Schema, o.Name, o.Pos, o.Triggers, o.Policies = s, name, pos, nil, nil
	case *schema.View:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.View)
		o.Schema, o.Name, o.Pos, o.Triggers = s, name, pos, nil
	case *schema.Func:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Func)
		o.Schema, o.Name, o.Pos = s, name, pos
	case *schema.Enum:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Enum)
		o.Schema, o.Name, o.Pos = s, name, pos
	case *schema.Domain:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Domain)
		o.Schema, o.Name, o.Pos = s, name, pos
	case *schema.Composite:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Composite)
		o.Schema, o.Name, o.Pos = s, name, pos
	case *schema.Sequence:
		s, name, pos := o.Schema, o.Name, o.Pos
		*o = *src.(*schema.Sequence)
		o.Schema, o.Name, o.Pos = s, name, pos
	}
	return n
}

// bodyObject returns o if its fields come from decoding its block's body
// (schemas and extensions are made whole when placed), else nil.
func bodyObject(o any) any {
	switch o.(type) {
	case *schema.Table, *schema.View, *schema.Func, *schema.Enum, *schema.Domain, *schema.Composite, *schema.Sequence:
		return o
	}
	return nil
}

// start is the byte offset of a top-level block in its file now.
func (d *decoder) start(f *File, b *hclsyntax.Block) int {
	return f.Offset(b.Range().Start)
}

func shiftRange(r source.Range, delta int) source.Range {
	return source.Range{Start: r.Start + delta, End: r.End + delta}
}

// emit adds a block's results to the output, re-pointing references at
// targets whose blocks moved.
func (d *decoder) emit(dc *decl, m *blockMemo) {
	if m.place != nil {
		d.emitOutputs(dc, m.place)
	}
	d.emitOutputs(dc, m)
	if m.attach != nil {
		if od := d.byBlock[m.owner]; od != nil {
			switch o := od.obj.(type) {
			case *schema.Table:
				switch a := m.attach.(type) {
				case *schema.Trigger:
					o.Triggers = append(o.Triggers, a)
				case *schema.Policy:
					o.Policies = append(o.Policies, a)
				}
			case *schema.View:
				if a, ok := m.attach.(*schema.Trigger); ok {
					o.Triggers = append(o.Triggers, a)
				}
			}
		}
	}
	d.fks = append(d.fks, m.fks...)
	d.out.memo[dc.block] = m
}

// emitOutputs adds a memo's diagnostics, declarations and references.
func (d *decoder) emitOutputs(dc *decl, m *blockMemo) {
	if len(m.diags) > 0 {
		d.out.Diags[dc.file.Name] = append(d.out.Diags[dc.file.Name], m.diags...)
	}
	d.out.Decls = append(d.out.Decls, m.decls...)
	m.refs = d.emitRefs(m.refs)
}

// emitRefs adds references to the output, re-pointed at targets whose
// blocks moved; it returns them as re-pointed, for the next decode.
func (d *decoder) emitRefs(refs []memoRef) []memoRef {
	moved := false
	for _, r := range refs {
		if td := d.byBlock[r.top]; td != nil && d.start(td.file, r.top) != r.start {
			moved = true
			break
		}
	}
	if moved {
		out := make([]memoRef, len(refs))
		for i, r := range refs {
			if td := d.byBlock[r.top]; td != nil {
				now := d.start(td.file, r.top)
				r.Target.Range = shiftRange(r.Target.Range, now-r.start)
				r.start = now
			}
			out[i] = r
		}
		refs = out
	}
	for _, r := range refs {
		d.out.Refs = append(d.out.Refs, r.Ref)
	}
	return refs
}

// addRef records a resolved reference whose target is in top's block.
func (d *decoder) addRef(r Ref, top *decl) {
	if d.cur == nil {
		d.out.Refs = append(d.out.Refs, r)
		return
	}
	m := memoRef{Ref: r}
	if top != nil {
		m.top, m.start = top.block, d.start(top.file, top.block)
	}
	d.cur.refs = append(d.cur.refs, m)
}

// shifted copies a model object made from one block, moving every
// position in it by delta. Parts without positions are shared; the schema
// back-pointer is kept. TestShiftedCoversEveryPosition checks that no
// position of the model is missed.
func shifted(obj any, delta int) any {
	p := func(pos schema.Pos) schema.Pos { pos.Range = shiftRange(pos.Range, delta); return pos }
	expr := func(e *schema.Expr) *schema.Expr {
		if e == nil {
			return nil
		}
		c := *e
		c.Pos = p(c.Pos)
		return &c
	}
	cols := func(cs []*schema.Column) []*schema.Column {
		if cs == nil {
			return nil
		}
		out := make([]*schema.Column, len(cs))
		for i, c := range cs {
			n := *c
			n.Pos, n.Default, n.Generated = p(n.Pos), expr(n.Default), expr(n.Generated)
			out[i] = &n
		}
		return out
	}
	index := func(ix *schema.Index) *schema.Index {
		if ix == nil {
			return nil
		}
		n := *ix
		n.Pos = p(n.Pos)
		return &n
	}
	indexes := func(ixs []*schema.Index) []*schema.Index {
		return each(ixs, index)
	}
	checks := func(cs []*schema.Check) []*schema.Check {
		return each(cs, func(c *schema.Check) *schema.Check { n := *c; n.Pos = p(n.Pos); return &n })
	}
	triggers := func(ts []*schema.Trigger) []*schema.Trigger {
		return each(ts, func(t *schema.Trigger) *schema.Trigger { n := *t; n.Pos = p(n.Pos); return &n })
	}
	switch o := obj.(type) {
	case *schema.Table:
		n := *o
		n.Pos, n.Columns, n.PrimaryKey, n.Indexes, n.Checks, n.Triggers = p(n.Pos), cols(n.Columns), index(n.PrimaryKey), indexes(n.Indexes), checks(n.Checks), triggers(n.Triggers)
		n.ForeignKeys = each(n.ForeignKeys, func(fk *schema.ForeignKey) *schema.ForeignKey { c := *fk; c.Pos = p(c.Pos); return &c })
		n.Excludes = each(n.Excludes, func(ex *schema.Exclude) *schema.Exclude { c := *ex; c.Pos = p(c.Pos); return &c })
		n.Policies = each(n.Policies, func(pl *schema.Policy) *schema.Policy { c := *pl; c.Pos = p(c.Pos); return &c })
		return &n
	case *schema.View:
		n := *o
		n.Pos, n.Columns, n.Indexes, n.Triggers = p(n.Pos), cols(n.Columns), indexes(n.Indexes), triggers(n.Triggers)
		return &n
	case *schema.Func:
		n := *o
		n.Pos, n.ReturnTable = p(n.Pos), cols(n.ReturnTable)
		n.Args = each(n.Args, func(a *schema.FuncArg) *schema.FuncArg { c := *a; c.Default = expr(c.Default); return &c })
		return &n
	case *schema.Domain:
		n := *o
		n.Pos, n.Default, n.Checks = p(n.Pos), expr(n.Default), checks(n.Checks)
		return &n
	case *schema.Composite:
		n := *o
		n.Pos, n.Fields = p(n.Pos), cols(n.Fields)
		return &n
	case *schema.Enum:
		n := *o
		n.Pos = p(n.Pos)
		return &n
	case *schema.Sequence:
		n := *o
		n.Pos = p(n.Pos)
		return &n
	case *schema.Trigger:
		n := *o
		n.Pos = p(n.Pos)
		return &n
	case *schema.Policy:
		n := *o
		n.Pos = p(n.Pos)
		return &n
	}
	panic(fmt.Sprintf("shifted: %T is not a model object", obj))
}

// each maps f over list, keeping nil as nil.
func each[T any](list []T, f func(T) T) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i, v := range list {
		out[i] = f(v)
	}
	return out
}
