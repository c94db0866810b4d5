package inspect

import (
	"fmt"
	"math"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// readRelations reads tables (partitioned or not, partitions too), views,
// materialized views and composite types.
func (in *inspector) readRelations() error {
	err := in.query(`
SELECT c.oid, c.relnamespace, c.relname, c.relkind::text, c.relpersistence = 'u', c.relrowsecurity, c.relforcerowsecurity,
       coalesce(CASE WHEN c.relkind = 'c' THEN obj_description(c.reltype, 'pg_type') ELSE obj_description(c.oid, 'pg_class') END, ''),
       coalesce(c.reloptions, '{}'),
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) ELSE '' END,
       coalesce(pt.partstrat::text, ''), coalesce(pg_get_partkeydef(c.oid), ''),
       coalesce(string_to_array(pt.partattrs::text, ' ')::int2[], '{}'),
       coalesce(pg_get_expr(pt.partexprs, c.oid, true), '')
  FROM pg_class c
  LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
 WHERE c.relnamespace = ANY($1::oid[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
   AND `+notExtension("pg_class", "c.oid")+` AND `+notExtension("pg_type", "c.reltype")+`
 ORDER BY c.relname`, func(scan func(...any) error) error {
		var oid, ns uint32
		var name, kind, comment, def, strat, partDef, partExprs string
		var unlogged, rls, force bool
		var options []string
		var partAttrs []int16
		if err := scan(&oid, &ns, &name, &kind, &unlogged, &rls, &force, &comment, &options, &def, &strat, &partDef, &partAttrs, &partExprs); err != nil {
			return err
		}
		s := in.schemas[ns]
		r := &relation{oid: oid, kind: kind, schema: s, columns: map[int16]*column{}}
		switch kind {
		case "r", "p":
			r.table = &schema.Table{Schema: s, Name: name, Comment: comment, Unlogged: unlogged, RowSecurity: schema.RowSecurity{Enabled: rls, Forced: force}}
			if kind == "p" {
				r.table.Partition, r.partAttrs = partition(strat, partDef, partAttrs, partExprs), partAttrs
			}
			s.Tables = append(s.Tables, r.table)
		case "v", "m":
			r.view = &schema.View{Schema: s, Name: name, Materialized: kind == "m", Comment: comment, Def: viewDef(def)}
			viewOptions(r.view, options)
			s.Views = append(s.Views, r.view)
		case "c":
			r.comp = &schema.Composite{Schema: s, Name: name, Comment: comment}
			s.Composites = append(s.Composites, r.comp)
		}
		in.rels[oid] = r
		return nil
	}, in.schemaOIDs())
	if err != nil {
		return err
	}
	return in.readPartitions()
}

// readPartitions reads which tables are partitions, of which table and
// with which bound, printed with TimeZone UTC: a bound of a timestamptz
// key reads the same whatever the session's zone.
func (in *inspector) readPartitions() error {
	var zone string
	if err := in.tx.QueryRow(in.ctx, "SELECT current_setting('TimeZone'), set_config('TimeZone', 'UTC', true)").Scan(&zone, new(string)); err != nil {
		return err
	}
	err := in.query(`
SELECT c.oid, pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid)
  FROM pg_class c
  JOIN pg_inherits i ON i.inhrelid = c.oid
  JOIN pg_class pc ON pc.oid = i.inhparent
  JOIN pg_namespace pn ON pn.oid = pc.relnamespace
 WHERE c.oid = ANY($1::oid[]) AND c.relispartition`, func(scan func(...any) error) error {
		var oid uint32
		p := &schema.PartitionOf{}
		if err := scan(&oid, &p.Schema, &p.Table, &p.Bound); err != nil {
			return err
		}
		in.rels[oid].table.PartitionOf = p
		return nil
	}, in.oids("rp"))
	if err != nil {
		return err
	}
	_, err = in.tx.Exec(in.ctx, "SELECT set_config('TimeZone', $1, true)", zone)
	return err
}

// viewDef is a view's query as pg_get_viewdef gives it, without the
// final semicolon and the white space around it.
func viewDef(def string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(def), ";"))
}

// partition reads a PARTITION BY clause: the strategy, the key's
// columns (numbered; 0 for an expression), its expressions in order,
// and pg_get_partkeydef's text for each part's COLLATE and operator
// class. Column parts are named once the columns are read.
func partition(strat, def string, attrs []int16, exprs string) *schema.Partition {
	p := &schema.Partition{Type: map[string]string{"r": "RANGE", "l": "LIST", "h": "HASH"}[strat]}
	var elems []string
	if open := strings.IndexByte(def, '('); open >= 0 && strings.HasSuffix(def, ")") {
		elems = splitTop(def[open+1 : len(def)-1])
	}
	texts := splitTop(exprs)
	for k := range attrs {
		part := schema.IndexPart{}
		if k < len(elems) {
			_, part.Collate, part.Ops, _ = elemTail(elems[k])
		}
		if attrs[k] == 0 && len(texts) > 0 {
			part.Expr, texts = stripParens(texts[0]), texts[1:]
		}
		p.Parts = append(p.Parts, part)
	}
	return p
}

