package hclschema

import (
	"hash/fnv"
	"strconv"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// CodeSQLName is the code of a name in SQL that the schema does not
// define, and of a view whose query returns another number of columns
// than it declares.
const CodeSQLName = "sql-name"

// checkSQLNames resolves the tables, views, columns and functions that
// SQL in the unit's attributes names, once the whole model is decoded:
// names that resolve become references (hover, definition, references
// and rename reach them), names that do not become warnings. What a
// block's SQL resolves to depends on the block and on which names the
// model has, so it is kept in the block's memo with a signature of those
// names and reused while both are the same and no block it points into
// was decoded anew.
func (d *decoder) checkSQLNames() {
	sig := nameSignature(d.out.Realm)
	d.out.sqlCtx = map[*hclsyntax.Block]*sqlsupport.Context{}
	for _, dc := range d.decls {
		ctx := d.sqlContext(dc)
		if ctx == nil {
			continue
		}
		d.out.sqlCtx[dc.block] = ctx
		m := dc.memo
		if m.sql == nil || m.sql.sig != sig || m.sql.schema != schemaOf(dc) || d.targetGone(m.sql.refs) {
			m.sql = &sqlMemo{sig: sig, schema: schemaOf(dc)}
			d.cur = m
			d.sqlNamesIn(dc, dc.block, Variant(spec.SchemaFile.Block(dc.block.Type), dc.block), ctx)
			d.cur = nil
		}
		if len(m.sql.diags) > 0 {
			d.out.Diags[dc.file.Name] = append(d.out.Diags[dc.file.Name], m.sql.diags...)
		}
		m.sql.refs = d.emitRefs(m.sql.refs)
	}
}

// sqlContext is what the SQL in dc's block may name besides the model's
// objects: the table of a table's expressions, a routine's arguments, a
// domain's VALUE, a trigger's NEW and OLD, a policy's table. It is nil
// for blocks the spec does not know and for triggers and policies whose
// table did not resolve.
func (d *decoder) sqlContext(dc *decl) *sqlsupport.Context {
	if spec.SchemaFile.Block(dc.block.Type) == nil {
		return nil
	}
	ctx := &sqlsupport.Context{Realm: d.out.Realm, Schema: schemaOf(dc)}
	switch o := dc.obj.(type) {
	case *schema.Table:
		ctx.Implicit = o
		if root := d.out.Realm.Root(o); root != nil {
			ctx.Implicit = root // a partition's columns are its root's
		}
	case *schema.Func:
		ctx.Routine = o.Name
		for _, a := range o.Args {
			if a.Name != "" {
				ctx.Params = append(ctx.Params, a.Name)
			}
		}
	case *schema.Domain:
		ctx.Value = true
	case nil:
		if dc.block.Type == "trigger" || dc.block.Type == "policy" {
			owner := d.ownerObject(dc)
			if owner == nil {
				return nil
			}
			if t, ok := owner.(*schema.Table); ok {
				if root := d.out.Realm.Root(t); root != nil {
					owner = root // a partition's columns are its root's
				}
			}
			if dc.block.Type == "policy" {
				ctx.Implicit = owner
			} else {
				ctx.Aliases = map[string]any{"new": owner, "old": owner}
			}
		}
	}
	return ctx
}

// targetGone reports whether a reference's target is in a block that
// changed (it is decoded anew, so the target may have moved within it).
func (d *decoder) targetGone(refs []memoRef) bool {
	for _, r := range refs {
		if d.byBlock[r.top] == nil {
			return true
		}
	}
	return false
}

// ownerObject is the table or view a trigger or policy is on.
func (d *decoder) ownerObject(dc *decl) any {
	if m := dc.memo; m != nil && m.owner != nil {
		if od := d.byBlock[m.owner]; od != nil {
			return od.obj
		}
	}
	return nil
}

// sqlNamesIn checks the SQL attributes of block b (described by bs) and
// of the blocks inside it.
func (d *decoder) sqlNamesIn(dc *decl, b *hclsyntax.Block, bs *spec.Block, ctx *sqlsupport.Context) {
	for _, a := range sortedAttrs(b.Body) {
		as := bs.Attr(a.Name)
		if as == nil {
			continue
		}
		r, ok := SQLRegion(dc.file, a, as, b)
		if !ok {
			continue
		}
		sql := d.cur.sql
		for _, u := range r.Names(attrContext(ctx, b, a)) {
			if u.Problem != "" {
				sql.diags = append(sql.diags, source.Diagnostic{
					Range: u.Range, Severity: source.Warning, Code: CodeSQLName, Message: "SQL: " + u.Problem})
				continue
			}
			if pos, top, ok := d.targetOf(u.Target); ok {
				sql.refs = append(sql.refs, memoRef{Ref: Ref{File: dc.file.Name, Range: u.Range, Target: pos, SQL: true}, top: top.block, start: d.start(top.file, top.block)})
			}
		}
		if v, ok := dc.obj.(*schema.View); ok && b == dc.block && a.Name == "as" && len(v.Columns) > 0 {
			if n, ok := r.ResultColumns(); ok && n != len(v.Columns) {
				sql.diags = append(sql.diags, source.Diagnostic{
					Range: dc.file.Range(a.NameRange), Severity: source.Warning, Code: CodeSQLName,
					Message: sqlColumnCount(v, n)})
			}
		}
	}
	for _, nb := range b.Body.Blocks {
		if nbs := bs.Block(nb.Type); nbs != nil {
			d.sqlNamesIn(dc, nb, Variant(nbs, nb), ctx)
		}
	}
}

// attrContext narrows a block's SQL context for one attribute: a
// column's default cannot name columns.
func attrContext(ctx *sqlsupport.Context, b *hclsyntax.Block, a *hclsyntax.Attribute) *sqlsupport.Context {
	if b.Type == "column" && a.Name == "default" {
		c := *ctx
		c.Implicit = nil
		return &c
	}
	return ctx
}

func sqlColumnCount(v *schema.View, n int) string {
	kind := "View"
	if v.Materialized {
		kind = "Materialized view"
	}
	return kind + " " + v.Name + " declares " + plural(len(v.Columns), "column") + " but its query returns " + plural(n, "column")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// targetOf is the position of an object SQL named and the declaration
// whose block holds it.
func (d *decoder) targetOf(t any) (schema.Pos, *decl, bool) {
	switch o := t.(type) {
	case *schema.Table:
		return o.Pos, d.byObj[o], d.byObj[o] != nil
	case *schema.View:
		return o.Pos, d.byObj[o], d.byObj[o] != nil
	case *schema.Func:
		return o.Pos, d.byObj[o], d.byObj[o] != nil
	case *schema.Column:
		if d.colOwner == nil {
			d.colOwner = map[*schema.Column]*decl{}
			for _, dc := range d.decls {
				switch obj := dc.obj.(type) {
				case *schema.Table:
					for _, c := range obj.Columns {
						d.colOwner[c] = dc
					}
				case *schema.View:
					for _, c := range obj.Columns {
						d.colOwner[c] = dc
					}
				}
			}
		}
		if dc := d.colOwner[o]; dc != nil {
			return o.Pos, dc, true
		}
	}
	return schema.Pos{}, nil, false
}

// nameSignature hashes every name SQL can resolve in realm: schemas,
// tables and views with their columns, routines, and whether extensions
// (whose functions are unknown) are declared.
func nameSignature(realm *schema.Realm) uint64 {
	h := fnv.New64a()
	w := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, s := range realm.Schemas {
		w("s:" + s.Name)
		for _, t := range s.Tables {
			w("t:" + t.Name)
			if p := t.PartitionOf; p != nil {
				w("p:" + p.Schema + "." + p.Table) // its columns are its root's
			}
			for _, c := range t.Columns {
				w(c.Name)
			}
		}
		for _, v := range s.Views {
			w("v:" + v.Name)
			for _, c := range v.Columns {
				w(c.Name)
			}
		}
		for _, f := range s.Funcs {
			w("f:" + f.Name)
		}
	}
	w(strconv.Itoa(len(realm.Extensions)))
	return h.Sum64()
}
