package hclschema

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// Diagnostic codes of decoding.
const (
	CodeUnresolved   = "unresolved-reference"
	CodeDuplicate    = "duplicate-object"
	CodeUnknownType  = "unknown-type"
	CodeInvalidType  = "invalid-type"
	CodeForeignKey   = "foreign-key"
	CodeTriggerFunc  = "trigger-function"
	CodeNotUniqueRef = "foreign-key-not-unique"
)

// Decoded is one schema decoded from the HCL files that form it.
type Decoded struct {
	Realm *schema.Realm
	// Diags are the decoding problems, by file name.
	Diags map[string][]source.Diagnostic
	// Refs are the references that resolved, for navigation.
	Refs []Ref
	// Decls are the declarations references can name.
	Decls []Ref
	// memo is what each top-level block decoded to, for the next decode.
	memo map[*hclsyntax.Block]*blockMemo
	// sqlCtx is what the SQL of each top-level block may name (completion
	// reads it).
	sqlCtx map[*hclsyntax.Block]*sqlsupport.Context
	// Redecoded counts the blocks decoded afresh rather than reused.
	Redecoded int
}

// Ref is a name in a file and the object it names (for a declaration, the
// object itself): Range is the name alone, without quotes or dots, so
// renaming replaces exactly it.
type Ref struct {
	File   string
	Range  source.Range
	Target schema.Pos
	SQL    bool // the name is written in SQL, where it may need quotes
}

// declare records the declaration of an object whose block is b.
func (d *decoder) declare(f *File, b *hclsyntax.Block, target schema.Pos) {
	if len(b.Labels) == 0 {
		return
	}
	r := b.LabelRanges[len(b.LabelRanges)-1]
	name := f.Range(r)
	if name.End-name.Start >= 2 && f.Src[name.Start] == '"' {
		name.Start++
		name.End--
	}
	ref := Ref{File: f.Name, Range: name, Target: target}
	if d.cur != nil {
		d.cur.decls = append(d.cur.decls, ref)
		return
	}
	d.out.Decls = append(d.out.Decls, ref)
}

// decl is a top-level object block waiting to be decoded.
type decl struct {
	file  *File
	block *hclsyntax.Block
	name  string
	obj   any        // the model object, once made
	memo  *blockMemo // what the block decodes to
	place *blockMemo // placing the object in its schema
}

type decoder struct {
	out         *Decoded
	files       map[string]*File
	schemas     map[string]*schema.Schema
	schemaDecls map[string]*decl
	decls       []*decl
	byBlock     map[*hclsyntax.Block]*decl
	byObj       map[any]*decl            // by model object
	colOwner    map[*schema.Column]*decl // the table or view of each column, made when first needed
	// objects by kind, then name; a name may hold several (overloads,
	// same name in several schemas).
	objects map[string]map[string][]*decl
	fks     []*pendingFK
	// cur collects what the block being decoded finds and reports; nil
	// while decoding what belongs to the whole unit.
	cur  *blockMemo
	prev map[*hclsyntax.Block]*blockMemo
	fps  map[string]uint64 // name fingerprints by kind
}

// Decode decodes schema files that form one schema (a directory of them,
// or an env's src) into a realm, resolving references across the files in
// any order. Files with syntax errors contribute what parsed.
func Decode(files []*File) *Decoded { return Redecode(files, nil) }

// Redecode is Decode reusing what prev, an earlier decode of the same
// unit, found for the blocks that did not change (see decode_memo.go).
func Redecode(files []*File, prev *Decoded) *Decoded {
	d := &decoder{
		out:         &Decoded{Realm: &schema.Realm{}, Diags: map[string][]source.Diagnostic{}, memo: map[*hclsyntax.Block]*blockMemo{}},
		schemas:     map[string]*schema.Schema{},
		schemaDecls: map[string]*decl{},
		objects:     map[string]map[string][]*decl{},
		files:       map[string]*File{},
		byBlock:     map[*hclsyntax.Block]*decl{},
		byObj:       map[any]*decl{},
		fps:         map[string]uint64{},
	}
	if prev != nil {
		d.prev = prev.memo
	}
	for _, f := range files {
		d.files[f.Name] = f
		d.collect(f)
	}
	d.declareSchemas()
	d.placeObjects()
	for _, dc := range d.decls {
		if dc.obj != nil {
			d.byObj[dc.obj] = dc
		}
	}
	d.checkDuplicates()
	var fresh []*decl
	for _, dc := range d.decls {
		if m := d.prev[dc.block]; m != nil && d.stillValid(dc, m) {
			dc.memo = d.reuse(dc, m)
			continue
		}
		dc.memo = &blockMemo{place: dc.place, block: dc.block, start: d.start(dc.file, dc.block), schema: schemaOf(dc), obj: bodyObject(dc.obj)}
		fresh = append(fresh, dc)
	}
	d.out.Redecoded = len(fresh)
	// Columns first, everywhere: any object may refer to any table's or
	// view's columns, in any order of definition.
	for _, dc := range fresh {
		d.cur = dc.memo
		d.decodeColumns(dc)
	}
	for _, dc := range fresh {
		d.cur = dc.memo
		d.decodeObject(dc)
		// As the SQL loader and inspect normalise the realm (a partition
		// with its root's columns); the memo keeps the object normalised.
		switch o := dc.obj.(type) {
		case *schema.Table:
			cols := o.Columns
			if o.PartitionOf != nil {
				if c := d.columnsOf(dc); c != nil {
					cols = c.list
				}
			}
			o.NormalizeWith(cols)
		case interface{ Normalize() }:
			o.Normalize()
		}
	}
	d.cur = nil
	for _, dc := range d.decls {
		d.emit(dc, dc.memo)
	}
	d.checkForeignKeys()
	d.checkSQLNames()
	for _, diags := range d.out.Diags {
		slices.SortStableFunc(diags, func(a, b source.Diagnostic) int { return a.Range.Start - b.Range.Start })
	}
	return d.out
}

