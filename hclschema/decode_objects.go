package hclschema

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

func (d *decoder) decodeObject(dc *decl) {
	body := dc.block.Body
	d.extraRefs(dc)
	switch o := dc.obj.(type) {
	case *schema.Table:
		d.decodeTable(dc, o)
	case *schema.View:
		o.Def = sqlAttr(body, "as")
		o.CheckOption = attrWord(body, "check_option")
		o.SecurityBarrier, _ = attrBool(body, "security_barrier")
		o.SecurityInvoker, _ = attrBool(body, "security_invoker")
		o.Comment, _ = stringAttr(body, "comment")
		for _, b := range body.Blocks { // columns are decoded already (Decode)
			if b.Type == "index" {
				o.Indexes = append(o.Indexes, d.index(dc.file, b, viewColumns(o)))
			}
		}
	case *schema.Func:
		d.decodeFunc(dc, o)
	case *schema.Enum:
		o.Comment, _ = stringAttr(body, "comment")
		if a := body.Attributes["values"]; a != nil {
			if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
				for _, e := range tuple.Exprs {
					if s, ok := stringValue(e); ok {
						o.Values = append(o.Values, s)
					}
				}
			}
		}
	case *schema.Domain:
		if a := body.Attributes["type"]; a != nil {
			o.Type, _ = d.typeOf(dc.file, a.Expr)
		}
		if n, ok := attrBool(body, "null"); ok {
			o.Null = n
		}
		if a := body.Attributes["default"]; a != nil {
			o.Default = d.expr(dc.file, a.Expr)
		}
		o.Comment, _ = stringAttr(body, "comment")
		for _, b := range body.Blocks {
			if b.Type == "check" {
				o.Checks = append(o.Checks, d.check(dc.file, b))
			}
		}
		nameDomainChecks(o)
	case *schema.Composite:
		o.Comment, _ = stringAttr(body, "comment")
		for _, b := range body.Blocks {
			if b.Type == "field" {
				o.Fields = append(o.Fields, d.column(dc.file, b))
			}
		}
	case *schema.Sequence:
		if a := body.Attributes["type"]; a != nil {
			o.Type, _ = d.typeOf(dc.file, a.Expr)
		}
		o.Start, o.Increment, o.Cache = attrInt(body, "start"), attrInt(body, "increment"), attrInt(body, "cache")
		o.Min, o.Max = attrInt(body, "min_value"), attrInt(body, "max_value")
		o.Cycle, _ = attrBool(body, "cycle")
		o.Comment, _ = stringAttr(body, "comment")
		if a := body.Attributes["owner"]; a != nil {
			if tg, ok := d.resolve(dc.file, a.Expr, []string{"column", "table"}, nil); ok && tg.column != nil && tg.owner != nil {
				// OWNED BY table.column: the table is in the sequence's schema.
				o.OwnedBy = tg.owner.name + "." + tg.column.Name
			}
		}
	case nil:
		switch dc.block.Type {
		case "trigger":
			d.decodeTrigger(dc)
		case "policy":
			d.decodePolicy(dc)
		}
	}
}

