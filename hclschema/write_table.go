package hclschema

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/schema"
)

// Tables, views and what they hold. Atlas HCL has no collate on index or
// partition key parts: a part with a collation is written as the
// expression (column COLLATE "C"), which PostgreSQL reads as the same
// part but the model keeps as an expression. A partition key part's
// operator class has no place either and is left out, with a comment.

func (w *writer) table(s *schema.Schema, t *schema.Table) {
	b := w.object("table", s, t.Name)
	if t.Unlogged {
		b.SetAttributeRaw("unlogged", bare("true"))
	}
	if p := t.PartitionOf; p != nil {
		b.SetAttributeRaw("partition_of", w.objectRef("table", p.Schema, p.Table, s.Name))
		b.SetAttributeRaw("partition_bound", quoted(p.Bound))
	}
	for _, c := range t.Columns {
		w.column(b, s, c)
	}
	if pk := t.PrimaryKey; pk != nil {
		var labels []string
		if pk.Name != schema.DefaultName(t.Name, "", "pkey", nil) {
			labels = []string{pk.Name}
		}
		pb := b.AppendNewBlock("primary_key", labels).Body()
		if cols, ok := pk.Columns(); ok && plainParts(pk.Parts) {
			pb.SetAttributeRaw("columns", columnRefs(cols))
		} else {
			note(pb, "key parts other than plain columns are not written")
			pb.SetAttributeRaw("columns", columnRefs(partColumns(pk.Parts)))
		}
		if len(pk.Include) > 0 {
			pb.SetAttributeRaw("include", columnRefs(pk.Include))
		}
		if pk.Method != "" {
			pb.SetAttributeRaw("type", methodTokens(pk.Method))
		}
		writeDeferrable(pb, pk.Deferrable, pk.InitiallyDeferred)
		comment(pb, pk.Comment)
	}
	for _, ix := range t.Indexes {
		if cols, ok := ix.Columns(); ok && ix.Constraint && ix.Unique && plainParts(ix.Parts) && ix.Method == "" && ix.Where == "" {
			ub := b.AppendNewBlock("unique", []string{ix.Name}).Body()
			ub.SetAttributeRaw("columns", columnRefs(cols))
			if len(ix.Include) > 0 {
				ub.SetAttributeRaw("include", columnRefs(ix.Include))
			}
			nullsDistinct(ub, ix.NullsDistinct)
			writeDeferrable(ub, ix.Deferrable, ix.InitiallyDeferred)
			comment(ub, ix.Comment)
			continue
		}
		w.indexBlock(b, ix, nil)
	}
	for _, fk := range t.ForeignKeys {
		w.foreignKey(b, s, fk)
	}
	for _, c := range t.Checks {
		w.check(b, c, 2)
	}
	for _, ex := range t.Excludes {
		eb := b.AppendNewBlock("exclude", []string{ex.Name}).Body()
		if ex.Method != "" {
			eb.SetAttributeRaw("type", methodTokens(ex.Method))
		}
		for _, el := range ex.Elements {
			ob := eb.AppendNewBlock("on", nil).Body()
			if el.Column != "" {
				ob.SetAttributeRaw("column", refTokens("column", el.Column))
			} else {
				ob.SetAttributeRaw("expr", sqlText(el.Expr, 3))
			}
			ob.SetAttributeRaw("op", quoted(el.Op))
		}
		if len(ex.Include) > 0 {
			eb.SetAttributeRaw("include", columnRefs(ex.Include))
		}
		if ex.Where != "" {
			eb.SetAttributeRaw("where", sqlText(ex.Where, 2))
		}
		writeDeferrable(eb, ex.Deferrable, ex.InitiallyDeferred)
		comment(eb, ex.Comment)
	}
	if p := t.Partition; p != nil {
		w.partition(b, p)
	}
	if t.RowSecurity.Enabled || t.RowSecurity.Forced {
		rb := b.AppendNewBlock("row_security", nil).Body()
		if t.RowSecurity.Enabled {
			rb.SetAttributeRaw("enabled", bare("true"))
		}
		if t.RowSecurity.Forced {
			rb.SetAttributeRaw("enforced", bare("true"))
		}
	}
	comment(b, t.Comment)
}

func (w *writer) column(b *hclwrite.Body, s *schema.Schema, c *schema.Column) {
	cb := b.AppendNewBlock("column", []string{c.Name}).Body()
	cb.SetAttributeRaw("type", w.typeRef(c.Type, s.Name))
	if c.Null {
		cb.SetAttributeRaw("null", bare("true"))
	}
	if c.Default != nil {
		cb.SetAttributeRaw("default", exprTokens(c.Default))
	}
	if id := c.Identity; id != nil {
		ib := cb.AppendNewBlock("identity", nil).Body()
		if id.Always {
			ib.SetAttributeRaw("generated", bare("ALWAYS"))
		} else {
			ib.SetAttributeRaw("generated", bare("BY_DEFAULT"))
		}
		if id.Start != id.DefaultStart() {
			ib.SetAttributeRaw("start", integer(id.Start))
		}
		if id.Increment != 1 {
			ib.SetAttributeRaw("increment", integer(id.Increment))
		}
		for _, o := range []struct {
			name string
			v    *int64
		}{{"min_value", id.Min}, {"max_value", id.Max}, {"cache", id.Cache}} {
			if o.v != nil {
				ib.SetAttributeRaw(o.name, integer(*o.v))
			}
		}
		if id.Cycle {
			ib.SetAttributeRaw("cycle", bare("true"))
		}
	}
	if c.Generated != nil {
		cb.SetAttributeRaw("as", sqlText(c.Generated.Value, 2))
	}
	if c.Collate != "" {
		cb.SetAttributeRaw("collate", quoted(c.Collate))
	}
	comment(cb, c.Comment)
}