// decodeColumns decodes the columns of a table or view.
func (d *decoder) decodeColumns(dc *decl) {
	if v, ok := dc.obj.(*schema.View); ok {
		for _, b := range dc.block.Body.Blocks {
			if b.Type == "column" {
				c := d.column(dc.file, b)
				if b.Body.Attributes["null"] == nil {
					c.Null = true // view columns are never NOT NULL
				}
				v.Columns = append(v.Columns, c)
			}
		}
	}
	if t, ok := dc.obj.(*schema.Table); ok {
		for _, b := range dc.block.Body.Blocks {
			if b.Type != "column" {
				continue
			}
			c := d.column(dc.file, b)
			if prev := t.Column(c.Name); prev != nil {
				d.report(dc.file, b.LabelRanges[0], source.Error, CodeDuplicate, "Duplicate column %q in table %q: already declared at %s", c.Name, t.Name, d.where(prev.Pos))
				continue
			}
			t.Columns = append(t.Columns, c)
		}
	}
}

func (d *decoder) report(f *File, r hcl.Range, sev source.Severity, code, format string, args ...any) {
	diag := source.Diagnostic{Range: f.Range(r), Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)}
	if d.cur != nil {
		d.cur.diags = append(d.cur.diags, diag)
		return
	}
	d.out.Diags[f.Name] = append(d.out.Diags[f.Name], diag)
}

// objectKinds are the top-level blocks that make objects.
var objectKinds = []string{"schema", "table", "view", "materialized", "function", "procedure", "aggregate",
	"trigger", "event_trigger", "policy", "enum", "domain", "composite", "sequence", "extension"}

// collect records a file's object blocks. Blocks made by for_each are
// dynamic and left out.
func (d *decoder) collect(f *File) {
	for _, b := range f.Body().Blocks {
		if !slices.Contains(objectKinds, b.Type) || len(b.Labels) == 0 || b.Body.Attributes["for_each"] != nil {
			continue
		}
		name := b.Labels[len(b.Labels)-1]
		if a := b.Body.Attributes["name"]; a != nil {
			if s, ok := stringValue(a.Expr); ok {
				name = s
			}
		}
		dc := &decl{file: f, block: b, name: name}
		d.decls = append(d.decls, dc)
		d.byBlock[b] = dc
		if d.objects[b.Type] == nil {
			d.objects[b.Type] = map[string][]*decl{}
		}
		// index by label too, which is how references name objects
		label := b.Labels[len(b.Labels)-1]
		d.objects[b.Type][label] = append(d.objects[b.Type][label], dc)
	}
}

func (d *decoder) declareSchemas() {
	for _, dc := range d.decls {
		if dc.block.Type != "schema" {
			continue
		}
		if prev, dup := d.schemas[dc.name]; dup {
			d.report(dc.file, dc.block.LabelRanges[0], source.Error, CodeDuplicate, "Duplicate schema %q: already declared at %s", dc.name, d.where(prev.Pos))
			continue
		}
		s := &schema.Schema{Name: dc.name, Pos: d.pos(dc.file, dc.block.Range())}
		if a := dc.block.Body.Attributes["comment"]; a != nil {
			s.Comment, _ = stringValue(a.Expr)
		}
		d.schemas[dc.name] = s
		d.schemaDecls[dc.name] = dc
		dc.obj = s
		d.declare(dc.file, dc.block, s.Pos)
		d.out.Realm.Schemas = append(d.out.Realm.Schemas, s)
	}
}

func (d *decoder) pos(f *File, r hcl.Range) schema.Pos {
	return schema.Pos{File: f.Name, Range: f.Range(r)}
}

// where prints a position as file:line.
func (d *decoder) where(p schema.Pos) string {
	f := d.files[p.File]
	if f == nil || p.Range.Start > len(f.Src) {
		return p.File
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.File), bytes.Count(f.Src[:p.Range.Start], []byte("\n"))+1)
}
