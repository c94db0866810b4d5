package sqlsupport

import (
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

func (st *ldStmt) alterTable(n *pg_query.AlterTableStmt) {
	rv := n.Relation
	rel := st.rangeVar(rv)
	spans := st.commaList(st.afterName(st.at(rv.Location)))
	span := func(k int) [2]int {
		if len(spans) == len(n.Cmds) {
			return spans[k]
		}
		return [2]int{st.first, st.last - 1}
	}
	switch {
	case n.Objtype == pg_query.ObjectType_OBJECT_TYPE:
		st.alterComposite(n, span)
		return
	case !rel.found():
		if !n.MissingOk {
			st.fail("Relation %q does not exist", rv.Relname)
		}
		return
	case rel.table == nil:
		// ALTER VIEW, INDEX, SEQUENCE … settings: only a view's options
		// are in the model.
		for k, cn := range n.Cmds {
			if s := span(k); rel.view == nil || !st.alterViewCmd(rel.view, cn.GetAlterTableCmd()) {
				st.skip(st.firstWords(s[0], s[1], 6))
			}
		}
		return
	}
	for k, cn := range n.Cmds {
		st.alterTableCmd(rel.table, cn.GetAlterTableCmd(), span(k))
	}
}

// commaList splits the statement from token from to its end at commas.
func (st *ldStmt) commaList(from int) [][2]int {
	var out [][2]int
	for i := from; i < st.last; {
		j := st.until(i)
		out = append(out, [2]int{i, j})
		i = j + 2
	}
	return out
}

// col is t's column name, reporting when it is missing.
func (st *ldStmt) col(t *schema.Table, name string) *schema.Column {
	c := t.Column(name)
	if c == nil {
		st.fail("Column %q of table %q does not exist", name, t.Name)
	}
	return c
}

func (st *ldStmt) alterTableCmd(t *schema.Table, cmd *pg_query.AlterTableCmd, span [2]int) {
	a, b := span[0], span[1]
	if t.PartitionOf != nil && st.partitionColumnCmd(t, cmd) {
		return
	}
	var c *schema.Column
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_ColumnDefault, pg_query.AlterTableType_AT_AlterColumnType,
		pg_query.AlterTableType_AT_SetNotNull, pg_query.AlterTableType_AT_DropNotNull,
		pg_query.AlterTableType_AT_AddIdentity, pg_query.AlterTableType_AT_SetIdentity,
		pg_query.AlterTableType_AT_SetExpression, pg_query.AlterTableType_AT_DropExpression:
		if c = st.col(t, cmd.Name); c == nil {
			return
		}
	case pg_query.AlterTableType_AT_DropIdentity:
		if c = t.Column(cmd.Name); c == nil || c.Identity == nil && !cmd.MissingOk {
			st.fail("Column %q of table %q is not an identity column", cmd.Name, t.Name)
			return
		}
	}
	switch cmd.Subtype {
	case pg_query.AlterTableType_AT_AddColumn:
		cd := cmd.Def.GetColumnDef()
		if t.Column(cd.Colname) != nil && cmd.MissingOk {
			return
		}
		st.addColumn(t, cd, [2]int{st.at(cd.Location), b})
	case pg_query.AlterTableType_AT_DropColumn:
		st.dropColumn(t, cmd.Name, cmd.MissingOk, cmd.Behavior == pg_query.DropBehavior_DROP_CASCADE)
	case pg_query.AlterTableType_AT_AlterColumnType:
		cd := cmd.Def.GetColumnDef()
		st.typeOf(cd.TypeName, &c.Type)
		if cd.CollClause != nil {
			c.Collate = ldCollation(cd.CollClause.Collname)
		}
	case pg_query.AlterTableType_AT_ColumnDefault:
		c.Default = nil
		if cmd.Def != nil {
			c.Default = st.value(cmd.Def, st.span(st.next(a, pg_query.Token_DEFAULT)+1, b))
		}
	case pg_query.AlterTableType_AT_SetNotNull:
		c.Null = false
	case pg_query.AlterTableType_AT_DropNotNull:
		c.Null = true
	case pg_query.AlterTableType_AT_AddIdentity:
		con := cmd.Def.GetConstraint()
		c.Identity = st.identity(t, c, con.GeneratedWhen, con.Options, nil)
		c.Null = false
	case pg_query.AlterTableType_AT_SetIdentity:
		if c.Identity == nil {
			st.fail("Column %q of table %q is not an identity column", c.Name, t.Name)
			return
		}
		c.Identity = st.identity(t, c, "", cmd.Def.GetList().GetItems(), c.Identity)
	case pg_query.AlterTableType_AT_DropIdentity:
		c.Identity = nil
	case pg_query.AlterTableType_AT_SetExpression:
		text, r := st.parenAfter(a, pg_query.Token_AS)
		c.Generated = &schema.Expr{Kind: schema.ExprSQL, Value: text, Pos: st.pos(r)}
		st.l.uses[c] = ldColumnRefs(cmd.Def)
	case pg_query.AlterTableType_AT_DropExpression:
		c.Generated = nil
	case pg_query.AlterTableType_AT_AddConstraint:
		con := cmd.Def.GetConstraint()
		switch x := st.constraint(t, con, st.at(con.Location), b, "").(type) {
		case *schema.Index:
			st.columnsExist(t, st.l.uses[x], "key "+x.Name)
		case *schema.ForeignKey:
			st.columnsExist(t, x.Columns, "foreign key "+x.Name)
		}
	case pg_query.AlterTableType_AT_DropConstraint:
		st.dropConstraint(t, cmd.Name, cmd.MissingOk, cmd.Behavior == pg_query.DropBehavior_DROP_CASCADE)
	case pg_query.AlterTableType_AT_AlterConstraint:
		con := cmd.Def.GetConstraint()
		k := slices.IndexFunc(t.ForeignKeys, func(fk *schema.ForeignKey) bool { return fk.Name == con.Conname })
		if k < 0 {
			st.fail("Foreign key %q of table %q does not exist", con.Conname, t.Name)
			return
		}
		t.ForeignKeys[k].Deferrable, t.ForeignKeys[k].InitiallyDeferred = con.Deferrable, con.Initdeferred
	case pg_query.AlterTableType_AT_ValidateConstraint:
		// NOT VALID is not in the model: nothing changes.
	case pg_query.AlterTableType_AT_EnableRowSecurity:
		t.RowSecurity.Enabled = true
	case pg_query.AlterTableType_AT_DisableRowSecurity:
		t.RowSecurity.Enabled = false
	case pg_query.AlterTableType_AT_ForceRowSecurity:
		t.RowSecurity.Forced = true
	case pg_query.AlterTableType_AT_NoForceRowSecurity:
		t.RowSecurity.Forced = false
	case pg_query.AlterTableType_AT_SetLogged, pg_query.AlterTableType_AT_SetUnLogged:
		t.Unlogged = cmd.Subtype == pg_query.AlterTableType_AT_SetUnLogged
	case pg_query.AlterTableType_AT_AttachPartition:
		st.attachPartition(t, cmd.Def.GetPartitionCmd())
	case pg_query.AlterTableType_AT_DetachPartition:
		st.detachPartition(t, cmd.Def.GetPartitionCmd())
	default:
		st.skip(st.firstWords(a, b, 6))
	}
}