// indexBlock writes an index of a table or materialized view. declared,
// when not nil, tells which columns a materialized view declares: a part
// naming another column is written as an expression (the SQL loader
// knows a view's columns only from a column list).
func (w *writer) indexBlock(b *hclwrite.Body, ix *schema.Index, declared func(string) bool) {
	if declared == nil {
		declared = func(string) bool { return true }
	}
	ib := b.AppendNewBlock("index", []string{ix.Name}).Body()
	if ix.Constraint {
		note(ib, "a UNIQUE constraint Atlas HCL can only write as a unique index")
	}
	if ix.Unique {
		ib.SetAttributeRaw("unique", bare("true"))
	}
	if ix.Method != "" {
		ib.SetAttributeRaw("type", methodTokens(ix.Method))
	}
	if cols, ok := ix.Columns(); ok && plainParts(ix.Parts) && !slices.ContainsFunc(cols, func(c string) bool { return !declared(c) }) {
		ib.SetAttributeRaw("columns", columnRefs(cols))
	} else {
		for _, p := range ix.Parts {
			ob := ib.AppendNewBlock("on", nil).Body()
			switch {
			case p.Collate != "":
				note(ob, "collation %s: Atlas HCL has no collate for index parts", p.Collate)
				ob.SetAttributeRaw("expr", quoted(collated(*p)))
			case p.Column != "" && !declared(p.Column):
				note(ob, "column %s is not declared by the view", p.Column)
				ob.SetAttributeRaw("expr", quoted(schema.QuoteIdent(p.Column)))
			case p.Column != "":
				ob.SetAttributeRaw("column", refTokens("column", p.Column))
			default:
				ob.SetAttributeRaw("expr", sqlText(p.Expr, 3))
			}
			if p.Desc {
				ob.SetAttributeRaw("desc", bare("true"))
			}
			if p.NullsFirst != nil {
				if *p.NullsFirst {
					ob.SetAttributeRaw("nulls_first", bare("true"))
				} else {
					ob.SetAttributeRaw("nulls_last", bare("true"))
				}
			}
			if p.Ops != "" {
				if slices.Contains(opClassWords, p.Ops) {
					ob.SetAttributeRaw("ops", bare(p.Ops))
				} else {
					ob.SetAttributeRaw("ops", quoted(p.Ops))
				}
			}
		}
	}
	if ix.Where != "" {
		ib.SetAttributeRaw("where", sqlText(ix.Where, 2))
	}
	var include []string
	for _, c := range ix.Include {
		if declared(c) {
			include = append(include, c)
		} else {
			note(ib, "included column %s is not declared by the view: not written", c)
		}
	}
	if len(include) > 0 {
		ib.SetAttributeRaw("include", columnRefs(include))
	}
	nullsDistinct(ib, ix.NullsDistinct)
	if ix.Deferrable {
		note(ib, "DEFERRABLE is not written: Atlas HCL indexes cannot be deferred")
	}
	comment(ib, ix.Comment)
}

// opClassWords are the operator classes the spec takes as bare words.
var opClassWords = spec.Table.Block("index").Block("on").Attr("ops").Values[0].Consts

// methodWords are the index methods the spec takes as bare words.
var methodWords = spec.Table.Block("index").Attr("type").Values[0].Consts

// methodTokens is an index method: a word Atlas knows, else a string.
func methodTokens(m string) hclwrite.Tokens {
	if slices.Contains(methodWords, m) {
		return bare(m)
	}
	return quoted(strings.ToLower(m))
}

// plainParts reports whether index parts are columns with nothing more.
func plainParts(parts []*schema.IndexPart) bool {
	for _, p := range parts {
		if p.Column == "" || p.Desc || p.NullsFirst != nil || p.Ops != "" || p.Collate != "" {
			return false
		}
	}
	return true
}

func partColumns(parts []*schema.IndexPart) []string {
	var out []string
	for _, p := range parts {
		if p.Column != "" {
			out = append(out, p.Column)
		}
	}
	return out
}

func nullsDistinct(b *hclwrite.Body, nd *bool) {
	if nd != nil && !*nd {
		b.SetAttributeRaw("nulls_distinct", bare("false"))
	}
}

