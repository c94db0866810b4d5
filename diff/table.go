package diff

import (
	"fmt"
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// tables plans the tables of a schema: new ones created, gone ones
// dropped, the others altered.
// Partitions, and tables that were or become one, are planned by
// partitions, once every table is.
func (p *planner) tables(from, to *schema.Schema) {
	for _, t := range to.Tables {
		old := from.Table(t.Name)
		switch {
		case t.PartitionOf != nil || old != nil && old.PartitionOf != nil:
		case old != nil:
			p.alterTable(old, t)
		default:
			p.createTable(t)
		}
	}
	for _, t := range from.Tables {
		if to.Table(t.Name) == nil && t.PartitionOf == nil {
			p.dropTable(t)
		}
	}
}

// createTable creates a table, a partition after its parent.
func (p *planner) createTable(t *schema.Table) {
	name := qname(t.Schema, t.Name)
	ph := alterTables
	if t.PartitionOf != nil {
		ph = attachPartitions
	}
	p.add(ph, createTable(t), "DROP TABLE "+name, false)
	p.resolving(t.Schema, tableExprs(t)...)
	for _, ix := range t.Indexes {
		if !ix.Constraint {
			p.add(createIndexes, createIndex(t.Schema, t.Name, ix), "DROP INDEX "+qname(t.Schema, ix.Name), false)
			p.resolving(t.Schema, indexExprs(ix)...)
		}
	}
	for _, fk := range t.ForeignKeys {
		p.add(addForeignKeys, "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), false)
	}
	p.rowSecurity(t, schema.RowSecurity{}, t.RowSecurity)
	p.tableComments(&schema.Table{Schema: t.Schema, Name: t.Name}, t)
	p.triggersAndPolicies(t.Schema, t.Name, nil, t.Triggers, nil, t.Policies)
}

func (p *planner) dropTable(t *schema.Table) { p.dropTableIn(dropTables, t) }

// dropTableIn drops a table (its foreign keys first) in phase ph.
func (p *planner) dropTableIn(ph phase, t *schema.Table) {
	name := qname(t.Schema, t.Name)
	// Its foreign keys go first: another table dropped before it may be
	// what they reference.
	for _, fk := range t.ForeignKeys {
		p.add(dropDependents, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), false)
	}
	p.add(ph, "DROP TABLE "+name, "", true)
}

// alterTable plans the changes between two versions of a table.
func (p *planner) alterTable(from, to *schema.Table) {
	name := qname(to.Schema, to.Name)
	alter := func(ph phase, clause, reverse string, destructive bool) {
		rev := ""
		if reverse != "" {
			rev = "ALTER TABLE " + name + " " + reverse
		}
		p.add(ph, "ALTER TABLE "+name+" "+clause, rev, destructive)
	}
	if why := p.recreates(from, to); why != "" {
		p.warn(fmt.Sprintf("table %s: %s, which PostgreSQL cannot alter: it is dropped and created again, and its rows are lost", name, why))
		p.dropTableIn(dropTables, from) // after what references it, before it is created again
		p.createTable(to)
		p.retyped[to] = true // its views go and come back with it
		p.changes(to).recreated = true
		return
	}
	// Constraints that change or go are dropped before the columns they use.
	for _, fk := range from.ForeignKeys {
		// Kept ones are planned by foreignKeys.
		if n := findFK(to.ForeignKeys, fk.Name); n == nil || !sameFK(fk, n) && !sameFKButDeferral(fk, n) {
			p.add(dropDependents, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), false)
		}
	}
	for _, ix := range from.Indexes {
		n := findIndex(to.Indexes, ix.Name)
		if n != nil && p.sameIndex(ix, n) {
			continue
		}
		if ix.Unique {
			p.changes(to).droppedKeys = append(p.changes(to).droppedKeys, ix.Parts)
		}
		if ix.Constraint {
			alter(dropConstraints, "DROP CONSTRAINT "+ident(ix.Name), "ADD "+uniqueClause(ix), false)
		} else {
			p.add(dropDependents, "DROP INDEX "+qname(from.Schema, ix.Name), createIndex(from.Schema, from.Name, ix), false)
		}
	}
	pkChanged := !p.samePK(from.PrimaryKey, to.PrimaryKey)
	if pkChanged && from.PrimaryKey != nil {
		p.changes(to).droppedKeys = append(p.changes(to).droppedKeys, from.PrimaryKey.Parts)
		alter(dropConstraints, "DROP CONSTRAINT "+ident(from.PrimaryKey.Name), "ADD "+primaryKeyClause(from.PrimaryKey), false)
	}
	for _, c := range from.Checks {
		if n := findCheck(to.Checks, c.Name); n == nil || !p.sameCheck(c, n) {
			alter(dropConstraints, "DROP CONSTRAINT "+ident(c.Name), "ADD "+checkClause(c), false)
		}
	}
	for _, ex := range from.Excludes {
		if n := findExclude(to.Excludes, ex.Name); n == nil || !p.sameExclude(ex, n) {
			alter(dropConstraints, "DROP CONSTRAINT "+ident(ex.Name), "ADD "+excludeClause(ex), false)
		}
	}
	if from.Unlogged != to.Unlogged {
		// Foreign keys between tables that both change are dropped
		// meanwhile (fkdeps.go): PostgreSQL refuses one from a logged
		// table to an unlogged one.
		p.changes(to).persistence = true
		set := map[bool]string{true: "SET UNLOGGED", false: "SET LOGGED"}
		alter(alterTables, set[to.Unlogged], set[from.Unlogged], false)
	}
	p.columns(from, to, alter)
	// Constraints that are new or changed.
	if pkChanged && to.PrimaryKey != nil {
		alter(alterTables, "ADD "+primaryKeyClause(to.PrimaryKey), "DROP CONSTRAINT "+ident(to.PrimaryKey.Name), false)
	}
	for _, c := range to.Checks {
		if o := findCheck(from.Checks, c.Name); o == nil || !p.sameCheck(o, c) {
			alter(alterTables, "ADD "+checkClause(c), "DROP CONSTRAINT "+ident(c.Name), false)
			p.resolving(to.Schema, c.Expr)
		}
	}
	for _, ex := range to.Excludes {
		if o := findExclude(from.Excludes, ex.Name); o == nil || !p.sameExclude(o, ex) {
			alter(alterTables, "ADD "+excludeClause(ex), "DROP CONSTRAINT "+ident(ex.Name), false)
			p.resolving(to.Schema, excludeExprs(ex)...)
		}
	}
	for _, ix := range to.Indexes {
		if o := findIndex(from.Indexes, ix.Name); o != nil && p.sameIndex(o, ix) {
			continue
		}
		if ix.Constraint {
			alter(alterTables, "ADD "+uniqueClause(ix), "DROP CONSTRAINT "+ident(ix.Name), false)
		} else {
			p.add(createIndexes, createIndex(to.Schema, to.Name, ix), "DROP INDEX "+qname(to.Schema, ix.Name), false)
			p.resolving(to.Schema, indexExprs(ix)...)
		}
	}
	for _, fk := range to.ForeignKeys {
		if o := findFK(from.ForeignKeys, fk.Name); o == nil || !sameFK(o, fk) && !sameFKButDeferral(o, fk) {
			p.add(addForeignKeys, "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), false)
		}
	}
	p.rowSecurity(to, from.RowSecurity, to.RowSecurity)
	p.tableComments(from, to)
	p.triggersAndPolicies(to.Schema, to.Name, from.Triggers, to.Triggers, from.Policies, to.Policies)
}

// recreates says why a table must be dropped and created again ("" when it
// need not): its partitioning changes, or the type of a column of its
// partition key.
func (p *planner) recreates(from, to *schema.Table) string {
	if !samePartition(from.Partition, to.Partition) {
		return "its partitioning changes"
	}
	if to.Partition != nil {
		for _, part := range to.Partition.Parts {
			a, b := from.Column(part.Column), to.Column(part.Column)
			if a != nil && b != nil && (!a.Type.Equal(b.Type) || a.Collate != b.Collate) {
				return "the type of its partition key column " + part.Column + " changes"
			}
		}
	}
	return ""
}

// columns plans the columns of a table: added, changed, dropped.
// Generated columns go first (they may read the others) and come back
// last when a column they read changes type, which PostgreSQL refuses
// while they exist.
func (p *planner) columns(from, to *schema.Table, alter func(phase, string, string, bool)) {
	retyped := map[string]bool{}
	for _, c := range to.Columns {
		if old := from.Column(c.Name); old != nil && (!old.Type.Equal(c.Type) || old.Collate != c.Collate) {
			retyped[c.Name] = true
		}
	}
	var readd []*schema.Column
	for _, c := range to.Columns {
		old := from.Column(c.Name)
		if old == nil || old.Generated == nil || c.Generated == nil || retyped[c.Name] || !p.sameExpr(old.Generated.Value, c.Generated.Value) {
			continue
		}
		for r := range retyped {
			if mentions(c.Generated.Value, r) {
				readd = append(readd, c)
				alter(alterTables, "DROP COLUMN "+ident(c.Name), "ADD COLUMN "+columnDef(old), true)
				break
			}
		}
	}
	dropped := func(gen bool) {
		for _, c := range from.Columns {
			if to.Column(c.Name) == nil && (c.Generated != nil) == gen {
				alter(alterTables, "DROP COLUMN "+ident(c.Name), "ADD COLUMN "+columnDef(c), true)
			}
		}
	}
	dropped(true)
	for _, c := range to.Columns {
		old := from.Column(c.Name)
		switch {
		case slices.Contains(readd, c):
		case old == nil:
			p.addColumn(to, c)
		default:
			p.alterColumn(to, old, c)
		}
	}
	dropped(false)
	for _, c := range readd {
		p.addColumn(to, c)
	}
}

// addColumn adds a column to an existing table, with its comment.
func (p *planner) addColumn(t *schema.Table, c *schema.Column) {
	table := qname(t.Schema, t.Name)
	p.add(alterTables, "ALTER TABLE "+table+" ADD COLUMN "+columnDef(c), "ALTER TABLE "+table+" DROP COLUMN "+ident(c.Name), false)
	p.resolving(t.Schema, columnExprs(c)...)
	if c.Comment != "" {
		what := "COLUMN " + table + "." + ident(c.Name)
		p.add(setComments, commentOn(what, c.Comment), "", false)
	}
}

// alterColumn plans the changes to one column of table t.
func (p *planner) alterColumn(t *schema.Table, from, to *schema.Column) {
	table := qname(t.Schema, t.Name)
	col := ident(to.Name)
	alter := func(clause, reverse string, destructive bool) {
		rev := ""
		if reverse != "" {
			rev = "ALTER TABLE " + table + " " + reverse
		}
		p.add(alterTables, "ALTER TABLE "+table+" "+clause, rev, destructive)
	}
	// A generated expression cannot change in place before PostgreSQL 17:
	// the column is dropped and added again.
	if from.Generated == nil && to.Generated != nil ||
		from.Generated != nil && to.Generated != nil && !p.sameExpr(from.Generated.Value, to.Generated.Value) {
		what := "its generation expression changes"
		if from.Generated == nil {
			what = "it becomes generated, and its values are computed anew"
		}
		p.warn(fmt.Sprintf("column %s.%s: %s, so the column is dropped and added again", table, to.Name, what))
		alter("DROP COLUMN "+col, "ADD COLUMN "+columnDef(from), true)
		p.addColumn(t, to)
		return
	}
	if from.Generated != nil && to.Generated == nil {
		alter("ALTER COLUMN "+col+" DROP EXPRESSION", "", false)
	}
	// An identity goes first: a column with one takes no default.
	if from.Identity != nil && to.Identity == nil {
		alter("ALTER COLUMN "+col+" DROP IDENTITY", "ALTER COLUMN "+col+" ADD"+identityClause(from.Identity), false)
		from = withColumn(from, func(c *schema.Column) { c.Identity = nil })
	}
	from = p.serial(t, from, to, alter)
	if !from.Type.Equal(to.Type) || from.Collate != to.Collate {
		p.retyped[t] = true
		if needsUsing(from.Type, to.Type) || schema.CategoryOf(from.Type) != schema.CategoryOf(to.Type) {
			p.changes(t).cast = append(p.changes(t).cast, to.Name)
		}
		if needsUsing(from.Type, to.Type) {
			// The old default would be cast as the column is: it goes
			// first, and the new one (or it again) is set after.
			if from.Default != nil {
				alter("ALTER COLUMN "+col+" DROP DEFAULT", "ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(from.Default), false)
				from = withColumn(from, func(c *schema.Column) { c.Default = nil })
			}
		}
		if zones := map[string]bool{"timestamp without time zone": true, "timestamp with time zone": true}; zones[from.Type.Name] && zones[to.Type.Name] && from.Type.Name != to.Type.Name {
			p.warn(fmt.Sprintf("column %s.%s: %s becomes %s in the TimeZone of the session that runs the plan", table, to.Name, from.Type.Name, to.Type.Name))
		}
		clause := "ALTER COLUMN " + col + " TYPE " + to.Type.String()
		if to.Collate != "" {
			clause += " COLLATE " + ident(to.Collate)
		}
		clause += using(col, from.Type, to.Type)
		reverse := "ALTER COLUMN " + col + " TYPE " + from.Type.String() + using(col, to.Type, from.Type)
		alter(clause, reverse, narrows(from.Type, to.Type))
	}
	if !p.sameDefault(from.Default, to.Default) && to.Generated == nil {
		switch {
		case to.Default == nil:
			alter("ALTER COLUMN "+col+" DROP DEFAULT", "ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(from.Default), false)
		case from.Default == nil:
			alter("ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(to.Default), "ALTER COLUMN "+col+" DROP DEFAULT", false)
			p.resolving(t.Schema, columnExprs(to)...)
		default:
			alter("ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(to.Default), "ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(from.Default), false)
			p.resolving(t.Schema, columnExprs(to)...)
		}
	}
	// NOT NULL before an identity is added (it needs one), after one is
	// dropped.
	if from.Null && !to.Null {
		alter("ALTER COLUMN "+col+" SET NOT NULL", "ALTER COLUMN "+col+" DROP NOT NULL", false)
	}
	p.identity(table, alter, col, from.Identity, to.Identity)
	if !from.Null && to.Null {
		alter("ALTER COLUMN "+col+" DROP NOT NULL", "ALTER COLUMN "+col+" SET NOT NULL", false)
	}
	if from.Comment != to.Comment {
		what := "COLUMN " + table + "." + col
		p.add(setComments, commentOn(what, to.Comment), commentOn(what, from.Comment), false)
	}
}

// withColumn returns a copy of c changed by f.
func withColumn(c *schema.Column, f func(*schema.Column)) *schema.Column {
	out := *c
	f(&out)
	return &out
}

// serial plans what makes a column serial or no longer serial (an integer
// type with an owned sequence as its default) and returns the column as
// it is afterwards but for its type, default and nullability.
func (p *planner) serial(t *schema.Table, from, to *schema.Column, alter func(string, string, bool)) *schema.Column {
	table, col := qname(t.Schema, t.Name), ident(to.Name)
	seq := qname(t.Schema, schema.DefaultName(t.Name, to.Name, "seq", nil))
	fromBase, toBase := serialBase(from.Type), serialBase(to.Type)
	switch {
	case fromBase != nil && toBase != nil:
		if !fromBase.Equal(*toBase) {
			alter("ALTER COLUMN "+col+" TYPE "+toBase.String(), "ALTER COLUMN "+col+" TYPE "+fromBase.String(), narrows(*fromBase, *toBase))
			p.add(alterTables, "ALTER SEQUENCE "+seq+" AS "+toBase.String(), "ALTER SEQUENCE "+seq+" AS "+fromBase.String(), false)
		}
		return withColumn(from, func(c *schema.Column) { c.Type = to.Type })
	case fromBase != nil:
		alter("ALTER COLUMN "+col+" DROP DEFAULT", "", false)
		p.add(alterTables, "DROP SEQUENCE "+seq, "", false)
		return withColumn(from, func(c *schema.Column) { c.Type, c.Default = *fromBase, nil })
	case toBase != nil:
		if !from.Type.Equal(*toBase) {
			alter("ALTER COLUMN "+col+" TYPE "+toBase.String()+using(col, from.Type, *toBase), "", narrows(from.Type, *toBase))
		}
		p.add(alterTables, "CREATE SEQUENCE "+seq+" AS "+toBase.String()+" OWNED BY "+table+"."+col, "DROP SEQUENCE "+seq, false)
		// Numbering goes on after the rows the table holds.
		p.add(alterTables, "SELECT setval("+literal(seq)+", coalesce(max("+col+"), 0) + 1, false) FROM "+table, "", false)
		alter("ALTER COLUMN "+col+" SET DEFAULT nextval("+literal(seq)+"::regclass)", "ALTER COLUMN "+col+" DROP DEFAULT", false)
		return withColumn(from, func(c *schema.Column) { c.Type, c.Default = to.Type, to.Default })
	}
	return from
}

// needsUsing: PostgreSQL converts between types of one category (and to
// text) by assignment; other changes need an explicit USING cast.
// Arrays and ranges convert element by element, so a change of their
// element type needs one too, and money converts only to numeric.
func needsUsing(from, to schema.Type) bool {
	if from.Array != to.Array || from.UserKind != "" || to.UserKind != "" {
		return true
	}
	a, b := schema.CategoryOf(from), schema.CategoryOf(to)
	switch {
	case from.Name == to.Name:
		return false
	case a == "array":
		elem := func(t schema.Type) schema.Type { t.Array = 0; return t }
		return needsUsing(elem(from), elem(to))
	case a == schema.CatRange:
		return true
	case from.Name == "money" || to.Name == "money":
		return from.Name == "money" && to.Name != "numeric"
	}
	return a != b && b != schema.CatString
}

// using is the USING clause converting col from one type to another, ""
// when PostgreSQL needs none.
func using(col string, from, to schema.Type) string {
	if !needsUsing(from, to) {
		return ""
	}
	switch {
	case from.Array == 0 && to.Array > 0 && from.Name == to.Name && from.UserKind == to.UserKind:
		return " USING ARRAY[" + col + "]"
	case from.Name == "money":
		return " USING " + col + "::numeric::" + to.String()
	case schema.CategoryOf(from) == schema.CatRange && schema.CategoryOf(to) == schema.CatRange,
		from.UserKind == "enum" && to.UserKind == "enum":
		// No cast between them: through their text.
		return " USING " + col + "::text::" + to.String()
	}
	return " USING " + col + "::" + to.String()
}

// narrows reports a type change that may lose data: to another category,
// or to a shorter length, precision or scale.
func narrows(from, to schema.Type) bool {
	if needsUsing(from, to) && schema.CategoryOf(to) != schema.CatString {
		return true
	}
	if from.Name == to.Name {
		for i := range min(len(from.Args), len(to.Args)) {
			if to.Args[i] < from.Args[i] {
				return true
			}
		}
		return false
	}
	return schema.CategoryOf(from) == schema.CatNumeric && numericRank(to.Name) < numericRank(from.Name)
}

// serialBase is the integer type of a serial type, nil for other types.
func serialBase(t schema.Type) *schema.Type {
	if base, ok := schema.SerialBase(t); ok {
		return &base
	}
	return nil
}

func numericRank(name string) int {
	return slices.Index([]string{"smallint", "integer", "bigint", "real", "double precision", "numeric"}, name)
}

func (p *planner) sameDefault(a, b *schema.Expr) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	case a.Kind == schema.ExprSQL || b.Kind == schema.ExprSQL:
		return p.sameExpr(exprSQL(a), exprSQL(b))
	}
	return a.Kind == b.Kind && a.Value == b.Value
}

func (p *planner) rowSecurity(t *schema.Table, from, to schema.RowSecurity) {
	name := "ALTER TABLE " + qname(t.Schema, t.Name)
	if from.Enabled != to.Enabled {
		on := map[bool]string{true: " ENABLE ROW LEVEL SECURITY", false: " DISABLE ROW LEVEL SECURITY"}
		p.add(createTriggers, name+on[to.Enabled], name+on[from.Enabled], false)
	}
	if from.Forced != to.Forced {
		on := map[bool]string{true: " FORCE ROW LEVEL SECURITY", false: " NO FORCE ROW LEVEL SECURITY"}
		p.add(createTriggers, name+on[to.Forced], name+on[from.Forced], false)
	}
}

// tableComments plans the comments of a table and its constraints.
func (p *planner) tableComments(from, to *schema.Table) {
	name := qname(to.Schema, to.Name)
	if from.Comment != to.Comment {
		p.add(setComments, commentOn("TABLE "+name, to.Comment), commentOn("TABLE "+name, from.Comment), false)
	}
	if from.Columns == nil { // a new table: its columns' comments too
		for _, c := range to.Columns {
			if c.Comment != "" {
				p.add(setComments, commentOn("COLUMN "+name+"."+ident(c.Name), c.Comment), "", false)
			}
		}
	}
	constraint := func(cname, before, after string) {
		if before != after {
			what := "CONSTRAINT " + ident(cname) + " ON " + name
			p.add(setComments, commentOn(what, after), commentOn(what, before), false)
		}
	}
	for _, fk := range to.ForeignKeys {
		if o := findFK(from.ForeignKeys, fk.Name); o == nil || !sameFK(o, fk) {
			constraint(fk.Name, "", fk.Comment)
		} else {
			constraint(fk.Name, o.Comment, fk.Comment)
		}
	}
	for _, c := range to.Checks {
		before := ""
		if o := findCheck(from.Checks, c.Name); o != nil && p.sameCheck(o, c) {
			before = o.Comment
		}
		constraint(c.Name, before, c.Comment)
	}
	if pk := to.PrimaryKey; pk != nil {
		before := ""
		if p.samePK(from.PrimaryKey, pk) {
			before = from.PrimaryKey.Comment
		}
		constraint(pk.Name, before, pk.Comment)
	}
	for _, ex := range to.Excludes {
		before := ""
		if o := findExclude(from.Excludes, ex.Name); o != nil && p.sameExclude(o, ex) {
			before = o.Comment
		}
		constraint(ex.Name, before, ex.Comment)
	}
	for _, ix := range to.Indexes {
		before := ""
		if o := findIndex(from.Indexes, ix.Name); o != nil && p.sameIndex(o, ix) {
			before = o.Comment
		}
		if ix.Comment == before {
			continue
		}
		what := "INDEX " + qname(to.Schema, ix.Name)
		if ix.Constraint {
			what = "CONSTRAINT " + ident(ix.Name) + " ON " + name
		}
		p.add(setComments, commentOn(what, ix.Comment), commentOn(what, before), false)
	}
}
