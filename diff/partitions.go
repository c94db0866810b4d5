package diff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// Partitions (Table.PartitionOf), and tables that were or become one, are
// planned once every other table is. A new partition is created after its
// parent (phase attachPartitions, parents first). One that goes is
// dropped, unless its parent goes too: PostgreSQL drops partitions with
// their table. A new bound is a DETACH and an ATTACH, which keep the rows
// (ATTACH checks them). A table becomes a partition by ATTACH, once its
// columns are its parent's and it has its parent's checks (PostgreSQL
// requires both); a partition becomes a table by DETACH, which leaves it
// its parent's columns and clones of its keys, indexes, checks and
// foreign keys (schema.Realm.Detached), changed from there as any table.
// A partition whose parent or own partitioning is made anew is created
// again. A partition's columns are its parent's: they are never altered.

// partPlan is what planning partitions needs: both models, and which
// tables of the current one do not survive the plan.
type partPlan struct {
	p        *planner
	from, to *schema.Realm
	lost     map[*schema.Table]bool
}

func (p *planner) partitions(from, to *schema.Realm) {
	pp := &partPlan{p: p, from: from, to: to, lost: map[*schema.Table]bool{}}
	type pair struct{ x, t *schema.Table }
	var pairs []pair
	for _, ts := range to.Schemas {
		for _, t := range ts.Tables {
			x := pp.current(t)
			if t.PartitionOf != nil || x != nil && x.PartitionOf != nil {
				pairs = append(pairs, pair{x, t})
			}
		}
	}
	for _, fs := range from.Schemas {
		for _, x := range fs.Tables {
			if x.PartitionOf != nil && pp.desired(x) == nil {
				pairs = append(pairs, pair{x, nil})
			}
		}
	}
	// Parents first, for creations and attachments.
	depth := func(q pair) int {
		if q.t != nil {
			return to.Depth(q.t)
		}
		return 0
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(depth(a), depth(b)) })
	pp.retypedWithRoot()
	for _, q := range pairs {
		pp.plan(q.x, q.t)
	}
}

// retypedWithRoot marks retyped the partitions of tables whose column
// types change: a view reading a partition blocks the change as one
// reading the table does.
func (pp *partPlan) retypedWithRoot() {
	names := map[string]bool{}
	for t := range pp.p.retyped {
		names[schema.Qualified(t.Schema.Name, t.Name)] = true
	}
	for _, s := range pp.to.Schemas {
		for _, t := range s.Tables {
			if root := pp.to.Root(t); t.PartitionOf != nil && root != nil && names[schema.Qualified(root.Schema.Name, root.Name)] {
				pp.p.retyped[t] = true
			}
		}
	}
}

// current is the table of the current model with t's schema and name.
func (pp *partPlan) current(t *schema.Table) *schema.Table {
	if s := pp.from.Schema(t.Schema.Name); s != nil {
		return s.Table(t.Name)
	}
	return nil
}

// desired is the table of the desired model with x's schema and name.
func (pp *partPlan) desired(x *schema.Table) *schema.Table {
	if s := pp.to.Schema(x.Schema.Name); s != nil {
		return s.Table(x.Name)
	}
	return nil
}

// gone reports whether table x of the current model does not survive the
// plan: it is dropped, made anew (its partitioning changes), or dropped
// with its parent while it stays a partition of the same.
func (pp *partPlan) gone(x *schema.Table) bool {
	if x == nil {
		return false
	}
	if v, ok := pp.lost[x]; ok {
		return v
	}
	pp.lost[x] = true // a cycle of parents
	t := pp.desired(x)
	ch := pp.p.touched[schema.Qualified(x.Schema.Name, x.Name)]
	v := t == nil || !samePartition(x.Partition, t.Partition) || ch != nil && ch.recreated ||
		sameParent(x, t) && pp.gone(pp.from.Parent(x))
	pp.lost[x] = v
	return v
}

// sameParent reports whether x and t are partitions of the same table.
func sameParent(x, t *schema.Table) bool {
	return x.PartitionOf != nil && t != nil && t.PartitionOf != nil &&
		x.PartitionOf.Schema == t.PartitionOf.Schema && x.PartitionOf.Table == t.PartitionOf.Table
}

// plan plans one table that is a partition in the current model (x), in
// the desired one (t), or in both.
func (pp *partPlan) plan(x, t *schema.Table) {
	p := pp.p
	switch {
	case x != nil && pp.gone(x):
		pp.drop(x, t)
		if t != nil {
			pp.create(t, true)
		}
	case x == nil:
		pp.create(t, false)
	case sameParent(x, t):
		p.alterTable(x, t) // its own parts
		if x.PartitionOf.Bound != t.PartitionOf.Bound {
			p.add(detachPartitions, detachPartition(x), attachPartition(x), false)
			p.add(attachPartitions, attachPartition(t), detachPartition(t), false)
		}
	case x.PartitionOf != nil:
		p.add(detachPartitions, detachPartition(x), attachPartition(x), false)
		detached := pp.from.Detached(x)
		if t.PartitionOf == nil {
			p.alterTable(detached, t)
			return
		}
		p.alterTable(detached, pp.attachable(t))
		p.add(attachPartitions, attachPartition(t), detachPartition(t), false)
	default:
		p.alterTable(x, pp.attachable(t))
		p.add(attachPartitions, attachPartition(t), detachPartition(t), false)
	}
}

// create creates t; again when its current version is gone.
func (pp *partPlan) create(t *schema.Table, again bool) {
	p := pp.p
	p.createTable(t)
	if again {
		p.changes(t).recreated = true
		p.retyped[t] = true // its views go and come back with it
	}
}

// drop drops table x of the current model, which is gone (t is what
// comes in its place, if anything), unless its parent's drop takes it.
func (pp *partPlan) drop(x, t *schema.Table) {
	p := pp.p
	name := qname(x.Schema, x.Name)
	if parent := pp.from.Parent(x); parent != nil && pp.gone(parent) {
		// Dropped with its parent; its foreign keys go first all the same,
		// as another table dropped may be what they reference.
		for _, fk := range x.ForeignKeys {
			p.add(dropDependents, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), false)
		}
		if t != nil {
			p.warn(fmt.Sprintf("table %s: it goes with its parent %s and is created again, empty", name, schema.Qualified(x.PartitionOf.Schema, x.PartitionOf.Table)))
		}
		return
	}
	switch {
	case t == nil && x.PartitionOf != nil:
		p.warn(fmt.Sprintf("table %s: the partition of %s is dropped, and its rows with it", name, schema.Qualified(x.PartitionOf.Schema, x.PartitionOf.Table)))
	case t != nil:
		p.warn(fmt.Sprintf("table %s: its partitioning changes, which PostgreSQL cannot alter: it is dropped and created again, and its rows are lost", name))
	}
	p.dropTableIn(dropTables, x)
}

// attachable is table t, a partition of the desired model, as a table
// must be before ATTACH PARTITION makes it one (schema's Standalone).
func (pp *partPlan) attachable(t *schema.Table) *schema.Table { return pp.to.Standalone(t) }
