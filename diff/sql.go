package diff

import (
	"fmt"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// SQL writers: the statements and clauses a plan is made of, from the
// model. Names are always schema-qualified, so a plan does not depend on
// the search_path it runs with.

var ident = schema.QuoteIdent

func qname(s *schema.Schema, name string) string { return schema.Qualified(s.Name, name) }

func idents(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = ident(n)
	}
	return strings.Join(out, ", ")
}

// literal writes a string constant.
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// exprSQL writes a default or other value.
func exprSQL(e *schema.Expr) string {
	switch e.Kind {
	case schema.ExprString:
		return literal(e.Value)
	default:
		return e.Value
	}
}

// columnDef writes a column as CREATE TABLE and ADD COLUMN take it.
func columnDef(c *schema.Column) string {
	var b strings.Builder
	b.WriteString(ident(c.Name) + " " + c.Type.String())
	if c.Collate != "" {
		b.WriteString(" COLLATE " + ident(c.Collate))
	}
	switch {
	case c.Generated != nil:
		b.WriteString(" GENERATED ALWAYS AS (" + c.Generated.Value + ") STORED")
	case c.Identity != nil:
		b.WriteString(identityClause(c.Identity))
	}
	if !c.Null {
		b.WriteString(" NOT NULL")
	}
	if c.Default != nil && c.Generated == nil {
		b.WriteString(" DEFAULT " + exprSQL(c.Default))
	}
	return b.String()
}

func indexPart(p *schema.IndexPart) string {
	s := ident(p.Column)
	if p.Column == "" {
		s = "(" + p.Expr + ")"
	}
	if p.Collate != "" {
		s += " COLLATE " + ident(p.Collate)
	}
	if p.Ops != "" {
		s += " " + p.Ops
	}
	if p.Desc {
		s += " DESC"
	}
	if p.NullsFirst != nil {
		if *p.NullsFirst {
			s += " NULLS FIRST"
		} else {
			s += " NULLS LAST"
		}
	}
	return s
}

func indexParts(parts []*schema.IndexPart) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = indexPart(p)
	}
	return strings.Join(out, ", ")
}

func deferrable(d, initially bool) string {
	switch {
	case d && initially:
		return " DEFERRABLE INITIALLY DEFERRED"
	case d:
		return " DEFERRABLE"
	}
	return ""
}

// createIndex writes CREATE INDEX for an index of a table or view.
func createIndex(s *schema.Schema, on string, ix *schema.Index) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if ix.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX " + ident(ix.Name) + " ON " + qname(s, on))
	if ix.Method != "" {
		b.WriteString(" USING " + strings.ToLower(ix.Method))
	}
	b.WriteString(" (" + indexParts(ix.Parts) + ")")
	if len(ix.Include) > 0 {
		b.WriteString(" INCLUDE (" + idents(ix.Include) + ")")
	}
	if ix.NullsDistinct != nil && !*ix.NullsDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if ix.Where != "" {
		b.WriteString(" WHERE (" + ix.Where + ")")
	}
	return b.String()
}

// Constraint clauses, as CREATE TABLE and ADD CONSTRAINT take them.

func primaryKeyClause(pk *schema.Index) string {
	cols, _ := pk.Columns()
	s := "CONSTRAINT " + ident(pk.Name) + " PRIMARY KEY (" + idents(cols) + ")"
	if len(pk.Include) > 0 {
		s += " INCLUDE (" + idents(pk.Include) + ")"
	}
	return s + deferrable(pk.Deferrable, pk.InitiallyDeferred)
}

func uniqueClause(ix *schema.Index) string {
	cols, _ := ix.Columns()
	s := "CONSTRAINT " + ident(ix.Name) + " UNIQUE"
	if ix.NullsDistinct != nil && !*ix.NullsDistinct {
		s += " NULLS NOT DISTINCT"
	}
	s += " (" + idents(cols) + ")"
	if len(ix.Include) > 0 {
		s += " INCLUDE (" + idents(ix.Include) + ")"
	}
	return s + deferrable(ix.Deferrable, ix.InitiallyDeferred)
}

