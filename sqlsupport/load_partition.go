package sqlsupport

import (
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// Partitions: CREATE TABLE … PARTITION OF, ATTACH PARTITION and DETACH
// PARTITION. A partition keeps no columns in the model (they are its
// root's) nor what it inherits; its bound is kept as PostgreSQL prints
// it (NormalizeBound).

// createPartition replays CREATE TABLE … PARTITION OF parent, with the
// constraints given in parentheses and, when sub-partitioned, PARTITION
// BY. Column options (WITH OPTIONS, a default of its own) are not
// modelled.
func (st *ldStmt) createPartition(n *pg_query.CreateStmt) {
	rv := n.Relation
	prv := n.InhRelations[0].GetRangeVar()
	parent := st.partitioned(prv)
	if parent == nil {
		return
	}
	s := st.newRelation(rv, n.IfNotExists)
	if s == nil {
		return
	}
	st.tableOptions(n)
	t := &schema.Table{Schema: s, Name: rv.Relname, Unlogged: rv.Relpersistence == "u", Pos: st.stmtPos()}
	t.PartitionOf = &schema.PartitionOf{Schema: parent.Schema.Name, Table: parent.Name,
		Bound: formatBound(n.Partbound, st.l.out.Realm.KeyTypes(parent))}
	s.Tables = append(s.Tables, t)
	st.elements(t, n, prv.Location, st.partitionColumn)
	if n.Partspec != nil {
		t.Partition = st.partition(n.Partspec)
	}
	st.dedupeKeys(t)
	st.checkColumns(t)
}

// partitionColumn applies "column WITH OPTIONS …" of a new partition: its
// table constraints are the partition's, the rest is not modelled.
func (st *ldStmt) partitionColumn(t *schema.Table, cd *pg_query.ColumnDef, span [2]int) {
	st.columnsExist(t, []string{cd.Colname}, "the column options")
	for _, cn := range cd.Constraints {
		con := cn.GetConstraint()
		switch con.Contype {
		case pg_query.ConstrType_CONSTR_CHECK, pg_query.ConstrType_CONSTR_UNIQUE, pg_query.ConstrType_CONSTR_PRIMARY,
			pg_query.ConstrType_CONSTR_FOREIGN:
			st.constraint(t, con, st.at(con.Location), span[1], cd.Colname)
		default:
			st.skip("column options of a partition")
		}
	}
}

// partitioned is the partitioned table rv names, reporting when it is
// missing or not partitioned.
func (st *ldStmt) partitioned(rv *pg_query.RangeVar) *schema.Table {
	t := st.rangeVar(rv).table
	switch {
	case t == nil:
		st.fail("Table %q does not exist", rv.Relname)
	case t.Partition == nil:
		st.fail("Table %q is not partitioned", rv.Relname)
	default:
		return t
	}
	return nil
}

// attachPartition replays ALTER TABLE parent ATTACH PARTITION: a table
// with the parent's columns becomes its partition (schema.Realm.Adopt).
func (st *ldStmt) attachPartition(parent *schema.Table, pc *pg_query.PartitionCmd) {
	r := st.l.out.Realm
	t := st.rangeVar(pc.Name).table
	switch {
	case parent.Partition == nil:
		st.fail("Table %q is not partitioned", parent.Name)
		return
	case t == nil:
		st.fail("Table %q does not exist", pc.Name.Relname)
		return
	case t.PartitionOf != nil:
		st.fail("Table %q is a partition already", t.Name)
		return
	case t == parent || r.Root(parent) == t:
		st.fail("Table %q cannot be a partition of itself", t.Name)
		return
	}
	root := r.Root(parent)
	if root == nil {
		st.fail("Table %q has no root table", parent.Name)
		return
	}
	want := schema.PartitionColumns(root)
	for _, c := range t.Columns {
		k := slices.IndexFunc(want, func(w *schema.Column) bool { return w.Name == c.Name })
		if k < 0 {
			st.fail("Table %q has column %q, which its parent %q has not", t.Name, c.Name, parent.Name)
			return
		}
		if !want[k].Type.Equal(c.Type) {
			st.fail("Column %q of %q is of type %s, not %s as in its parent %q", c.Name, t.Name, c.Type, want[k].Type, parent.Name)
			return
		}
	}
	for _, w := range want {
		if t.Column(w.Name) == nil {
			st.fail("Table %q lacks column %q of its parent %q", t.Name, w.Name, parent.Name)
			return
		}
	}
	bound := formatBound(pc.Bound, r.KeyTypes(parent))
	if missing := r.Adopt(t, parent, bound); len(missing) > 0 {
		st.fail("Table %q lacks the check %q of its parent %q", t.Name, missing[0], parent.Name)
	}
}

// detachPartition replays ALTER TABLE parent DETACH PARTITION: the
// partition becomes a table of its own (schema.Realm.Detached).
func (st *ldStmt) detachPartition(parent *schema.Table, pc *pg_query.PartitionCmd) {
	r := st.l.out.Realm
	t := st.rangeVar(pc.Name).table
	if t == nil || r.Parent(t) != parent {
		st.fail("Table %q is not a partition of %q", pc.Name.Relname, parent.Name)
		return
	}
	if pc.Concurrent {
		st.skip("CONCURRENTLY")
	}
	*t = *r.Detached(t)
}

// checkColumns reports the columns a new table's keys, foreign keys and
// partition key name that it does not have.
func (st *ldStmt) checkColumns(t *schema.Table) {
	for _, ix := range ldTableIndexes(t) {
		st.columnsExist(t, st.l.uses[ix], "key "+ix.Name)
	}
	for _, fk := range t.ForeignKeys {
		st.columnsExist(t, fk.Columns, "foreign key "+fk.Name)
	}
	if t.Partition != nil {
		for _, p := range t.Partition.Parts {
			if p.Column != "" {
				st.columnsExist(t, []string{p.Column}, "the partition key")
			}
		}
	}
}

// tableOptions notes the options of CREATE TABLE the model has no place
// for.
func (st *ldStmt) tableOptions(n *pg_query.CreateStmt) {
	st.storage(len(n.Options) > 0, n.Tablespacename, n.AccessMethod)
}

// storage notes the storage clauses of a relation, which the model has
// no place for.
func (st *ldStmt) storage(with bool, tablespace, method string) {
	if with {
		st.skip("WITH (…) storage parameters")
	}
	if tablespace != "" {
		st.skip("TABLESPACE")
	}
	if method != "" {
		st.skip("USING " + method)
	}
}

// partitionColumnCmd applies an ALTER TABLE command on a column of
// partition t, reporting whether it was one: PostgreSQL refuses to add,
// drop or retype one (the columns are the parent's); other settings of a
// partition's columns are not modelled.
func (st *ldStmt) partitionColumnCmd(t *schema.Table, cmd *pg_query.AlterTableCmd) bool {
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_AddColumn, pg_query.AlterTableType_AT_DropColumn, pg_query.AlterTableType_AT_AlterColumnType:
		st.fail("Cannot change the columns of partition %q: they are its parent's", t.Name)
	case pg_query.AlterTableType_AT_ColumnDefault, pg_query.AlterTableType_AT_SetNotNull, pg_query.AlterTableType_AT_DropNotNull,
		pg_query.AlterTableType_AT_AddIdentity, pg_query.AlterTableType_AT_SetIdentity, pg_query.AlterTableType_AT_DropIdentity,
		pg_query.AlterTableType_AT_SetExpression, pg_query.AlterTableType_AT_DropExpression:
		if !slices.ContainsFunc(st.l.out.Realm.Columns(t), func(c *schema.Column) bool { return c.Name == cmd.Name }) {
			st.fail("Column %q of table %q does not exist", cmd.Name, t.Name)
			break
		}
		st.skip("column settings of a partition")
	default:
		return false
	}
	return true
}
