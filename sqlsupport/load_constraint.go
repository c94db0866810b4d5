package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/schema"
)

// constraint adds a table constraint spanning tokens a to b; col is the
// column of a column constraint. It returns what it added.
func (st *ldStmt) constraint(t *schema.Table, con *pg_query.Constraint, a, b int, col string) any {
	pos := st.pos(st.span(a, b))
	keys := ldStrings(con.Keys)
	if col != "" && len(keys) == 0 {
		keys = []string{col}
	}
	s := t.Schema
	relTaken, conTaken := ldRelTaken(s), ldConTaken(s)
	indexTaken := func(n string) bool { return relTaken(n) || conTaken(n) }
	switch con.Contype {
	case pg_query.ConstrType_CONSTR_PRIMARY, pg_query.ConstrType_CONSTR_UNIQUE:
		primary := con.Contype == pg_query.ConstrType_CONSTR_PRIMARY
		if primary && t.PrimaryKey != nil {
			st.fail("Table %q has a primary key already", t.Name)
			return nil
		}
		if con.Indexname != "" {
			return st.indexConstraint(t, con, primary)
		}
		ix := &schema.Index{Name: con.Conname, Unique: true, Constraint: !primary, Include: ldStrings(con.Including),
			Deferrable: con.Deferrable, InitiallyDeferred: con.Initdeferred, Pos: pos}
		for _, k := range keys {
			ix.Parts = append(ix.Parts, &schema.IndexPart{Column: k})
		}
		if con.NullsNotDistinct {
			ix.NullsDistinct = new(bool)
		}
		if len(con.Options) > 0 {
			st.skip("WITH (…) storage parameters")
		}
		if con.Indexspace != "" {
			st.skip("USING INDEX TABLESPACE")
		}
		if ix.Name != "" && indexTaken(ix.Name) {
			st.fail("Relation %q already exists in schema %q", ix.Name, s.Name)
			return nil
		}
		st.l.uses[ix] = append(slices.Clone(keys), ix.Include...)
		if primary {
			if ix.Name == "" {
				ix.Name = st.l.autoName(ix, ldAutoName{t.Name, "", "pkey"}, indexTaken)
			}
			for _, k := range keys {
				if c := t.Column(k); c != nil {
					c.Null = false
				}
			}
			t.PrimaryKey = ix
			return ix
		}
		if ix.Name == "" {
			ix.Name = st.l.autoName(ix, ldAutoName{t.Name, schema.NameAddition(schema.IndexColumnNames(st.l.uses[ix])), "key"}, indexTaken)
		}
		t.Indexes = append(t.Indexes, ix)
		return ix
	case pg_query.ConstrType_CONSTR_CHECK:
		text, _ := st.parenAfter(a, pg_query.Token_CHECK)
		used := ldColumnRefs(con.RawExpr)
		ck := &schema.Check{Name: con.Conname, Expr: text, NoInherit: con.IsNoInherit, Pos: pos}
		// A name given need only be free on the table; one chosen, in the
		// schema.
		if ck.Name != "" && ldConstraint(t, ck.Name) != nil {
			st.fail("Constraint %q already exists", ck.Name)
			return nil
		}
		if ck.Name == "" {
			one := ""
			if len(used) == 1 {
				one = used[0]
			}
			ck.Name = schema.DefaultName(t.Name, one, "check", conTaken)
		}
		st.l.uses[ck] = used
		t.Checks = append(t.Checks, ck)
		return ck
	case pg_query.ConstrType_CONSTR_FOREIGN:
		if fk := st.foreignKey(t, con, keys, pos); fk != nil {
			return fk
		}
		return nil // not a typed nil: callers switch on the type
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		return st.exclude(t, con, a, pos, indexTaken)
	}
	st.skip(ldUpper(strings.TrimPrefix(con.Contype.String(), "CONSTR_")) + " constraint")
	return nil
}

