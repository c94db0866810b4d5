package diff

import (
	"fmt"
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// tables plans the tables of a schema: new ones created, gone ones
// dropped, the others altered.
func (p *planner) tables(from, to *schema.Schema) {
	for _, t := range to.Tables {
		if old := from.Table(t.Name); old != nil {
			p.alterTable(old, t)
			continue
		}
		p.createTable(t)
	}
	for _, t := range from.Tables {
		if to.Table(t.Name) == nil {
			p.dropTable(t)
		}
	}
}

func (p *planner) createTable(t *schema.Table) {
	name := qname(t.Schema, t.Name)
	p.add(alterTables, createTable(t), "DROP TABLE "+name, false)
	for _, ix := range t.Indexes {
		if !ix.Constraint {
			p.add(createIndexes, createIndex(t.Schema, t.Name, ix), "DROP INDEX "+qname(t.Schema, ix.Name), false)
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
	if !samePartition(from.Partition, to.Partition) {
		p.warn(fmt.Sprintf("table %s: its partitioning changes, which PostgreSQL cannot alter: it is dropped and created again, and its rows are lost", name))
		p.dropTableIn(dropDependents, from) // before it is created again
		p.createTable(to)
		p.retyped[to] = true // its views go and come back with it
		return
	}
	// Constraints that change or go are dropped before the columns they use.
	for _, fk := range from.ForeignKeys {
		if n := findFK(to.ForeignKeys, fk.Name); n == nil || !sameFK(fk, n) {
			p.add(dropDependents, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), false)
		}
	}
	for _, ix := range from.Indexes {
		n := findIndex(to.Indexes, ix.Name)
		if n != nil && p.sameIndex(ix, n) {
			continue
		}
		if ix.Constraint {
			alter(alterTables, "DROP CONSTRAINT "+ident(ix.Name), "ADD "+uniqueClause(ix), false)
		} else {
			p.add(dropDependents, "DROP INDEX "+qname(from.Schema, ix.Name), createIndex(from.Schema, from.Name, ix), false)
		}
	}
	pkChanged := !p.samePK(from.PrimaryKey, to.PrimaryKey)
	if pkChanged && from.PrimaryKey != nil {
		alter(alterTables, "DROP CONSTRAINT "+ident(from.PrimaryKey.Name), "ADD "+primaryKeyClause(from.PrimaryKey), false)
	}
	for _, c := range from.Checks {
		if n := findCheck(to.Checks, c.Name); n == nil || !p.sameExpr(c.Expr, n.Expr) {
			alter(alterTables, "DROP CONSTRAINT "+ident(c.Name), "ADD "+checkClause(c), false)
		}
	}
	for _, ex := range from.Excludes {
		if n := findExclude(to.Excludes, ex.Name); n == nil || !p.sameExclude(ex, n) {
			alter(alterTables, "DROP CONSTRAINT "+ident(ex.Name), "ADD "+excludeClause(ex), false)
		}
	}
	// Columns.
	for _, c := range to.Columns {
		old := from.Column(c.Name)
		if old == nil {
			alter(alterTables, "ADD COLUMN "+columnDef(c), "DROP COLUMN "+ident(c.Name), false)
			continue
		}
		p.alterColumn(to, old, c)
	}
	for _, c := range from.Columns {
		if to.Column(c.Name) == nil {
			alter(alterTables, "DROP COLUMN "+ident(c.Name), "ADD COLUMN "+columnDef(c), true)
		}
	}
	// Constraints that are new or changed.
	if pkChanged && to.PrimaryKey != nil {
		alter(alterTables, "ADD "+primaryKeyClause(to.PrimaryKey), "DROP CONSTRAINT "+ident(to.PrimaryKey.Name), false)
	}
	for _, c := range to.Checks {
		if o := findCheck(from.Checks, c.Name); o == nil || !p.sameExpr(c.Expr, o.Expr) {
			alter(alterTables, "ADD "+checkClause(c), "DROP CONSTRAINT "+ident(c.Name), false)
		}
	}
	for _, ex := range to.Excludes {
		if o := findExclude(from.Excludes, ex.Name); o == nil || !p.sameExclude(o, ex) {
			alter(alterTables, "ADD "+excludeClause(ex), "DROP CONSTRAINT "+ident(ex.Name), false)
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
		}
	}
	for _, fk := range to.ForeignKeys {
		if o := findFK(from.ForeignKeys, fk.Name); o == nil || !sameFK(o, fk) {
			p.add(addForeignKeys, "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), false)
		}
	}
	p.rowSecurity(to, from.RowSecurity, to.RowSecurity)
	p.tableComments(from, to)
	p.triggersAndPolicies(to.Schema, to.Name, from.Triggers, to.Triggers, from.Policies, to.Policies)
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
	if (from.Generated == nil) != (to.Generated == nil) && to.Generated != nil ||
		from.Generated != nil && to.Generated != nil && !p.sameExpr(from.Generated.Value, to.Generated.Value) {
		p.warn(fmt.Sprintf("column %s.%s: its generation expression changes, so the column is dropped and added again", table, to.Name))
		alter("DROP COLUMN "+col, "ADD COLUMN "+columnDef(from), true)
		alter("ADD COLUMN "+columnDef(to), "DROP COLUMN "+col, false)
		return
	}
	if from.Generated != nil && to.Generated == nil {
		alter("ALTER COLUMN "+col+" DROP EXPRESSION", "", false)
	}
	// serial is an integer type with an owned sequence as its default.
	seq := qname(t.Schema, schema.DefaultName(t.Name, to.Name, "seq", nil))
	switch fromBase, toBase := serialBase(from.Type), serialBase(to.Type); {
	case fromBase != nil && to.Type.Equal(*fromBase) && from.Collate == to.Collate:
		alter("ALTER COLUMN "+col+" DROP DEFAULT", "", false)
		p.add(alterTables, "DROP SEQUENCE "+seq, "", false)
		from = &schema.Column{Name: from.Name, Type: to.Type, Null: from.Null, Identity: from.Identity, Comment: from.Comment}
	case toBase != nil && from.Type.Equal(*toBase) && from.Collate == to.Collate && from.Identity == nil:
		p.add(alterTables, "CREATE SEQUENCE "+seq+" AS "+toBase.String()+" OWNED BY "+table+"."+col, "DROP SEQUENCE "+seq, false)
		alter("ALTER COLUMN "+col+" SET DEFAULT nextval("+literal(seq)+"::regclass)", "ALTER COLUMN "+col+" DROP DEFAULT", false)
		from = &schema.Column{Name: from.Name, Type: to.Type, Null: from.Null, Default: to.Default, Comment: from.Comment}
	}
	if !from.Type.Equal(to.Type) || from.Collate != to.Collate {
		p.retyped[t] = true
		clause := "ALTER COLUMN " + col + " TYPE " + to.Type.String()
		if to.Collate != "" {
			clause += " COLLATE " + ident(to.Collate)
		}
		if needsUsing(from.Type, to.Type) {
			clause += " USING " + col + "::" + to.Type.String()
		}
		reverse := "ALTER COLUMN " + col + " TYPE " + from.Type.String()
		if needsUsing(to.Type, from.Type) {
			reverse += " USING " + col + "::" + from.Type.String()
		}
		alter(clause, reverse, narrows(from.Type, to.Type))
	}
	if !p.sameDefault(from.Default, to.Default) && to.Generated == nil {
		switch {
		case to.Default == nil:
			alter("ALTER COLUMN "+col+" DROP DEFAULT", "ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(from.Default), false)
		case from.Default == nil:
			alter("ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(to.Default), "ALTER COLUMN "+col+" DROP DEFAULT", false)
		default:
			alter("ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(to.Default), "ALTER COLUMN "+col+" SET DEFAULT "+exprSQL(from.Default), false)
		}
	}
	p.identity(alter, col, from.Identity, to.Identity)
	if from.Null != to.Null {
		if to.Null {
			alter("ALTER COLUMN "+col+" DROP NOT NULL", "ALTER COLUMN "+col+" SET NOT NULL", false)
		} else {
			alter("ALTER COLUMN "+col+" SET NOT NULL", "ALTER COLUMN "+col+" DROP NOT NULL", false)
		}
	}
	if from.Comment != to.Comment {
		what := "COLUMN " + table + "." + col
		p.add(setComments, commentOn(what, to.Comment), commentOn(what, from.Comment), false)
	}
}

func (p *planner) identity(alter func(string, string, bool), col string, from, to *schema.Identity) {
	switch {
	case from == nil && to == nil:
	case to == nil:
		alter("ALTER COLUMN "+col+" DROP IDENTITY", "ALTER COLUMN "+col+" ADD"+identityClause(from), false)
	case from == nil:
		alter("ALTER COLUMN "+col+" ADD"+identityClause(to), "ALTER COLUMN "+col+" DROP IDENTITY", false)
	default:
		if from.Always != to.Always {
			kind := map[bool]string{true: "ALWAYS", false: "BY DEFAULT"}
			alter("ALTER COLUMN "+col+" SET GENERATED "+kind[to.Always], "ALTER COLUMN "+col+" SET GENERATED "+kind[from.Always], false)
		}
		if from.Increment != to.Increment {
			alter(fmt.Sprintf("ALTER COLUMN %s SET INCREMENT BY %d", col, to.Increment), fmt.Sprintf("ALTER COLUMN %s SET INCREMENT BY %d", col, from.Increment), false)
		}
		if from.Start != to.Start {
			alter(fmt.Sprintf("ALTER COLUMN %s SET START WITH %d", col, to.Start), fmt.Sprintf("ALTER COLUMN %s SET START WITH %d", col, from.Start), false)
		}
	}
}

// needsUsing: PostgreSQL converts between types of one category (and to
// text) by assignment; other changes need an explicit USING cast.
func needsUsing(from, to schema.Type) bool {
	if from.Array != to.Array || from.UserKind != "" || to.UserKind != "" {
		return true
	}
	a, b := schema.CategoryOf(from), schema.CategoryOf(to)
	return a != b && b != schema.CatString
}

// narrows reports a type change that may lose data: to another category,
// or to a shorter length or precision.
func narrows(from, to schema.Type) bool {
	if needsUsing(from, to) && schema.CategoryOf(to) != schema.CatString {
		return true
	}
	if from.Name == to.Name && len(from.Args) > 0 && len(to.Args) > 0 && to.Args[0] < from.Args[0] {
		return true
	}
	return from.Name != to.Name && schema.CategoryOf(from) == schema.CatNumeric && numericRank(to.Name) < numericRank(from.Name)
}

// serialBase is the integer type of a serial type, nil for other types.
func serialBase(t schema.Type) *schema.Type {
	base := map[string]string{"smallserial": "smallint", "serial": "integer", "bigserial": "bigint"}[t.Name]
	if base == "" || t.UserKind != "" || t.Array > 0 {
		return nil
	}
	return &schema.Type{Name: base}
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
		if o := findCheck(from.Checks, c.Name); o != nil && p.sameExpr(o.Expr, c.Expr) {
			before = o.Comment
		}
		constraint(c.Name, before, c.Comment)
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

// Lookups and comparisons of table parts.

func findIndex(list []*schema.Index, name string) *schema.Index {
	for _, ix := range list {
		if ix.Name == name {
			return ix
		}
	}
	return nil
}

func findFK(list []*schema.ForeignKey, name string) *schema.ForeignKey {
	for _, fk := range list {
		if fk.Name == name {
			return fk
		}
	}
	return nil
}

func findCheck(list []*schema.Check, name string) *schema.Check {
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func findExclude(list []*schema.Exclude, name string) *schema.Exclude {
	for _, ex := range list {
		if ex.Name == name {
			return ex
		}
	}
	return nil
}

func (p *planner) samePK(a, b *schema.Index) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Name == b.Name && p.sameIndex(a, b)
}

// sameIndex compares everything PostgreSQL stores of an index but its
// comment.
func (p *planner) sameIndex(a, b *schema.Index) bool {
	if a.Unique != b.Unique || a.Constraint != b.Constraint || a.Method != b.Method || !slices.Equal(a.Include, b.Include) ||
		!sameBoolPtr(a.NullsDistinct, b.NullsDistinct) || a.Deferrable != b.Deferrable || a.InitiallyDeferred != b.InitiallyDeferred ||
		!p.sameExpr(a.Where, b.Where) || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		x, y := a.Parts[i], b.Parts[i]
		if x.Column != y.Column || x.Desc != y.Desc || !sameBoolPtr(x.NullsFirst, y.NullsFirst) || x.Ops != y.Ops || x.Collate != y.Collate ||
			x.Column == "" && !p.sameExpr(x.Expr, y.Expr) {
			return false
		}
	}
	return true
}

func sameBoolPtr(a, b *bool) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func sameFK(a, b *schema.ForeignKey) bool {
	return slices.Equal(a.Columns, b.Columns) && a.RefSchema == b.RefSchema && a.RefTable == b.RefTable &&
		slices.Equal(a.RefColumns, b.RefColumns) && a.OnUpdate == b.OnUpdate && a.OnDelete == b.OnDelete &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

func (p *planner) sameExclude(a, b *schema.Exclude) bool {
	if a.Method != b.Method || !slices.Equal(a.Include, b.Include) || !p.sameExpr(a.Where, b.Where) || len(a.Elements) != len(b.Elements) ||
		a.Deferrable != b.Deferrable || a.InitiallyDeferred != b.InitiallyDeferred {
		return false
	}
	for i := range a.Elements {
		x, y := a.Elements[i], b.Elements[i]
		if x.Column != y.Column || x.Op != y.Op || x.Column == "" && !p.sameExpr(x.Expr, y.Expr) {
			return false
		}
	}
	return true
}

func samePartition(a, b *schema.Partition) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Type != b.Type || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		if a.Parts[i].Column != b.Parts[i].Column || collapse(a.Parts[i].Expr) != collapse(b.Parts[i].Expr) {
			return false
		}
	}
	return true
}
