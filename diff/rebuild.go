package diff

import (
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// rebuildRoutineUsers drops the checks, indexes and column defaults that
// stay but call a routine the plan makes anew, before it is dropped
// (PostgreSQL refuses while they use it), and makes them again once
// routines are created. Those that change are their table's business,
// but for a changing default, which must go before the routine too.
func (p *planner) rebuildRoutineUsers(from, to *schema.Realm) {
	if len(p.remade.remadeNames) == 0 {
		return
	}
	uses := func(sql string) bool { return namesAny(sql, p.remade.remadeNames) }
	for _, fs := range from.Schemas {
		ts := to.Schema(fs.Name)
		if ts == nil {
			continue
		}
		for _, t := range fs.Tables {
			nt := ts.Table(t.Name)
			if nt == nil || !samePartition(t.Partition, nt.Partition) {
				continue
			}
			name := qname(t.Schema, t.Name)
			for _, c := range t.Checks {
				if n := findCheck(nt.Checks, c.Name); n != nil && p.sameExpr(c.Expr, n.Expr) && uses(c.Expr) && !p.remade.rebuilt[c] {
					p.add(dropConstraints, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(c.Name), "", false)
					p.add(createTriggers, "ALTER TABLE "+name+" ADD "+checkClause(n), "", false)
				}
			}
			for _, ix := range t.Indexes {
				if n := findIndex(nt.Indexes, ix.Name); n != nil && !ix.Constraint && p.sameIndex(ix, n) && slices.ContainsFunc(indexExprs(ix), uses) && !p.remade.rebuilt[ix] {
					p.add(dropDependents, "DROP INDEX "+qname(t.Schema, ix.Name), "", false)
					p.add(createTriggers, createIndex(t.Schema, t.Name, n), "", false)
				}
			}
			for _, c := range t.Columns {
				if c.Default == nil || !uses(exprSQL(c.Default)) {
					continue
				}
				p.add(dropConstraints, "ALTER TABLE "+name+" ALTER COLUMN "+ident(c.Name)+" DROP DEFAULT", "", false)
				if n := nt.Column(c.Name); n != nil && p.sameDefault(c.Default, n.Default) {
					p.add(createTriggers, "ALTER TABLE "+name+" ALTER COLUMN "+ident(c.Name)+" SET DEFAULT "+exprSQL(n.Default), "", false)
				}
			}
		}
	}
}
