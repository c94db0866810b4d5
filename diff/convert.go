package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// convertColumns converts the columns of every table storing a type made
// anew to the new type (phase convertColumns). Columns the plan drops or
// gives another type are left to their table's change.
func (p *planner) convertColumns(from, to *schema.Realm) {
	if len(p.remade.types) == 0 {
		return
	}
	for _, fs := range from.Schemas {
		ts := to.Schema(fs.Name)
		if ts == nil {
			continue
		}
		for _, t := range fs.Tables {
			if nt := ts.Table(t.Name); nt != nil && samePartition(t.Partition, nt.Partition) {
				p.convertTable(t, nt)
			}
		}
	}
}

// convertTable converts the columns of t using remade types. Their
// defaults are dropped for the conversion and set again when they stay
// (a new one comes with the column's change); the checks and indexes
// that stay and read them are dropped and made again (PostgreSQL would
// read them again with the old type's constants); so are the views,
// triggers and policies reading them (retyped, remade.converted).
func (p *planner) convertTable(t, nt *schema.Table) {
	var cols []string
	for _, c := range t.Columns {
		n := nt.Column(c.Name)
		if p.remade.types[typeKey(c.Type)] != nil && n != nil && n.Type.Equal(c.Type) && c.Generated == nil && n.Generated == nil {
			cols = append(cols, c.Name)
		}
	}
	if len(cols) == 0 {
		return
	}
	name := qname(t.Schema, t.Name)
	p.remade.converted[name] = cols
	p.retyped[t] = true
	// Foreign keys over them go meanwhile (fkdeps.go): between the old
	// type and the new there is no operator.
	p.changes(t).cast = append(p.changes(t).cast, cols...)
	alter := func(clause string) { p.add(convertColumns, "ALTER TABLE "+name+" "+clause, "", false) }
	reads := func(sql ...string) bool {
		return slices.ContainsFunc(sql, func(s string) bool { return s != "" && p.readsConverted(name, s) })
	}
	var checks []*schema.Check
	for _, c := range t.Checks {
		if n := findCheck(nt.Checks, c.Name); n != nil && p.sameExpr(c.Expr, n.Expr) && reads(c.Expr) {
			checks = append(checks, c)
			p.remade.rebuilt[c] = true
			alter("DROP CONSTRAINT " + ident(c.Name))
		}
	}
	var indexes []*schema.Index
	for _, ix := range t.Indexes {
		if n := findIndex(nt.Indexes, ix.Name); n != nil && !ix.Constraint && p.sameIndex(ix, n) && reads(indexExprs(ix)...) {
			indexes = append(indexes, ix)
			p.remade.rebuilt[ix] = true
			p.add(convertColumns, "DROP INDEX "+qname(t.Schema, ix.Name), "", false)
		}
	}
	for _, col := range cols {
		c, n := t.Column(col), nt.Column(col)
		if c.Default != nil {
			alter("ALTER COLUMN " + ident(col) + " DROP DEFAULT")
		}
		alter("ALTER COLUMN " + ident(col) + " TYPE " + n.Type.String() + " USING " + p.convertExpr(ident(col), c.Type, n.Type))
		if c.Default != nil && p.sameDefault(c.Default, n.Default) {
			alter("ALTER COLUMN " + ident(col) + " SET DEFAULT " + exprSQL(c.Default))
		}
	}
	for _, c := range checks {
		alter("ADD " + checkClause(c))
	}
	for _, ix := range indexes {
		p.add(convertColumns, createIndex(t.Schema, t.Name, ix), "", false)
	}
}

// readsConverted reports whether SQL text (a check, a predicate) of the
// table named table names one of the columns the plan converts.
func (p *planner) readsConverted(table, sql string) bool {
	return slices.ContainsFunc(p.remade.converted[table], func(col string) bool { return mentions(sql, col) })
}

// convertExpr converts expr from a type to the same type made anew:
// through text for enums (no cast joins two enums) and arrays of
// composite types; field by field for a composite value; by a cast for a
// domain, through text when its base type is remade too.
func (p *planner) convertExpr(expr string, from, to schema.Type) string {
	r := p.remade.types[typeKey(to)]
	switch {
	case r == nil:
		if from.Equal(to) {
			return expr
		}
		return expr + "::" + to.String()
	case r.to.composite != nil && to.Array == 0:
		var fields []string
		for _, f := range r.to.composite.Fields {
			v := "NULL"
			if o := columnNamed(r.from.composite.Fields, f.Name); o != nil {
				v = p.convertExpr("("+expr+")."+ident(f.Name), o.Type, f.Type)
			}
			fields = append(fields, v)
		}
		return "CASE WHEN " + expr + " IS DISTINCT FROM NULL THEN ROW(" + strings.Join(fields, ", ") + ")::" + to.String() + " END"
	case r.to.enum != nil || r.to.composite != nil || !r.from.sameKind(r.to) || p.remade.types[typeKey(r.to.domain.Type)] != nil:
		text := schema.Type{Name: "text", Array: to.Array}
		return expr + "::" + text.String() + "::" + to.String()
	}
	return expr + "::" + to.String()
}
