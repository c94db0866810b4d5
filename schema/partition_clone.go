package schema

import (
	"slices"
	"strings"
)

// What a partition inherits. PostgreSQL clones a partitioned table's
// keys, indexes, exclusion constraints and foreign keys onto each of its
// partitions, and gives them its checks; the model keeps none of it on
// the partition. DETACH PARTITION leaves the clones on the table as its
// own; ATTACH PARTITION adopts what the table has that matches.

// Inherited is what the partitions of t get from it: its own keys,
// indexes, checks, foreign keys and exclusion constraints and those it
// gets from its parents.
type Inherited struct {
	PrimaryKey  *Index
	Indexes     []*Index // unique constraints and indexes
	Checks      []*Check
	ForeignKeys []*ForeignKey
	Excludes    []*Exclude
}

// Inherits returns what a partition of t inherits.
func (r *Realm) Inherits(t *Table) Inherited {
	var in Inherited
	for n := 0; t != nil && n < 64; n++ {
		if in.PrimaryKey == nil {
			in.PrimaryKey = t.PrimaryKey
		}
		in.Indexes = append(in.Indexes, t.Indexes...)
		for _, c := range t.Checks {
			if !c.NoInherit && !slices.ContainsFunc(in.Checks, func(x *Check) bool { return x.Name == c.Name }) {
				in.Checks = append(in.Checks, c)
			}
		}
		for _, fk := range t.ForeignKeys {
			if !slices.ContainsFunc(in.ForeignKeys, func(x *ForeignKey) bool { return x.Name == fk.Name }) {
				in.ForeignKeys = append(in.ForeignKeys, fk)
			}
		}
		in.Excludes = append(in.Excludes, t.Excludes...)
		t = r.Parent(t)
	}
	return in
}

// PartitionColumns are copies of the columns of root as its partitions
// have them: a serial column is its integer type with the default
// nextval of root's sequence; identities and comments stay with root.
func PartitionColumns(root *Table) []*Column {
	out := make([]*Column, 0, len(root.Columns))
	for _, c := range root.Columns {
		n := *c
		n.Identity, n.Comment, n.Pos = nil, "", Pos{}
		if base, ok := SerialBase(c.Type); ok {
			seq := Qualified(root.Schema.Name, DefaultName(root.Name, c.Name, "seq", nil))
			n.Type = base
			n.Default = &Expr{Kind: ExprSQL, Value: "nextval('" + strings.ReplaceAll(seq, "'", "''") + "'::regclass)"}
		}
		out = append(out, &n)
	}
	return out
}

// Standalone returns partition t as a table of its own that ATTACH
// PARTITION would take: with its root's columns (PartitionColumns) and,
// besides its own checks, those it inherits. t is not changed.
func (r *Realm) Standalone(t *Table) *Table {
	out := *t
	out.PartitionOf = nil
	if root := r.Root(t); root != nil {
		out.Columns = PartitionColumns(root)
	}
	out.Checks = slices.Clone(t.Checks)
	for _, ck := range r.Inherits(r.Parent(t)).Checks {
		if !slices.ContainsFunc(out.Checks, func(x *Check) bool { return x.Name == ck.Name }) {
			c := *ck
			c.Comment = ""
			out.Checks = append(out.Checks, &c)
		}
	}
	return &out
}

// Detached returns partition t as DETACH PARTITION leaves it: Standalone,
// and with its own, besides its own parts, the clones of the keys,
// indexes and foreign keys it inherited from its parent, named as
// PostgreSQL names them. t is not changed.
func (r *Realm) Detached(t *Table) *Table {
	out := *r.Standalone(t)
	in := r.Inherits(r.Parent(t))
	taken := func(name string) bool {
		return out.PrimaryKey != nil && out.PrimaryKey.Name == name ||
			slices.ContainsFunc(out.Indexes, func(ix *Index) bool { return ix.Name == name }) ||
			slices.ContainsFunc(out.Excludes, func(ex *Exclude) bool { return ex.Name == name })
	}
	out.Indexes = slices.Clone(t.Indexes)
	if pk := in.PrimaryKey; pk != nil && out.PrimaryKey == nil {
		c := *pk
		c.Name, c.Comment = DefaultName(t.Name, "", "pkey", taken), ""
		out.PrimaryKey = &c
	}
	for _, ix := range in.Indexes {
		label := "idx"
		if ix.Constraint {
			label = "key"
		}
		c := *ix
		c.Name, c.Comment = DefaultName(t.Name, NameAddition(IndexColumnNames(partNames(ix.Parts))), label, taken), ""
		out.Indexes = append(out.Indexes, &c)
	}
	out.Excludes = slices.Clone(t.Excludes)
	for _, ex := range in.Excludes {
		c := *ex
		var names []string
		for _, el := range ex.Elements {
			names = append(names, exprName(el.Column, el.Expr))
		}
		c.Name, c.Comment = DefaultName(t.Name, NameAddition(IndexColumnNames(names)), "excl", taken), ""
		out.Excludes = append(out.Excludes, &c)
	}
	out.ForeignKeys = slices.Clone(t.ForeignKeys)
	for _, fk := range in.ForeignKeys {
		if !slices.ContainsFunc(out.ForeignKeys, func(x *ForeignKey) bool { return x.Name == fk.Name }) {
			c := *fk
			c.Comment = ""
			out.ForeignKeys = append(out.ForeignKeys, &c)
		}
	}
	return &out
}