func (st *ldStmt) foreignKey(t *schema.Table, con *pg_query.Constraint, keys []string, pos schema.Pos) *schema.ForeignKey {
	cols := ldStrings(con.FkAttrs)
	if len(cols) == 0 {
		cols = keys
	}
	fk := &schema.ForeignKey{Name: con.Conname, Columns: cols, RefTable: con.Pktable.Relname, RefColumns: ldStrings(con.PkAttrs),
		OnUpdate: ldAction(con.FkUpdAction), OnDelete: ldAction(con.FkDelAction),
		Deferrable: con.Deferrable, InitiallyDeferred: con.Initdeferred, Pos: pos}
	conTaken := ldConTaken(t.Schema)
	if fk.Name != "" && ldConstraint(t, fk.Name) != nil {
		st.fail("Constraint %q already exists", fk.Name)
		return nil
	}
	if fk.Name == "" {
		fk.Name = schema.DefaultName(t.Name, schema.NameAddition(cols), "fkey", conTaken)
	}
	fk.MatchFull = con.FkMatchtype == "f"
	if con.FkMatchtype == "p" {
		st.skip("MATCH PARTIAL")
	}
	fk.OnDeleteColumns = ldStrings(con.FkDelSetCols)
	for _, c := range fk.OnDeleteColumns {
		if !slices.Contains(cols, c) {
			st.fail("Column %q referenced in ON DELETE SET action must be part of foreign key", c)
		}
	}
	schemas := []string{con.Pktable.Schemaname}
	if con.Pktable.Schemaname == "" {
		schemas = []string{st.defSchema, "public"}
	}
	fk.RefSchema = schemas[0]
	// The referenced key is the one the table has now; a table declared
	// later is looked up by finish.
	for _, sn := range schemas {
		if rs := st.l.out.Realm.Schema(sn); rs != nil && rs.Table(fk.RefTable) != nil {
			ref := rs.Table(fk.RefTable)
			fk.RefSchema = sn
			if len(fk.RefColumns) == 0 && ref.PrimaryKey != nil {
				fk.RefColumns, _ = ref.PrimaryKey.Columns()
			}
			break
		}
	}
	st.l.fks = append(st.l.fks, ldPendingFK{fk: fk, file: st.name, schemas: schemas})
	t.ForeignKeys = append(t.ForeignKeys, fk)
	return fk
}

func ldAction(c string) schema.ReferenceAction {
	return map[string]schema.ReferenceAction{"r": schema.Restrict, "c": schema.Cascade, "n": schema.SetNull, "d": schema.SetDefault}[c]
}

func (st *ldStmt) exclude(t *schema.Table, con *pg_query.Constraint, a int, pos schema.Pos, taken func(string) bool) *schema.Exclude {
	ex := &schema.Exclude{Name: con.Conname, Method: con.AccessMethod, Include: ldStrings(con.Including),
		Deferrable: con.Deferrable, InitiallyDeferred: con.Initdeferred, Pos: pos}
	i := st.next(a, pg_query.Token_EXCLUDE)
	if st.kind(i+1) == pg_query.Token_USING {
		i += 2
	}
	open := st.next(i, '(')
	elems := st.list(open)
	var names, uses []string
	for k, item := range con.Exclusions {
		parts := item.GetList().GetItems()
		if len(parts) != 2 {
			continue
		}
		e := parts[0].GetIndexElem()
		ops := ldStrings(parts[1].GetList().GetItems())
		el := schema.ExcludeElement{Column: e.Name}
		if len(ops) > 0 {
			el.Op = ops[len(ops)-1]
		}
		name := e.Name
		if e.Expr != nil && k < len(elems) {
			with := st.next(elems[k][0], pg_query.Token_WITH)
			el.Expr, _ = st.elemExpr(elems[k][0], max(with-1, elems[k][0]))
			name = ldFigureName(e.Expr)
			uses = append(uses, ldColumnRefs(e.Expr)...)
		} else {
			uses = append(uses, e.Name)
		}
		if e.Ordering != pg_query.SortByDir_SORTBY_DEFAULT || len(e.Opclass) > 0 || len(e.Collation) > 0 {
			st.skip("order, operator class or collation of EXCLUDE elements")
		}
		names = append(names, name)
		ex.Elements = append(ex.Elements, el)
	}
	if con.WhereClause != nil {
		ex.Where, _ = st.parenAfter(st.match(open)+1, pg_query.Token_WHERE)
		uses = append(uses, ldColumnRefs(con.WhereClause)...)
	}
	if taken(ex.Name) {
		st.fail("Relation %q already exists", ex.Name)
		return nil
	}
	if ex.Name == "" {
		ex.Name = st.l.autoName(ex, ldAutoName{t.Name, schema.NameAddition(schema.IndexColumnNames(append(names, ex.Include...))), "excl"}, taken)
	}
	st.l.uses[ex] = append(uses, ex.Include...)
	ex.Normalize()
	t.Excludes = append(t.Excludes, ex)
	return ex
}