func (d *decoder) decodeTable(dc *decl, t *schema.Table) {
	body := dc.block.Body
	t.Comment, _ = stringAttr(body, "comment")
	t.Unlogged, _ = attrBool(body, "unlogged")
	cols := d.partitionOf(dc, t)
	for _, b := range body.Blocks { // columns are decoded already (Decode)
		if cols == nil && b.Type != "check" && b.Type != "row_security" {
			continue // a partition whose parent did not resolve: no columns to name
		}
		switch b.Type {
		case "primary_key":
			pk := d.index(dc.file, b, cols)
			pk.Unique = true
			pk.Deferrable, pk.InitiallyDeferred = deferrable(b.Body)
			if pk.Name == "" {
				pk.Name = schema.DefaultName(t.Name, "", "pkey", nil)
			}
			t.PrimaryKey = pk
		case "index":
			t.Indexes = append(t.Indexes, d.index(dc.file, b, cols))
		case "unique":
			ix := d.index(dc.file, b, cols)
			ix.Unique, ix.Constraint = true, true
			ix.Deferrable, ix.InitiallyDeferred = deferrable(b.Body)
			t.Indexes = append(t.Indexes, ix)
		case "foreign_key":
			t.ForeignKeys = append(t.ForeignKeys, d.foreignKey(dc.file, b, cols))
		case "check":
			t.Checks = append(t.Checks, d.check(dc.file, b))
		case "exclude":
			ex := &schema.Exclude{Name: label(b), Method: attrWord(b.Body, "type"), Where: sqlAttr(b.Body, "where"), Pos: d.pos(dc.file, b.Range())}
			ex.Include = d.columnRefs(dc.file, b.Body, "include", cols)
			ex.Deferrable, ex.InitiallyDeferred = deferrable(b.Body)
			ex.Comment, _ = stringAttr(b.Body, "comment")
			ex.Normalize()
			for _, on := range b.Body.Blocks {
				if on.Type == "on" {
					el := schema.ExcludeElement{Expr: sqlAttr(on.Body, "expr"), Op: sqlAttr(on.Body, "op")}
					if a := on.Body.Attributes["column"]; a != nil {
						if tg, ok := d.resolve(dc.file, a.Expr, []string{"column"}, cols); ok && tg.column != nil {
							el.Column = tg.column.Name
						}
					}
					ex.Elements = append(ex.Elements, el)
				}
			}
			t.Excludes = append(t.Excludes, ex)
		case "partition":
			p := &schema.Partition{Type: attrWord(b.Body, "type")}
			for _, c := range d.columnRefs(dc.file, b.Body, "columns", cols) {
				p.Parts = append(p.Parts, schema.IndexPart{Column: c})
			}
			for _, by := range b.Body.Blocks {
				if by.Type == "by" {
					part := schema.IndexPart{Expr: sqlAttr(by.Body, "expr")}
					if a := by.Body.Attributes["column"]; a != nil {
						if tg, ok := d.resolve(dc.file, a.Expr, []string{"column"}, cols); ok && tg.column != nil {
							part.Column = tg.column.Name
						}
					}
					p.Parts = append(p.Parts, part)
				}
			}
			t.Partition = p
		case "row_security":
			t.RowSecurity.Enabled, _ = attrBool(b.Body, "enabled")
			t.RowSecurity.Forced, _ = attrBool(b.Body, "enforced")
		}
	}
	// PostgreSQL makes the key's columns NOT NULL, and names what the
	// file leaves unnamed.
	if t.PrimaryKey != nil {
		for _, p := range t.PrimaryKey.Parts {
			if c := t.Column(p.Column); c != nil {
				c.Null = false
			}
		}
	}
	if cols == nil {
		cols = tableColumns(t)
	}
	nameTableChecks(t, cols.list)
}

func label(b *hclsyntax.Block) string {
	if len(b.Labels) > 0 {
		return b.Labels[len(b.Labels)-1]
	}
	return ""
}

func (d *decoder) column(f *File, b *hclsyntax.Block) *schema.Column {
	c := &schema.Column{Name: label(b), Null: false, Pos: d.pos(f, b.Range())}
	d.declare(f, b, c.Pos)
	body := b.Body
	if a := body.Attributes["type"]; a != nil {
		c.Type, _ = d.typeOf(f, a.Expr)
	}
	if n, ok := attrBool(body, "null"); ok {
		c.Null = n
	}
	if a := body.Attributes["default"]; a != nil {
		c.Default = d.expr(f, a.Expr)
	}
	if a := body.Attributes["as"]; a != nil {
		if s, ok := stringValue(a.Expr); ok {
			c.Generated = &schema.Expr{Kind: schema.ExprSQL, Value: strings.TrimSpace(s), Pos: d.pos(f, a.Expr.Range())}
		}
	}
	c.Collate, _ = stringAttr(body, "collate")
	c.Comment, _ = stringAttr(body, "comment")
	for _, nb := range body.Blocks {
		switch nb.Type {
		case "identity":
			id := &schema.Identity{Always: attrWord(nb.Body, "generated") != "BY_DEFAULT", Increment: 1,
				Min: attrInt(nb.Body, "min_value"), Max: attrInt(nb.Body, "max_value"), Cache: attrInt(nb.Body, "cache")}
			id.Cycle, _ = attrBool(nb.Body, "cycle")
			if n := attrInt(nb.Body, "increment"); n != nil {
				id.Increment = *n
			}
			id.Start = id.DefaultStart()
			if n := attrInt(nb.Body, "start"); n != nil {
				id.Start = *n
			}
			c.Identity = id
			c.Null = false // identity columns are NOT NULL
		case "as":
			if s := sqlAttr(nb.Body, "expr"); s != "" {
				c.Generated = &schema.Expr{Kind: schema.ExprSQL, Value: s, Pos: d.pos(f, nb.Range())}
			}
		}
	}
	return c
}

func stringAttr(body *hclsyntax.Body, name string) (string, bool) {
	if a := body.Attributes[name]; a != nil {
		return stringValue(a.Expr)
	}
	return "", false
}

// columnRefs resolves a list of column references of table t.
func (d *decoder) columnRefs(f *File, body *hclsyntax.Body, name string, owner *columns) []string {
	a := body.Attributes[name]
	if a == nil {
		return nil
	}
	tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range tuple.Exprs {
		if tg, ok := d.resolve(f, e, []string{"column"}, owner); ok && tg.column != nil {
			out = append(out, tg.column.Name)
		}
	}
	return out
}

