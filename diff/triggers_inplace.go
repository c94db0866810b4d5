package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// replacesTrigger reports whether trigger a of s.on becomes b by CREATE
// OR REPLACE TRIGGER (PostgreSQL 14+), which keeps its comment: neither
// is a constraint trigger (PostgreSQL refuses OR REPLACE for them), and
// what a uses stays until the statement runs, after the tables' changes
// and the routines made anew (PostgreSQL refuses those while a exists).
func (p *planner) replacesTrigger(s *schema.Schema, on string, a, b *schema.Trigger) bool {
	table := qname(s, on)
	return p.supports(140000) && !a.Constraint && !b.Constraint && !p.triggerUsesRemade(table, a) &&
		p.keepsColumns(s, on, a.UpdateOf, a.When)
}

// triggerUsesRemade reports whether trigger t of table uses what the plan
// makes anew: its function, or in its condition or UPDATE OF columns a
// routine, type or converted column.
func (p *planner) triggerUsesRemade(table string, t *schema.Trigger) bool {
	return p.remade.remadeNames[strings.ToLower(t.FuncName)] || p.usesRemade(table, t.When) ||
		slices.ContainsFunc(t.UpdateOf, func(c string) bool { return slices.Contains(p.remade.converted[table], c) })
}

// policyUsesRemade is triggerUsesRemade for a policy's expressions.
func (p *planner) policyUsesRemade(table string, x *schema.Policy) bool {
	return p.usesRemade(table, x.Using) || p.usesRemade(table, x.Check)
}

func orReplaceTrigger(create string) string {
	return strings.Replace(create, "CREATE TRIGGER", "CREATE OR REPLACE TRIGGER", 1)
}

// altersPolicy reports whether policy a becomes b by ALTER POLICY, which
// changes roles, USING and WITH CHECK but cannot remove a clause nor
// change the command or kind; what a uses must stay, as for triggers.
func (p *planner) altersPolicy(s *schema.Schema, on string, a, b *schema.Policy) bool {
	table := qname(s, on)
	return a.As == b.As && a.For == b.For && (b.Using != "" || a.Using == "") && (b.Check != "" || a.Check == "") &&
		!p.policyUsesRemade(table, a) && p.keepsColumns(s, on, nil, a.Using, a.Check)
}

// alterPolicy writes the ALTER POLICY turning a into b, with the clauses
// that change; "" when it cannot (b lacks a clause a has).
func (p *planner) alterPolicy(table string, a, b *schema.Policy) string {
	if b.Using == "" && a.Using != "" || b.Check == "" && a.Check != "" {
		return ""
	}
	s := "ALTER POLICY " + ident(b.Name) + " ON " + table
	if !slices.EqualFunc(a.To, b.To, p.sameRole) {
		s += " TO " + policyRoles(b.To)
	}
	if !p.sameExpr(a.Using, b.Using) {
		s += " USING (" + b.Using + ")"
	}
	if !p.sameExpr(a.Check, b.Check) {
		s += " WITH CHECK (" + b.Check + ")"
	}
	return s
}

// keepsColumns reports whether the columns of table s.on (its current
// version) that cols name or sql mentions keep their type and collation
// through the plan. Views keep theirs: one changed in place only gains
// columns.
func (p *planner) keepsColumns(s *schema.Schema, on string, cols []string, sql ...string) bool {
	fs := p.from.Schema(s.Name)
	if fs == nil || fs.Table(on) == nil || s.Table(on) == nil {
		return fs == nil || fs.Table(on) == nil
	}
	to := s.Table(on)
	for _, c := range fs.Table(on).Columns {
		if !slices.Contains(cols, c.Name) && !slices.ContainsFunc(sql, func(q string) bool { return mentions(q, c.Name) }) {
			continue
		}
		if n := to.Column(c.Name); n == nil || !n.Type.Equal(c.Type) || n.Collate != c.Collate {
			return false
		}
	}
	return true
}