// dropColumn removes a column and what PostgreSQL drops with it: indexes,
// constraints and generated columns using it, its owned sequences and,
// with CASCADE, foreign keys of other tables referencing it.
func (st *ldStmt) dropColumn(t *schema.Table, name string, missingOk, cascade bool) {
	k := slices.IndexFunc(t.Columns, func(c *schema.Column) bool { return c.Name == name })
	if k < 0 {
		if !missingOk {
			st.fail("Column %q of table %q does not exist", name, t.Name)
		}
		return
	}
	if t.Partition != nil && slices.ContainsFunc(t.Partition.Parts, func(p schema.IndexPart) bool { return p.Column == name }) {
		st.fail("Column %q is in the partition key of %q", name, t.Name)
		return
	}
	uses := func(o any) bool { return slices.Contains(st.l.uses[o], name) }
	var refs []*schema.ForeignKey
	st.l.eachTable(func(o *schema.Table) {
		for _, fk := range o.ForeignKeys {
			if fk.RefSchema == t.Schema.Name && fk.RefTable == t.Name && slices.Contains(fk.RefColumns, name) && !(o == t && slices.Contains(fk.Columns, name)) {
				refs = append(refs, fk)
			}
		}
	})
	if len(refs) > 0 && !cascade {
		st.fail("Cannot drop column %q of %q: foreign key %s depends on it (use CASCADE)", name, t.Name, refs[0].Name)
		return
	}
	t.Columns = slices.Delete(t.Columns, k, k+1)
	if t.PrimaryKey != nil && uses(t.PrimaryKey) {
		t.PrimaryKey = nil
	}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *schema.Index) bool { return uses(ix) })
	t.Checks = slices.DeleteFunc(t.Checks, func(c *schema.Check) bool { return uses(c) })
	t.Excludes = slices.DeleteFunc(t.Excludes, func(ex *schema.Exclude) bool { return uses(ex) })
	t.Columns = slices.DeleteFunc(t.Columns, func(c *schema.Column) bool { return c.Generated != nil && uses(c) })
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(fk *schema.ForeignKey) bool { return slices.Contains(fk.Columns, name) })
	st.l.dropForeignKeys(refs)
	s := t.Schema
	s.Sequences = slices.DeleteFunc(s.Sequences, func(q *schema.Sequence) bool { return q.OwnedBy == t.Name+"."+name })
}