func checkClause(c *schema.Check) string {
	s := "CONSTRAINT " + ident(c.Name) + " CHECK (" + c.Expr + ")"
	if c.NoInherit {
		s += " NO INHERIT"
	}
	return s
}

func foreignKeyClause(fk *schema.ForeignKey) string {
	s := fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)", ident(fk.Name), idents(fk.Columns),
		schema.Qualified(fk.RefSchema, fk.RefTable), idents(fk.RefColumns))
	if fk.OnUpdate != "" {
		s += " ON UPDATE " + string(fk.OnUpdate)
	}
	if fk.MatchFull {
		s += " MATCH FULL"
	}
	if fk.OnDelete != "" {
		s += " ON DELETE " + string(fk.OnDelete)
	}
	if len(fk.OnDeleteColumns) > 0 {
		s += " (" + idents(fk.OnDeleteColumns) + ")"
	}
	return s + deferrable(fk.Deferrable, fk.InitiallyDeferred)
}

func excludeClause(ex *schema.Exclude) string {
	method := "gist"
	if ex.Method != "" {
		method = strings.ToLower(ex.Method)
	}
	var els []string
	for _, e := range ex.Elements {
		el := ident(e.Column)
		if e.Column == "" {
			el = "(" + e.Expr + ")"
		}
		els = append(els, el+" WITH "+e.Op)
	}
	s := "CONSTRAINT " + ident(ex.Name) + " EXCLUDE USING " + method + " (" + strings.Join(els, ", ") + ")"
	if len(ex.Include) > 0 {
		s += " INCLUDE (" + idents(ex.Include) + ")"
	}
	if ex.Where != "" {
		s += " WHERE (" + ex.Where + ")"
	}
	return s + deferrable(ex.Deferrable, ex.InitiallyDeferred)
}

// createTable writes CREATE TABLE with its columns and constraints, but
// not its foreign keys (added once every table exists) or indexes; for a
// partition, CREATE TABLE … PARTITION OF with its own constraints.
func createTable(t *schema.Table) string {
	var items []string
	for _, c := range t.Columns {
		items = append(items, columnDef(c))
	}
	if t.PrimaryKey != nil {
		items = append(items, primaryKeyClause(t.PrimaryKey))
	}
	for _, ix := range t.Indexes {
		if ix.Constraint {
			items = append(items, uniqueClause(ix))
		}
	}
	for _, c := range t.Checks {
		items = append(items, checkClause(c))
	}
	for _, ex := range t.Excludes {
		items = append(items, excludeClause(ex))
	}
	s := "CREATE TABLE "
	if t.Unlogged {
		s = "CREATE UNLOGGED TABLE "
	}
	s += qname(t.Schema, t.Name)
	list := " (\n  " + strings.Join(items, ",\n  ") + "\n)"
	switch po := t.PartitionOf; {
	case po == nil:
		s += list
	case len(items) > 0:
		s += " PARTITION OF " + schema.Qualified(po.Schema, po.Table) + list + " " + po.Bound
	default:
		s += " PARTITION OF " + schema.Qualified(po.Schema, po.Table) + " " + po.Bound
	}
	if p := t.Partition; p != nil {
		var parts []string
		for i := range p.Parts {
			parts = append(parts, indexPart(&p.Parts[i]))
		}
		s += " PARTITION BY " + p.Type + " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// commentOn writes COMMENT ON what IS 'text' (or IS NULL).
func commentOn(what, text string) string {
	if text == "" {
		return "COMMENT ON " + what + " IS NULL"
	}
	return "COMMENT ON " + what + " IS " + literal(text)
}

// attachPartition writes ALTER TABLE … ATTACH PARTITION for partition t.
func attachPartition(t *schema.Table) string {
	po := t.PartitionOf
	return "ALTER TABLE " + schema.Qualified(po.Schema, po.Table) + " ATTACH PARTITION " + qname(t.Schema, t.Name) + " " + po.Bound
}

// detachPartition writes ALTER TABLE … DETACH PARTITION for partition t.
func detachPartition(t *schema.Table) string {
	po := t.PartitionOf
	return "ALTER TABLE " + schema.Qualified(po.Schema, po.Table) + " DETACH PARTITION " + qname(t.Schema, t.Name)
}
