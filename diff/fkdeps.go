package diff

import (
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// tableChanges is what the plan does to a table that foreign keys of
// other tables, left alone themselves, depend on.
type tableChanges struct {
	recreated   bool                  // dropped and created again
	cast        []string              // columns retyped to another category of type
	droppedKeys [][]*schema.IndexPart // unique keys (primary or unique) dropped or changed
	persistence bool                  // SET LOGGED or SET UNLOGGED
}

// changes returns the record of table t, keyed by its qualified name.
func (p *planner) changes(t *schema.Table) *tableChanges {
	key := schema.Qualified(t.Schema.Name, t.Name)
	c := p.touched[key]
	if c == nil {
		c = &tableChanges{}
		p.touched[key] = c
	}
	return c
}

// foreignKeys plans the foreign keys of tables that are altered and that
// keep them: one whose referenced table is re-created, whose referenced
// key is dropped or changed, one of whose columns (either side) is
// retyped to another category of type, or whose two tables both change
// persistence is dropped first and added again at the end (PostgreSQL
// checks a key again after each column's change, and int = text has no
// operator); one whose deferral alone changes is altered.
func (p *planner) foreignKeys(from, to *schema.Realm) {
	for _, ts := range to.Schemas {
		fs := from.Schema(ts.Name)
		if fs == nil {
			continue
		}
		for _, t := range ts.Tables {
			old := fs.Table(t.Name)
			if old == nil || p.changes(t).recreated {
				continue
			}
			name := qname(t.Schema, t.Name)
			for _, fk := range t.ForeignKeys {
				o := findFK(old.ForeignKeys, fk.Name)
				switch {
				case o == nil || !sameFK(o, fk) && !sameFKButDeferral(o, fk):
					// Planned by alterTable.
				case p.keyChanges(t, fk):
					p.add(dropDependents, "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), "ALTER TABLE "+name+" ADD "+foreignKeyClause(o), false)
					p.add(addForeignKeys, "ALTER TABLE "+name+" ADD "+foreignKeyClause(fk), "ALTER TABLE "+name+" DROP CONSTRAINT "+ident(fk.Name), false)
				case !sameFK(o, fk):
					p.add(alterTables, "ALTER TABLE "+name+" ALTER CONSTRAINT "+ident(fk.Name)+deferral(fk), "ALTER TABLE "+name+" ALTER CONSTRAINT "+ident(fk.Name)+deferral(o), false)
				}
			}
		}
	}
}

// keyChanges reports whether the plan touches what foreign key fk of
// table t depends on.
func (p *planner) keyChanges(t *schema.Table, fk *schema.ForeignKey) bool {
	own := p.changes(t)
	if slices.ContainsFunc(fk.Columns, func(c string) bool { return slices.Contains(own.cast, c) }) {
		return true
	}
	ref := p.touched[schema.Qualified(fk.RefSchema, fk.RefTable)]
	if ref == nil {
		return false
	}
	if ref.recreated || slices.ContainsFunc(fk.RefColumns, func(c string) bool { return slices.Contains(ref.cast, c) }) {
		return true
	}
	// Both tables change persistence: whichever goes first, a logged
	// table would reference an unlogged one for a while.
	if own.persistence && ref.persistence && own != ref {
		return true
	}
	return slices.ContainsFunc(ref.droppedKeys, func(parts []*schema.IndexPart) bool {
		if len(parts) != len(fk.RefColumns) {
			return false
		}
		for _, part := range parts {
			if part.Column == "" || !slices.Contains(fk.RefColumns, part.Column) {
				return false
			}
		}
		return true
	})
}

// sameFKButDeferral reports foreign keys that differ only in deferral,
// which ALTER CONSTRAINT changes in place.
func sameFKButDeferral(a, b *schema.ForeignKey) bool {
	x := *b
	x.Deferrable, x.InitiallyDeferred = a.Deferrable, a.InitiallyDeferred
	return sameFK(a, &x)
}

// deferral is the deferral clause of ALTER CONSTRAINT for fk.
func deferral(fk *schema.ForeignKey) string {
	switch {
	case fk.Deferrable && fk.InitiallyDeferred:
		return " DEFERRABLE INITIALLY DEFERRED"
	case fk.Deferrable:
		return " DEFERRABLE INITIALLY IMMEDIATE"
	}
	return " NOT DEFERRABLE"
}