// dropForeignKeys removes foreign keys from their tables.
func (l *loader) dropForeignKeys(fks []*schema.ForeignKey) {
	if len(fks) == 0 {
		return
	}
	l.eachTable(func(o *schema.Table) {
		o.ForeignKeys = slices.DeleteFunc(o.ForeignKeys, func(fk *schema.ForeignKey) bool { return slices.Contains(fks, fk) })
	})
}

// dropConstraint removes a table constraint by name; a key referenced by
// foreign keys of other tables needs CASCADE, which drops them.
func (st *ldStmt) dropConstraint(t *schema.Table, name string, missingOk, cascade bool) {
	con := ldConstraint(t, name)
	if con == nil {
		if !missingOk {
			st.fail("Constraint %q of table %q does not exist", name, t.Name)
		}
		return
	}
	if ix, ok := con.(*schema.Index); ok {
		cols, _ := ix.Columns()
		var refs []*schema.ForeignKey
		st.l.eachTable(func(o *schema.Table) {
			for _, fk := range o.ForeignKeys {
				if fk.RefSchema == t.Schema.Name && fk.RefTable == t.Name && slices.Equal(fk.RefColumns, cols) {
					refs = append(refs, fk)
				}
			}
		})
		if len(refs) > 0 && !cascade {
			st.fail("Cannot drop constraint %q of %q: foreign key %s depends on it (use CASCADE)", name, t.Name, refs[0].Name)
			return
		}
		st.l.dropForeignKeys(refs)
	}
	if t.PrimaryKey == con {
		t.PrimaryKey = nil
	}
	t.Indexes = slices.DeleteFunc(t.Indexes, func(ix *schema.Index) bool { return ix == con })
	t.ForeignKeys = slices.DeleteFunc(t.ForeignKeys, func(fk *schema.ForeignKey) bool { return fk == con })
	t.Checks = slices.DeleteFunc(t.Checks, func(c *schema.Check) bool { return c == con })
	t.Excludes = slices.DeleteFunc(t.Excludes, func(ex *schema.Exclude) bool { return ex == con })
}

// alterComposite applies ALTER TYPE … ADD/DROP/ALTER ATTRIBUTE.
func (st *ldStmt) alterComposite(n *pg_query.AlterTableStmt, span func(int) [2]int) {
	_, c := st.composite(n.Relation.Schemaname, n.Relation.Relname)
	if c == nil {
		st.fail("Composite type %q does not exist", n.Relation.Relname)
		return
	}
	for k, cn := range n.Cmds {
		cmd := cn.GetAlterTableCmd()
		i := slices.IndexFunc(c.Fields, func(f *schema.Column) bool { return f.Name == cmd.Name })
		switch cmd.Subtype {
		case pg_query.AlterTableType_AT_AddColumn:
			cd := cmd.Def.GetColumnDef()
			c.Fields = append(c.Fields, st.field(cd, [2]int{st.at(cd.Location), span(k)[1]}))
		case pg_query.AlterTableType_AT_DropColumn:
			if i >= 0 {
				c.Fields = slices.Delete(c.Fields, i, i+1)
			} else if !cmd.MissingOk {
				st.fail("Attribute %q of type %q does not exist", cmd.Name, c.Name)
			}
		case pg_query.AlterTableType_AT_AlterColumnType:
			if i < 0 {
				st.fail("Attribute %q of type %q does not exist", cmd.Name, c.Name)
				continue
			}
			cd := cmd.Def.GetColumnDef()
			st.typeOf(cd.TypeName, &c.Fields[i].Type)
			if cd.CollClause != nil {
				c.Fields[i].Collate = ldCollation(cd.CollClause.Collname)
			}
		default:
			s := span(k)
			st.skip(st.firstWords(s[0], s[1], 6))
		}
	}
}