// indexConstraint makes a UNIQUE or PRIMARY KEY constraint of an existing
// index (ADD CONSTRAINT … USING INDEX).
func (st *ldStmt) indexConstraint(t *schema.Table, con *pg_query.Constraint, primary bool) any {
	k := slices.IndexFunc(t.Indexes, func(ix *schema.Index) bool { return ix.Name == con.Indexname })
	if k < 0 {
		st.fail("Index %q of table %q does not exist", con.Indexname, t.Name)
		return nil
	}
	ix := t.Indexes[k]
	if con.Conname != "" {
		ix.Name = con.Conname
	}
	ix.Unique, ix.Constraint = true, !primary
	ix.Deferrable, ix.InitiallyDeferred = con.Deferrable, con.Initdeferred
	if primary {
		t.Indexes = slices.Delete(t.Indexes, k, k+1)
		ix.Constraint = false
		t.PrimaryKey = ix
		for _, p := range ix.Parts {
			if c := t.Column(p.Column); c != nil {
				c.Null = false
			}
		}
	}
	return ix
}

// ldAutoName is how PostgreSQL names an unnamed index constraint.
type ldAutoName struct{ name1, name2, label string }

// autoName names o as PostgreSQL would, remembering how for dedupeKeys.
func (l *loader) autoName(o any, n ldAutoName, taken func(string) bool) string {
	l.auto[o] = n
	return schema.DefaultName(n.name1, n.name2, n.label, taken)
}

// dedupeKeys drops the unique constraints of a new table that repeat its
// primary key or an earlier unique constraint, as PostgreSQL does (a
// named duplicate gives its name to an unnamed original), then names the
// unnamed key, unique and exclusion constraints again in PostgreSQL's
// order, now that the duplicates no longer take names.
func (st *ldStmt) dedupeKeys(t *schema.Table) {
	same := func(a, b *schema.Index) bool {
		ac, _ := a.Columns()
		bc, _ := b.Columns()
		return slices.Equal(ac, bc) && slices.Equal(a.Include, b.Include) && (a.NullsDistinct == nil) == (b.NullsDistinct == nil) &&
			a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred
	}
	var kept, indexes []*schema.Index
	if t.PrimaryKey != nil {
		kept = append(kept, t.PrimaryKey)
	}
	for _, ix := range t.Indexes {
		if !ix.Constraint {
			indexes = append(indexes, ix)
			continue
		}
		if k := slices.IndexFunc(kept, func(p *schema.Index) bool { return same(p, ix) }); k >= 0 {
			if _, auto := st.l.auto[kept[k]]; auto {
				if _, dupAuto := st.l.auto[ix]; !dupAuto {
					kept[k].Name = ix.Name
					delete(st.l.auto, kept[k])
				}
			}
			continue
		}
		kept = append(kept, ix)
		indexes = append(indexes, ix)
	}
	t.Indexes = indexes
	var renamed []any
	for _, ix := range kept {
		if _, ok := st.l.auto[ix]; ok {
			ix.Name, renamed = "", append(renamed, ix)
		}
	}
	for _, ex := range t.Excludes {
		if _, ok := st.l.auto[ex]; ok {
			ex.Name, renamed = "", append(renamed, ex)
		}
	}
	relTaken, conTaken := ldRelTaken(t.Schema), ldConTaken(t.Schema)
	taken := func(n string) bool { return relTaken(n) || conTaken(n) }
	for _, o := range renamed {
		n := st.l.auto[o]
		name := schema.DefaultName(n.name1, n.name2, n.label, taken)
		switch x := o.(type) {
		case *schema.Index:
			x.Name = name
		case *schema.Exclude:
			x.Name = name
		}
	}
}
