package hclschema

import (
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
// and rename reach them), names that do not become warnings. It runs for
// every block on every decode, since any block may name any other;
// parsing is cached by text, so what is left is walking the trees.
func (d *decoder) checkSQLNames() {
	for _, dc := range d.decls {
		bs := spec.SchemaFile.Block(dc.block.Type)
		if bs == nil {
			continue
		}
		ctx := &sqlsupport.Context{Realm: d.out.Realm, Schema: schemaOf(dc)}
		switch o := dc.obj.(type) {
		case *schema.Table:
			ctx.Implicit = o
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
					continue // not resolved: reported already
				}
				if dc.block.Type == "policy" {
					ctx.Implicit = owner
				} else {
					ctx.Aliases = map[string]any{"new": owner, "old": owner}
				}
			}
		}
		d.sqlNamesIn(dc, dc.block, Variant(bs, dc.block), ctx)
	}
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
		actx := ctx
		if b.Type == "column" && a.Name == "default" {
			c := *ctx
			c.Implicit = nil // a default cannot name columns
			actx = &c
		}
		for _, u := range r.Names(actx) {
			if u.Problem != "" {
				d.out.Diags[dc.file.Name] = append(d.out.Diags[dc.file.Name], source.Diagnostic{
					Range: u.Range, Severity: source.Warning, Code: CodeSQLName, Message: "SQL: " + u.Problem})
				continue
			}
			if pos, ok := targetPos(u.Target); ok {
				d.out.Refs = append(d.out.Refs, Ref{File: dc.file.Name, Range: u.Range, Target: pos})
			}
		}
		if v, ok := dc.obj.(*schema.View); ok && b == dc.block && a.Name == "as" && len(v.Columns) > 0 {
			if n, ok := r.ResultColumns(); ok && n != len(v.Columns) {
				d.out.Diags[dc.file.Name] = append(d.out.Diags[dc.file.Name], source.Diagnostic{
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

func targetPos(t any) (schema.Pos, bool) {
	switch o := t.(type) {
	case *schema.Table:
		return o.Pos, true
	case *schema.View:
		return o.Pos, true
	case *schema.Column:
		return o.Pos, true
	case *schema.Func:
		return o.Pos, true
	}
	return schema.Pos{}, false
}