func writeDeferrable(b *hclwrite.Body, deferrable, initiallyDeferred bool) {
	switch {
	case deferrable && initiallyDeferred:
		b.SetAttributeRaw("deferrable", bare("INITIALLY_DEFERRED"))
	case deferrable:
		b.SetAttributeRaw("deferrable", bare("INITIALLY_IMMEDIATE"))
	}
}

func (w *writer) foreignKey(b *hclwrite.Body, s *schema.Schema, fk *schema.ForeignKey) {
	rs := w.realm.Schema(fk.RefSchema)
	if rs == nil || rs.Table(fk.RefTable) == nil {
		note(b, "foreign key %s references %s, which is not part of this schema: not written", fk.Name, schema.Qualified(fk.RefSchema, fk.RefTable))
		return
	}
	fb := b.AppendNewBlock("foreign_key", []string{fk.Name}).Body()
	fb.SetAttributeRaw("columns", columnRefs(fk.Columns))
	refs := make([]hclwrite.Tokens, len(fk.RefColumns))
	for i, c := range fk.RefColumns {
		refs[i] = w.columnRef("table", fk.RefSchema, fk.RefTable, c, s.Name)
	}
	fb.SetAttributeRaw("ref_columns", hclwrite.TokensForTuple(refs))
	if fk.OnUpdate != "" {
		fb.SetAttributeRaw("on_update", bare(strings.ReplaceAll(string(fk.OnUpdate), " ", "_")))
	}
	if fk.OnDelete != "" {
		fb.SetAttributeRaw("on_delete", bare(strings.ReplaceAll(string(fk.OnDelete), " ", "_")))
	}
	if len(fk.OnDeleteColumns) > 0 {
		fb.SetAttributeRaw("on_delete_columns", columnRefs(fk.OnDeleteColumns))
	}
	if fk.MatchFull {
		fb.SetAttributeRaw("match", bare("FULL"))
	}
	writeDeferrable(fb, fk.Deferrable, fk.InitiallyDeferred)
	comment(fb, fk.Comment)
}

// check writes a check of a table or domain; depth is that of the check
// block.
func (w *writer) check(b *hclwrite.Body, c *schema.Check, depth int) {
	cb := b.AppendNewBlock("check", []string{c.Name}).Body()
	cb.SetAttributeRaw("expr", sqlText(c.Expr, depth))
	if c.NoInherit {
		cb.SetAttributeRaw("no_inherit", bare("true"))
	}
	comment(cb, c.Comment)
}

func (w *writer) partition(b *hclwrite.Body, p *schema.Partition) {
	pb := b.AppendNewBlock("partition", nil).Body()
	pb.SetAttributeRaw("type", bare(p.Type))
	plain := true
	var cols []string
	for _, part := range p.Parts {
		plain = plain && part.Column != "" && part.Collate == "" && part.Ops == ""
		cols = append(cols, part.Column)
	}
	if plain {
		pb.SetAttributeRaw("columns", columnRefs(cols))
		return
	}
	for _, part := range p.Parts {
		bb := pb.AppendNewBlock("by", nil).Body()
		if part.Ops != "" {
			note(bb, "operator class %s: Atlas HCL has no place for it", part.Ops)
		}
		switch {
		case part.Collate != "":
			note(bb, "collation %s: Atlas HCL has no collate for partition key parts", part.Collate)
			bb.SetAttributeRaw("expr", quoted(collated(part)))
		case part.Column != "":
			bb.SetAttributeRaw("column", refTokens("column", part.Column))
		default:
			bb.SetAttributeRaw("expr", sqlText(part.Expr, 3))
		}
	}
}

func (w *writer) view(s *schema.Schema, v *schema.View) {
	kind := "view"
	if v.Materialized {
		kind = "materialized"
	}
	b := w.object(kind, s, v.Name)
	for _, c := range v.Columns {
		cb := b.AppendNewBlock("column", []string{c.Name}).Body()
		if isZeroType(c.Type) {
			// The SQL loader knows a view column's type only when the
			// query takes it from a table or casts it.
			note(cb, "type unknown: the source does not say it")
			cb.SetAttributeRaw("type", bare("null"))
		} else {
			cb.SetAttributeRaw("type", w.typeRef(c.Type, s.Name))
		}
		if !c.Null {
			cb.SetAttributeRaw("null", bare("false"))
		}
		comment(cb, c.Comment)
	}
	b.SetAttributeRaw("as", sqlText(v.Def, 1))
	if v.CheckOption != "" {
		if v.Materialized {
			note(b, "check option %s: materialized views have none", v.CheckOption)
		} else {
			b.SetAttributeRaw("check_option", bare(v.CheckOption))
		}
	}
	writeViewOptions(b, v)
	for _, ix := range v.Indexes {
		if !v.Materialized {
			note(b, "index %s is not written: only materialized views have indexes", ix.Name)
			continue
		}
		w.indexBlock(b, ix, func(c string) bool {
			return slices.ContainsFunc(v.Columns, func(vc *schema.Column) bool { return vc.Name == c })
		})
	}
	comment(b, v.Comment)
}