// readColumns reads the columns of the relations read: type, NOT NULL,
// default, identity, generated expression, collation (when not the
// type's) and comment.
func (in *inspector) readColumns() error {
	err := in.query(`
SELECT a.attrelid, a.attnum, a.attname, a.atttypid, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       coalesce(pg_get_expr(d.adbin, d.adrelid, true), ''), a.attidentity::text, a.attgenerated::text,
       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
         CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname ELSE cn.nspname || '.' || co.collname END
       ELSE '' END,
       coalesce(col_description(a.attrelid, a.attnum), '')
  FROM pg_attribute a
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
 WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attrelid, a.attnum`, func(scan func(...any) error) error {
		var rel, typeOID uint32
		var num int16
		var formatted, identity, generated string
		var notNull bool
		c := &column{Column: &schema.Column{}}
		if err := scan(&rel, &num, &c.Name, &typeOID, &formatted, &notNull, &c.dflt, &identity, &generated, &c.Collate, &c.Comment); err != nil {
			return err
		}
		r := in.rels[rel]
		c.typeOID, c.Type, c.Null = typeOID, in.typ(typeOID, formatted), !notNull
		switch {
		case generated == "s":
			c.Generated = &schema.Expr{Kind: schema.ExprSQL, Value: stripParens(c.dflt)}
		case identity != "":
			c.Identity = &schema.Identity{Always: identity == "a"}
		default:
			c.Default = defaultExpr(c.dflt, c.Type)
		}
		r.columns[num] = c
		switch {
		case r.table != nil:
			if r.table.PartitionOf == nil { // a partition's are its parent's
				r.table.Columns = append(r.table.Columns, c.Column)
			}
		case r.view != nil:
			c.Null = true
			r.view.Columns = append(r.view.Columns, c.Column)
		case r.comp != nil:
			c.Null = false // fields have no nullability
			r.comp.Fields = append(r.comp.Fields, c.Column)
		}
		return nil
	}, in.oids("rpvmc"))
	if err != nil {
		return err
	}
	for _, r := range in.rels {
		for k, a := range r.partAttrs {
			if c := r.columns[a]; c != nil && a != 0 {
				r.table.Partition.Parts[k].Column = c.Name
			}
		}
	}
	return nil
}

// sequence is a sequence being read, with its owner.
type sequence struct {
	seq      *schema.Sequence
	regclass string // its name as regclass spells it
	typeOID  uint32
	start    int64
	inc      int64
	min, max int64
	cache    int64
	cycle    bool
	owner    uint32 // the owning table, or 0
	ownerCol int16
	identity bool // the sequence of an identity column
}

// readSequences reads sequences, makes identity columns of the ones
// identity columns own and serial columns of the ones that match what
// serial makes, and keeps the others.
func (in *inspector) readSequences() error {
	err := in.query(`
SELECT c.oid, c.relnamespace, c.relname, c.oid::regclass::text, s.seqtypid, format_type(s.seqtypid, NULL),
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       coalesce(obj_description(c.oid, 'pg_class'), ''),
       coalesce(d.refobjid, 0), coalesce(d.refobjsubid, 0)::int2, coalesce(d.deptype::text, '')
  FROM pg_class c
  JOIN pg_sequence s ON s.seqrelid = c.oid
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
        AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
 WHERE c.relkind = 'S' AND c.relnamespace = ANY($1::oid[]) AND `+notExtension("pg_class", "c.oid")+`
 ORDER BY c.relname`, func(scan func(...any) error) error {
		var oid, ns uint32
		var formatted, deptype string
		q := &sequence{seq: &schema.Sequence{}}
		if err := scan(&oid, &ns, &q.seq.Name, &q.regclass, &q.typeOID, &formatted, &q.start, &q.inc, &q.min, &q.max,
			&q.cache, &q.cycle, &q.seq.Comment, &q.owner, &q.ownerCol, &deptype); err != nil {
			return err
		}
		q.seq.Schema, q.identity = in.schemas[ns], deptype == "i"
		q.seq.Type = in.typ(q.typeOID, formatted)
		in.seqs[oid] = q
		return nil
	}, in.schemaOIDs())
	if err != nil {
		return err
	}
	for _, q := range in.seqs {
		r := in.rels[q.owner]
		var c *column
		if r != nil && r.table != nil {
			c = r.columns[q.ownerCol]
		}
		switch {
		case q.identity && c != nil && c.Identity != nil:
			// Options equal to the defaults for the column's type go when
			// the realm is normalised.
			id := c.Identity
			id.Start, id.Increment, id.Min, id.Max, id.Cache, id.Cycle = q.start, q.inc, &q.min, &q.max, &q.cache, q.cycle
			continue
		case c != nil && q.serial(c):
			c.Type = schema.Type{Name: map[string]string{"integer": "serial", "bigint": "bigserial", "smallint": "smallserial"}[c.Type.Name]}
			c.Default = nil
			continue
		}
		s := q.seq
		s.Start, s.Increment, s.Min, s.Max, s.Cache, s.Cycle = &q.start, &q.inc, &q.min, &q.max, &q.cache, q.cycle
		if c != nil {
			s.OwnedBy = r.table.Name + "." + c.Name
		}
		s.Schema.Sequences = append(s.Schema.Sequences, s)
	}
	return nil
}

// serial reports whether q is what a serial column c makes: a sequence of
// c's type with the default options, owned by c, whose nextval is c's
// default.
func (q *sequence) serial(c *column) bool {
	maxOf := map[string]int64{"integer": math.MaxInt32, "bigint": math.MaxInt64, "smallint": math.MaxInt16}
	t := c.Type
	hi, ok := maxOf[t.Name]
	return ok && t.Array == 0 && t.UserKind == "" && q.typeOID == c.typeOID &&
		q.start == 1 && q.inc == 1 && q.min == 1 && q.max == hi && q.cache == 1 && !q.cycle &&
		c.dflt == fmt.Sprintf("nextval('%s'::regclass)", strings.ReplaceAll(q.regclass, "'", "''"))
}

// notClonedTrigger leaves out the row triggers PostgreSQL clones from a
// partitioned table onto its partitions (tgparentid, PostgreSQL 13+;
// before, they are internal).
func (in *inspector) notClonedTrigger() string {
	if in.version >= 130000 {
		return "t.tgparentid = 0"
	}
	return "true"
}
