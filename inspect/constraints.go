package inspect

import "github.com/schema-ls/schema-ls/schema"

// indexConstraint is a primary key, unique or exclusion constraint,
// completed from its index.
type indexConstraint struct {
	name, kind        string // contype: p, u or x
	deferrable, initd bool
	ops               []string // the operators of an exclusion constraint
	comment           string
}

// readConstraints reads the foreign keys and checks of tables, and what
// the constraints behind indexes add to them; not those a partition
// inherits, nor the ones PostgreSQL adds for a foreign key to each
// partition of the table it references (conparentid).
func (in *inspector) readConstraints() error {
	in.indexCons = map[uint32]*indexConstraint{}
	delSetCols := "'{}'::text[]" // ON DELETE SET NULL (…) came in PostgreSQL 15
	if in.version >= 150000 {
		delSetCols = `array(SELECT a.attname::text FROM unnest(con.confdelsetcols) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)`
	}
	return in.query(`
SELECT con.conrelid, con.conname, con.contype::text, con.conindid, con.condeferrable, con.condeferred,
       array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
       coalesce(fn.nspname, ''), coalesce(fc.relname, ''),
       array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i),
       con.confupdtype::text, con.confdeltype::text, con.confmatchtype = 'f', `+delSetCols+`, con.connoinherit,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) ELSE '' END,
       array(SELECT o.oprname::text FROM unnest(con.conexclop) WITH ORDINALITY k(op, i)
               JOIN pg_operator o ON o.oid = k.op ORDER BY k.i),
       coalesce(obj_description(con.oid, 'pg_constraint'), '')
  FROM pg_constraint con
  JOIN pg_class rc ON rc.oid = con.conrelid
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
 WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0
   AND (NOT rc.relispartition OR con.coninhcount = 0)
 ORDER BY con.conname`, func(scan func(...any) error) error {
		var rel, index uint32
		var name, kind, refSchema, refTable, onUpdate, onDelete, check, comment string
		var deferrable, initd, matchFull, noInherit bool
		var cols, refCols, delSetCols, ops []string
		if err := scan(&rel, &name, &kind, &index, &deferrable, &initd, &cols, &refSchema, &refTable, &refCols,
			&onUpdate, &onDelete, &matchFull, &delSetCols, &noInherit, &check, &ops, &comment); err != nil {
			return err
		}
		t := in.rels[rel].table
		switch kind {
		case "f":
			t.ForeignKeys = append(t.ForeignKeys, &schema.ForeignKey{Name: name, Columns: cols,
				RefSchema: refSchema, RefTable: refTable, RefColumns: refCols,
				OnUpdate: refAction(onUpdate), OnDelete: refAction(onDelete),
				Deferrable: deferrable, InitiallyDeferred: initd, MatchFull: matchFull, Comment: comment})
			if len(delSetCols) > 0 {
				t.ForeignKeys[len(t.ForeignKeys)-1].OnDeleteColumns = delSetCols
			}
		case "c":
			t.Checks = append(t.Checks, &schema.Check{Name: name, Expr: stripParens(check), NoInherit: noInherit, Comment: comment})
		default:
			in.indexCons[index] = &indexConstraint{name: name, kind: kind, deferrable: deferrable, initd: initd, ops: ops, comment: comment}
		}
		return nil
	}, in.oids("rp"))
}

// refAction reads pg_constraint.confupdtype and confdeltype.
func refAction(c string) schema.ReferenceAction {
	return map[string]schema.ReferenceAction{"r": schema.Restrict, "c": schema.Cascade, "n": schema.SetNull, "d": schema.SetDefault}[c]
}

// readIndexes reads the indexes of tables and materialized views, those
// behind primary keys, unique and exclusion constraints included, but
// not a partition's that are attached to its parent's (relispartition).
func (in *inspector) readIndexes() error {
	nullsNotDistinct := "false"
	if in.version >= 150000 {
		nullsNotDistinct = "i.indnullsnotdistinct"
	}
	return in.query(`
SELECT i.indexrelid, i.indrelid, ic.relname, upper(am.amname), i.indisunique, i.indnkeyatts,
       string_to_array(i.indkey::text, ' ')::int2[], string_to_array(i.indoption::text, ' ')::int2[],
       array(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k),
       pg_get_indexdef(i.indexrelid), coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''),
       coalesce(obj_description(i.indexrelid, 'pg_class'), ''), `+nullsNotDistinct+`
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam
 WHERE i.indrelid = ANY($1::oid[]) AND NOT ic.relispartition
 ORDER BY ic.relname`, func(scan func(...any) error) error {
		var oid, rel uint32
		var nkeys int16
		var keys, options []int16
		var parts []string
		var def string
		var notDistinct bool
		ix := &schema.Index{}
		if err := scan(&oid, &rel, &ix.Name, &ix.Method, &ix.Unique, &nkeys, &keys, &options, &parts, &def,
			&ix.Where, &ix.Comment, &notDistinct); err != nil {
			return err
		}
		r := in.rels[rel]
		if notDistinct {
			ix.NullsDistinct = new(bool)
		}
		elems := indexElems(def)
		names := r.colNames(keys)
		for k := range keys {
			if k >= int(nkeys) {
				ix.Include = append(ix.Include, names[k])
				continue
			}
			p := &schema.IndexPart{Column: names[k]}
			if keys[k] == 0 && k < len(parts) {
				p.Expr = stripParens(parts[k])
			}
			if k < len(elems) {
				_, p.Collate, p.Ops, _ = elemTail(elems[k])
			}
			if k < len(options) {
				p.Desc = options[k]&1 != 0
				first := options[k]&2 != 0
				p.NullsFirst = &first
			}
			ix.Parts = append(ix.Parts, p)
		}
		con := in.indexCons[oid]
		switch {
		case r.view != nil:
			r.view.Indexes = append(r.view.Indexes, ix)
			return nil
		case con == nil:
			r.table.Indexes = append(r.table.Indexes, ix)
			return nil
		}
		ix.Name, ix.Deferrable, ix.InitiallyDeferred = con.name, con.deferrable, con.initd
		if con.comment != "" {
			ix.Comment = con.comment
		}
		switch con.kind {
		case "p":
			r.table.PrimaryKey = ix
		case "u":
			ix.Constraint = true
			r.table.Indexes = append(r.table.Indexes, ix)
		case "x":
			ex := &schema.Exclude{Name: ix.Name, Method: ix.Method, Include: ix.Include, Where: ix.Where,
				Deferrable: ix.Deferrable, InitiallyDeferred: ix.InitiallyDeferred, Comment: ix.Comment}
			for k, p := range ix.Parts {
				el := schema.ExcludeElement{Column: p.Column, Expr: p.Expr}
				if k < len(con.ops) {
					el.Op = con.ops[k]
				}
				ex.Elements = append(ex.Elements, el)
			}
			r.table.Excludes = append(r.table.Excludes, ex)
		}
		return nil
	}, in.oids("rpm"))
}

// indexElems are the key elements of an index as pg_get_indexdef prints
// it: the list in the first parentheses.
func indexElems(def string) []string {
	for i := 0; i < len(def); i++ {
		switch def[i] {
		case '\'', '"':
			i = skipQuoted(def, i) - 1
		case '(':
			if end := matchParen(def, i); end > i {
				return splitTop(def[i+1 : end])
			}
			return nil
		}
	}
	return nil
}