// enum, domain and composite find a user type by (qualified) name.
func (st *ldStmt) enum(sch, name string) (*schema.Schema, *schema.Enum) {
	for _, s := range st.searchPath(sch) {
		for _, e := range s.Enums {
			if e.Name == name {
				return s, e
			}
		}
	}
	return nil, nil
}

func (st *ldStmt) domain(sch, name string) (*schema.Schema, *schema.Domain) {
	for _, s := range st.searchPath(sch) {
		for _, d := range s.Domains {
			if d.Name == name {
				return s, d
			}
		}
	}
	return nil, nil
}

func (st *ldStmt) composite(sch, name string) (*schema.Schema, *schema.Composite) {
	for _, s := range st.searchPath(sch) {
		for _, c := range s.Composites {
			if c.Name == name {
				return s, c
			}
		}
	}
	return nil, nil
}

func (st *ldStmt) alterEnum(n *pg_query.AlterEnumStmt) {
	sch, name := ldSplitName(ldStrings(n.TypeName))
	_, e := st.enum(sch, name)
	if e == nil {
		st.fail("Enum %q does not exist", name)
		return
	}
	if n.OldVal != "" { // RENAME VALUE
		k := slices.Index(e.Values, n.OldVal)
		switch {
		case k < 0:
			st.fail("Enum %q has no value %q", name, n.OldVal)
		case slices.Contains(e.Values, n.NewVal):
			st.fail("Enum %q has a value %q already", name, n.NewVal)
		default:
			e.Values[k] = n.NewVal
		}
		return
	}
	if slices.Contains(e.Values, n.NewVal) {
		if !n.SkipIfNewValExists {
			st.fail("Enum %q has a value %q already", name, n.NewVal)
		}
		return
	}
	at := len(e.Values)
	if n.NewValNeighbor != "" {
		k := slices.Index(e.Values, n.NewValNeighbor)
		if k < 0 {
			st.fail("Enum %q has no value %q", name, n.NewValNeighbor)
			return
		}
		at = k
		if n.NewValIsAfter {
			at = k + 1
		}
	}
	e.Values = slices.Insert(e.Values, at, n.NewVal)
}

func (st *ldStmt) alterDomain(n *pg_query.AlterDomainStmt) {
	sch, name := ldSplitName(ldStrings(n.TypeName))
	_, dm := st.domain(sch, name)
	if dm == nil {
		st.fail("Domain %q does not exist", name)
		return
	}
	switch n.Subtype {
	case "T":
		dm.Default = nil
		if n.Def != nil {
			dm.Default = st.value(n.Def, st.span(st.next(st.first, pg_query.Token_DEFAULT)+1, st.last-1))
		}
	case "N":
		dm.Null = true
	case "O":
		dm.Null = false
	case "C":
		con := n.Def.GetConstraint()
		st.domainConstraint(dm, con, st.at(con.Location), st.last-1)
	case "X":
		k := slices.IndexFunc(dm.Checks, func(c *schema.Check) bool { return c.Name == n.Name })
		if k >= 0 {
			dm.Checks = slices.Delete(dm.Checks, k, k+1)
		} else if !n.MissingOk {
			st.fail("Constraint %q of domain %q does not exist", n.Name, name)
		}
	case "V":
		// NOT VALID is not in the model: nothing changes.
	default:
		st.skip(st.firstWords(st.first, st.last-1, 6))
	}
}
