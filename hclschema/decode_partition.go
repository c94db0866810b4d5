package hclschema

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// CodePartition is the code of a partition_of or partition_bound that
// PostgreSQL would refuse: the parent is not partitioned, the partition
// declares columns, the bound is missing or is not one.
const CodePartition = "partition"

// partitionOf decodes partition_of and partition_bound of table t, and
// returns the columns t's keys, indexes and partition key name: its own,
// or for a partition its root's; nil when the parent did not resolve.
func (d *decoder) partitionOf(dc *decl, t *schema.Table) *columns {
	body := dc.block.Body
	a, bound := body.Attributes["partition_of"], body.Attributes["partition_bound"]
	if a == nil {
		if bound != nil {
			d.report(dc.file, bound.NameRange, source.Error, CodePartition, "partition_bound without partition_of: only a partition has a bound")
		}
		return tableColumns(t)
	}
	for _, b := range body.Blocks {
		if b.Type == "column" && len(b.Labels) > 0 {
			d.report(dc.file, b.LabelRanges[0], source.Error, CodePartition, "Partition %q declares column %q: a partition has its parent's columns", t.Name, b.Labels[0])
		}
	}
	tg, ok := d.resolve(dc.file, a.Expr, []string{"table"}, nil)
	if !ok || tg.decl == nil {
		return nil
	}
	parent, _ := tg.decl.obj.(*schema.Table)
	if parent == nil {
		return nil
	}
	if !slices.ContainsFunc(tg.decl.block.Body.Blocks, func(b *hclsyntax.Block) bool { return b.Type == "partition" }) {
		d.report(dc.file, a.Expr.Range(), source.Error, CodePartition, "Table %q is not partitioned (it has no partition block): it can have no partitions", parent.Name)
	}
	root := d.rootOf(tg.decl)
	if root == nil {
		d.report(dc.file, a.Expr.Range(), source.Error, CodePartition, "The parents of partition %q form a cycle", t.Name)
		return nil
	}
	rt := root.obj.(*schema.Table)
	t.PartitionOf = &schema.PartitionOf{Schema: parent.Schema.Name, Table: parent.Name}
	if bound == nil {
		d.report(dc.file, a.NameRange, source.Error, CodePartition, "Partition %q has no partition_bound: give FOR VALUES … or DEFAULT", t.Name)
	} else if text, ok := stringValue(bound.Expr); ok {
		norm, ok := sqlsupport.NormalizeBound(text, keyTypes(tg.decl.block, rt))
		if !ok {
			d.report(dc.file, bound.Expr.Range(), source.Error, CodePartition, "partition_bound %q is not a partition bound: write FOR VALUES FROM (…) TO (…), FOR VALUES IN (…), FOR VALUES WITH (modulus …, remainder …) or DEFAULT", strings.TrimSpace(text))
		}
		t.PartitionOf.Bound = norm
	}
	return &columns{"table", rt.Name, rt.Columns, rt}
}

// rootOf follows partition_of from a table's block to the table that is
// no partition; nil on a cycle or a parent that does not resolve. The
// lookups are recorded: a change to any of those blocks decodes the
// partition anew.
func (d *decoder) rootOf(dc *decl) *decl {
	for range 64 {
		if dc.block.Body.Attributes["partition_of"] == nil {
			if _, ok := dc.obj.(*schema.Table); ok {
				return dc
			}
			return nil
		}
		if dc = d.parentOf(dc); dc == nil {
			return nil
		}
	}
	return nil
}

// parentOf is the declaration of the table dc's partition_of names; nil
// for a table that is no partition or a parent that does not resolve.
// The lookup is recorded.
func (d *decoder) parentOf(dc *decl) *decl {
	a := dc.block.Body.Attributes["partition_of"]
	if a == nil {
		return nil
	}
	t, ok := traversal(a.Expr)
	if !ok {
		return nil
	}
	switch st := steps(t); {
	case len(st) == 2 && st[0] == "table":
		return d.lookup("table", "", st[1])
	case len(st) == 3 && st[0] == "table":
		return d.lookup("table", st[1], st[2])
	}
	return nil
}

// columnsOf is what column.x names in or through the table declared by
// dc: its columns, or a partition's root's; nil when a parent does not
// resolve. Its lookups are recorded, so a block naming a partition's
// columns is decoded anew when a table of the chain changes.
func (d *decoder) columnsOf(dc *decl) *columns {
	if root := d.rootOf(dc); root != nil {
		return tableColumns(root.obj.(*schema.Table))
	}
	return nil
}

// keyTypes are the types of the parts of the partition key a table's
// block declares, by the names of its columns in root (a zero Type for
// an expression).
func keyTypes(b *hclsyntax.Block, root *schema.Table) []schema.Type {
	var names []string
	last := func(e hclsyntax.Expression) string {
		if t, ok := traversal(e); ok {
			st := steps(t)
			return st[len(st)-1]
		}
		return ""
	}
	for _, pb := range b.Body.Blocks {
		if pb.Type != "partition" {
			continue
		}
		if a := pb.Body.Attributes["columns"]; a != nil {
			if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
				for _, e := range tuple.Exprs {
					names = append(names, last(e))
				}
			}
		}
		for _, by := range pb.Body.Blocks {
			if a := by.Body.Attributes["column"]; by.Type == "by" && a != nil {
				names = append(names, last(a.Expr))
			} else if by.Type == "by" {
				names = append(names, "")
			}
		}
	}
	out := make([]schema.Type, len(names))
	for i, n := range names {
		if c := root.Column(n); c != nil && n != "" {
			out[i] = c.Type
		}
	}
	return out
}