func (d *decoder) index(f *File, b *hclsyntax.Block, owner *columns) *schema.Index {
	body := b.Body
	ix := &schema.Index{Name: label(b), Method: attrWord(body, "type"), Where: sqlAttr(body, "where"), Pos: d.pos(f, b.Range())}
	ix.Unique, _ = attrBool(body, "unique")
	ix.Comment, _ = stringAttr(body, "comment")
	if n, ok := attrBool(body, "nulls_distinct"); ok {
		ix.NullsDistinct = &n
	}
	for _, c := range d.columnRefs(f, body, "columns", owner) {
		ix.Parts = append(ix.Parts, &schema.IndexPart{Column: c})
	}
	ix.Include = d.columnRefs(f, body, "include", owner)
	for _, on := range body.Blocks {
		if on.Type != "on" {
			continue
		}
		p := &schema.IndexPart{Expr: sqlAttr(on.Body, "expr")}
		p.Desc, _ = attrBool(on.Body, "desc")
		if nf, ok := attrBool(on.Body, "nulls_first"); ok {
			p.NullsFirst = &nf
		}
		if nl, ok := attrBool(on.Body, "nulls_last"); ok {
			nf := !nl
			p.NullsFirst = &nf
		}
		p.Ops = nameAttr(on.Body, "ops")
		if a := on.Body.Attributes["column"]; a != nil {
			if tg, ok := d.resolve(f, a.Expr, []string{"column"}, owner); ok && tg.column != nil {
				p.Column = tg.column.Name
			}
		}
		ix.Parts = append(ix.Parts, p)
	}
	ix.Normalize()
	return ix
}

func (d *decoder) check(f *File, b *hclsyntax.Block) *schema.Check {
	c := &schema.Check{Name: label(b), Expr: sqlAttr(b.Body, "expr"), Pos: d.pos(f, b.Range())}
	c.Comment, _ = stringAttr(b.Body, "comment")
	c.NoInherit, _ = attrBool(b.Body, "no_inherit")
	return c
}

// pendingFK remembers a foreign key's references, to check them once
// every table is decoded. Columns are kept as their table's block and
// name: the check reads the tables as decoded now.
type pendingFK struct {
	top   *hclsyntax.Block // the table's block
	block *hclsyntax.Block // the foreign_key block
	name  string
	cols  []colRef
	refs  []colRef
	// nCols and nRefs count the references written, resolved or not.
	nCols, nRefs int
}

// colRef is a column of the table or view declared by block top.
type colRef struct {
	top  *hclsyntax.Block
	name string
}

func (d *decoder) foreignKey(f *File, b *hclsyntax.Block, owner *columns) *schema.ForeignKey {
	body := b.Body
	fk := &schema.ForeignKey{Name: label(b), OnUpdate: action(attrWord(body, "on_update")), OnDelete: action(attrWord(body, "on_delete")), Pos: d.pos(f, b.Range())}
	fk.Deferrable, fk.InitiallyDeferred = deferrable(body)
	fk.Comment, _ = stringAttr(body, "comment")
	fk.MatchFull = attrWord(body, "match") == "FULL"
	p := &pendingFK{top: d.cur.block, block: b, name: fk.Name}
	ref := func(tg target) colRef { return colRef{tg.owner.block, tg.column.Name} }
	if a := body.Attributes["columns"]; a != nil {
		if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
			p.nCols = len(tuple.Exprs)
			for _, e := range tuple.Exprs {
				if tg, ok := d.resolve(f, e, []string{"column"}, owner); ok && tg.column != nil {
					fk.Columns = append(fk.Columns, tg.column.Name)
					p.cols = append(p.cols, ref(tg))
				}
			}
		}
	}
	if a := body.Attributes["ref_columns"]; a != nil {
		if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
			p.nRefs = len(tuple.Exprs)
			for _, e := range tuple.Exprs {
				tg, ok := d.resolve(f, e, []string{"column"}, owner)
				if !ok || tg.column == nil {
					continue
				}
				fk.RefColumns = append(fk.RefColumns, tg.column.Name)
				p.refs = append(p.refs, ref(tg))
				if rt, ok := tg.owner.obj.(*schema.Table); ok && fk.RefTable == "" {
					fk.RefSchema, fk.RefTable = rt.Schema.Name, rt.Name
				}
			}
		}
	}
	d.cur.fks = append(d.cur.fks, p)
	fk.Normalize()
	fk.OnDeleteColumns = d.columnRefs(f, body, "on_delete_columns", owner)
	if a := body.Attributes["on_delete_columns"]; a != nil {
		if fk.OnDelete != schema.SetNull && fk.OnDelete != schema.SetDefault {
			d.report(f, a.Range(), source.Error, CodeForeignKey, "Foreign key %s: on_delete_columns needs on_delete = SET_NULL or SET_DEFAULT", fk.Name)
		}
		for _, c := range fk.OnDeleteColumns {
			if !slices.Contains(fk.Columns, c) {
				d.report(f, a.Range(), source.Error, CodeForeignKey, "Foreign key %s: column %s of on_delete_columns is not one of its columns", fk.Name, c)
			}
		}
	}
	return fk
}