// partNames names index parts for a default index name: a column's name,
// or the name PostgreSQL figures from an expression (exprName).
func partNames(parts []*IndexPart) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = exprName(p.Column, p.Expr)
	}
	return out
}

// exprName is column, or for an expression the function name it calls
// ("" when it calls none: IndexColumnNames makes that expr).
func exprName(column, expr string) string {
	if column != "" {
		return column
	}
	name, _, ok := strings.Cut(strings.TrimSpace(expr), "(")
	if !ok || name == "" || strings.ContainsAny(name, " \t\n\"'") {
		return ""
	}
	return strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
}

// Adopt makes table t a partition of parent with bound, as ATTACH
// PARTITION does: its columns go (they are parent's root's), and so do
// the keys, indexes, foreign keys and exclusion constraints that match
// one it inherits, which PostgreSQL attaches to the parent's instead of
// making clones, and the checks named as one it inherits (PostgreSQL
// requires them). It returns the names of the inherited checks t lacks.
func (r *Realm) Adopt(t, parent *Table, bound string) (missing []string) {
	in := r.Inherits(parent)
	for _, ck := range in.Checks {
		if !slices.ContainsFunc(t.Checks, func(x *Check) bool { return x.Name == ck.Name }) {
			missing = append(missing, ck.Name)
		}
	}
	t.Checks = slices.DeleteFunc(t.Checks, func(c *Check) bool {
		return slices.ContainsFunc(in.Checks, func(x *Check) bool { return x.Name == c.Name })
	})
	if t.PrimaryKey != nil && in.PrimaryKey != nil && sameKey(t.PrimaryKey, in.PrimaryKey) {
		t.PrimaryKey = nil
	}
	used := map[*Index]bool{}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *Index) bool {
		k := slices.IndexFunc(in.Indexes, func(p *Index) bool { return !used[p] && sameKey(ix, p) })
		if k >= 0 {
			used[in.Indexes[k]] = true
		}
		return k >= 0
	})
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(fk *ForeignKey) bool {
		return slices.ContainsFunc(in.ForeignKeys, func(p *ForeignKey) bool { return sameReference(fk, p) })
	})
	t.Excludes = slices.DeleteFunc(t.Excludes, func(ex *Exclude) bool {
		return slices.ContainsFunc(in.Excludes, func(p *Exclude) bool {
			return p.Method == ex.Method && slices.Equal(p.Elements, ex.Elements) && p.Where == ex.Where
		})
	})
	t.Columns = nil
	t.PartitionOf = &PartitionOf{Schema: parent.Schema.Name, Table: parent.Name, Bound: bound}
	return missing
}

// sameKey reports indexes PostgreSQL takes for one another when it
// attaches a partition's index to its parent's: the same parts, kind
// (constraint or not), method, predicate and included columns.
func sameKey(a, b *Index) bool {
	if a.Unique != b.Unique || a.Constraint != b.Constraint || a.Method != b.Method || a.Where != b.Where ||
		!slices.Equal(a.Include, b.Include) || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		x, y := *a.Parts[i], *b.Parts[i]
		if x.Column != y.Column || x.Expr != y.Expr || x.Desc != y.Desc || x.Ops != y.Ops || x.Collate != y.Collate ||
			(x.NullsFirst == nil) != (y.NullsFirst == nil) || x.NullsFirst != nil && *x.NullsFirst != *y.NullsFirst {
			return false
		}
	}
	return true
}

// sameReference reports foreign keys that check the same thing.
func sameReference(a, b *ForeignKey) bool {
	return slices.Equal(a.Columns, b.Columns) && a.RefSchema == b.RefSchema && a.RefTable == b.RefTable &&
		slices.Equal(a.RefColumns, b.RefColumns) && a.OnUpdate == b.OnUpdate && a.OnDelete == b.OnDelete &&
		a.MatchFull == b.MatchFull && a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
}
