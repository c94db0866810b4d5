package diff

import (
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

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
		slices.Equal(a.OnDeleteColumns, b.OnDeleteColumns) && a.MatchFull == b.MatchFull &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}

// sameCheck: a change of NO INHERIT, like one of the expression, is a
// drop and an add.
func (p *planner) sameCheck(a, b *schema.Check) bool {
	return a.NoInherit == b.NoInherit && p.sameExpr(a.Expr, b.Expr)
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
		x, y := a.Parts[i], b.Parts[i]
		if x.Column != y.Column || collapse(x.Expr) != collapse(y.Expr) || x.Collate != y.Collate || x.Ops != y.Ops {
			return false
		}
	}
	return true
}

// indexExprs lists the expressions of an index: its predicate and
// expression parts.
func indexExprs(ix *schema.Index) []string {
	out := []string{ix.Where}
	for _, part := range ix.Parts {
		out = append(out, part.Expr)
	}
	return out
}

// columnExprs is the SQL of a column's default and generation
// expression.
func columnExprs(c *schema.Column) []string {
	var out []string
	if c.Default != nil && c.Default.Kind == schema.ExprSQL {
		out = append(out, c.Default.Value)
	}
	if c.Generated != nil {
		out = append(out, c.Generated.Value)
	}
	return out
}

// excludeExprs is the SQL of an exclusion constraint's expressions.
func excludeExprs(ex *schema.Exclude) []string {
	out := []string{ex.Where}
	for _, el := range ex.Elements {
		out = append(out, el.Expr)
	}
	return out
}

// tableExprs is the SQL of a new table's expressions: its columns',
// checks', exclusion constraints' and partition key's.
func tableExprs(t *schema.Table) []string {
	var out []string
	for _, c := range t.Columns {
		out = append(out, columnExprs(c)...)
	}
	for _, c := range t.Checks {
		out = append(out, c.Expr)
	}
	for _, ex := range t.Excludes {
		out = append(out, excludeExprs(ex)...)
	}
	if t.Partition != nil {
		for _, part := range t.Partition.Parts {
			out = append(out, part.Expr)
		}
	}
	return out
}