func action(w string) schema.ReferenceAction {
	return schema.ReferenceAction(strings.ReplaceAll(w, "_", " "))
}

// column returns the column a colRef names as decoded now.
func (d *decoder) columnOf(r colRef) *schema.Column {
	dc := d.byBlock[r.top]
	switch o := dc.obj.(type) {
	case *schema.Table:
		if cols := d.columnsOf(dc); cols != nil { // a partition's are its root's
			return cols.column(r.name)
		}
	case *schema.View:
		return viewColumns(o).column(r.name)
	}
	return nil
}

// checkForeignKeys checks column counts, type categories and that the
// referenced columns are unique.
func (d *decoder) checkForeignKeys() {
	for _, p := range d.fks {
		top := d.byBlock[p.top]
		at := headerRange(p.block)
		if len(p.cols) != p.nCols || len(p.refs) != p.nRefs || p.nCols == 0 || p.nRefs == 0 {
			continue // missing or unresolved references, already reported
		}
		if p.nCols != p.nRefs {
			d.report(top.file, at, source.Error, CodeForeignKey, "Foreign key %s has %d column(s) but references %d", p.name, p.nCols, p.nRefs)
			continue
		}
		var refNames []string
		for i := range p.cols {
			c, r := d.columnOf(p.cols[i]), d.columnOf(p.refs[i])
			refNames = append(refNames, p.refs[i].name)
			if c == nil || r == nil {
				continue
			}
			a, b := schema.CategoryOf(c.Type), schema.CategoryOf(r.Type)
			if a != schema.CatUnknown && b != schema.CatUnknown && a != b {
				d.report(top.file, at, source.Error, CodeForeignKey, "Foreign key %s: column %s (%s) cannot reference %s (%s)", p.name, c.Name, c.Type, r.Name, r.Type)
			}
		}
		ref := d.byBlock[p.refs[0].top]
		if rt, ok := ref.obj.(*schema.Table); ok && !d.hasUniqueKey(ref, refNames) {
			d.report(top.file, at, source.Warning, CodeNotUniqueRef, "Foreign key %s references %s(%s), which has no primary key or unique index on exactly these columns; PostgreSQL will refuse it", p.name, rt.Name, strings.Join(refNames, ", "))
		}
	}
}

// hasUniqueKey reports whether the table dc declares, or a table it is a
// partition of (whose keys and unique indexes its partitions have), has a
// primary key or a unique index (without predicate) over exactly cols.
func (d *decoder) hasUniqueKey(dc *decl, cols []string) bool {
	for range 64 {
		if dc == nil {
			return false
		}
		if t, ok := dc.obj.(*schema.Table); ok && hasUniqueKey(t, cols) {
			return true
		}
		dc = d.parentOf(dc)
	}
	return false
}

// hasUniqueKey reports whether t has a primary key or a unique index
// (without predicate) over exactly cols, in any order.
func hasUniqueKey(t *schema.Table, cols []string) bool {
	same := func(ix *schema.Index) bool {
		got, ok := ix.Columns()
		if !ok || len(got) != len(cols) || ix.Where != "" {
			return false
		}
		for _, c := range cols {
			found := false
			for _, g := range got {
				found = found || g == c
			}
			if !found {
				return false
			}
		}
		return true
	}
	if t.PrimaryKey != nil && same(t.PrimaryKey) {
		return true
	}
	for _, ix := range t.Indexes {
		if ix.Unique && same(ix) {
			return true
		}
	}
	return false
}

// extraRefs resolves references that do not go into the model but must
// name something that exists (and take part in navigation and rename):
// depends_on, an event trigger's function, a constraint trigger's other
// table. (An aggregate's functions are in the model: decodeAgg.)
func (d *decoder) extraRefs(dc *decl) {
	body := dc.block.Body
	if a := body.Attributes["depends_on"]; a != nil {
		if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
			for _, e := range tuple.Exprs {
				d.resolve(dc.file, e, objectKinds, nil)
			}
		}
	}
	refs := map[string][]string{
		"event_trigger": {"execute"},
		"trigger":       {"from"},
	}
	for _, name := range refs[dc.block.Type] {
		if a := body.Attributes[name]; a != nil {
			kinds := []string{"function", "procedure"}
			if name == "from" {
				kinds = []string{"table"}
			}
			d.resolve(dc.file, a.Expr, kinds, nil)
		}
	}
}
