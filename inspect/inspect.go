// Package inspect reads a live PostgreSQL database (12 to 17) into the
// model of package schema, from the system catalogs (pg_catalog), with
// pgx.
//
// What it reads is what the SQL loader (sqlsupport.Load) builds from the
// DDL that made the database, in the same normal form; the round-trip
// tests prove it on every testdata/sqlmodel pair. Where the catalogs
// cannot tell what the DDL said, it reads:
//
//   - Schemas other than the system ones (pg_catalog, information_schema,
//     pg_toast*, pg_temp_*), and only objects that belong to no extension.
//     The public schema is left out while it holds no object of the model,
//     no extension and no comment: the loader makes public only when
//     something lands in it. PostgreSQL's own comment on public
//     (schema.DefaultPublicComment) reads as none.
//   - Types as the loader normalises them: format_type's spelling read by
//     schema.ParseSQLType; enums, domains, composites and table row types
//     as user types; anything else as format_type spells it (Type.Raw).
//   - A column whose default is nextval of a sequence it owns, where the
//     sequence has the options serial gives it, as serial (bigserial,
//     smallserial) without the default, and without the sequence: the
//     loader keeps serial columns so, and PostgreSQL cannot tell them from
//     a sequence made by hand the same way. Identity sequences are left
//     out too; their options go to the column's identity.
//   - Defaults through schema.NormalizeDefault: literals of the column's
//     type are string, number and bool values.
//   - SQL text as PostgreSQL deparses it (pg_get_expr, pg_get_viewdef,
//     pg_get_constraintdef, pg_get_triggerdef, … in their pretty form),
//     without the parentheses around a whole expression that the syntax
//     requires. It is not the source's text: compare SQL text loosely, or
//     as the server deparses it again. Each schema is read with its own
//     search_path, the schema then public, so its objects' SQL names what
//     resolves there unqualified and the rest qualified: an object's SQL
//     resolves in its schema, then public, throughout schema-ls.
//   - Routine bodies: prosrc, trimmed ("probin, prosrc" for C functions),
//     and pg_get_function_sqlbody for SQL-standard bodies (PostgreSQL 14
//     and later). SET clauses from proconfig, and COST and ROWS unless
//     PostgreSQL's defaults. Aggregates of the normal kind with their
//     state, support functions (by schema and name), INITCOND and SORTOP
//     (by operator name); ordered-set aggregates are left out, as the
//     loader leaves them.
//   - Every column of a view or materialized view, typed and nullable
//     (the loader has them only from a column list).
//   - Extensions installed in the inspected schemas, plpgsql (which every
//     database has) aside, with their schema, version and comment (none
//     when it is the extension's own description).
//   - Constraint and index names as PostgreSQL has them; the comment of a
//     constraint's index is the constraint's, else the index's.
//   - A policy's roles by name, PUBLIC as none; CURRENT_USER and the like
//     read as the role they stood for when the policy was made.
//   - Partitions with their parent and bound (pg_get_expr, TimeZone UTC),
//     without columns (their parent's) or what they inherit: constraints
//     cloned or merged from the parent, indexes attached to its indexes,
//     cloned row triggers.
//
// Not read: foreign tables,
// inheritance (an inheriting table's columns read as its own), typed
// tables' OF clause, storage parameters, tablespaces, owners and grants,
// roles, event triggers, casts, operators, operator classes and families,
// range and base types (read as Raw where used), statistics, rules,
// publications; and, of the objects read, what the model has no place
// for: NOT VALID, exclusion elements' order, operator class and
// collation, operator class parameters, the type of an identity's
// sequence (taken to be the column's), domain collations, view options
// other than check_option, security_barrier and security_invoker,
// routine SUPPORT (and SET … FROM CURRENT, read as the value it set),
// aggregate options but those above (SSPACE, FINALFUNC_EXTRA,
// SERIALFUNC, moving-aggregate ones, …),
// a constraint trigger's FROM table.
package inspect

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/schema-ls/schema-ls/schema"
)

// Options: Schemas limits the inspection to these schemas (empty: every
// non-system schema).
type Options struct {
	Schemas []string
}

// Inspect reads the database conn is connected to into a realm. It runs
// in a read-only, repeatable-read transaction of its own on conn, so it
// sees one snapshot; conn must not be in a transaction.
func Inspect(ctx context.Context, conn *pgx.Conn, opts Options) (*schema.Realm, error) {
	if st := conn.PgConn().TxStatus(); st != 'I' {
		return nil, fmt.Errorf("inspect: the connection is in a transaction (status %q); inspect needs its own", st)
	}
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("inspect: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // read-only
	names := opts.Schemas
	if len(names) != 1 {
		if names, err = listSchemas(ctx, tx, names); err != nil {
			return nil, fmt.Errorf("inspect: %w", err)
		}
	}
	realm := &schema.Realm{}
	for _, name := range names {
		path := quoteIdent(name)
		if name != "public" {
			path += ", public"
		}
		r, err := inspectSchema(ctx, tx, name, path)
		if err != nil {
			return nil, fmt.Errorf("inspect: %w", err)
		}
		realm.Schemas = append(realm.Schemas, r.Schemas...)
		realm.Extensions = append(realm.Extensions, r.Extensions...)
	}
	realm.Normalize() // whole: partitions and domains may span schemas
	return realm, nil
}

// listSchemas lists the schemas to inspect: those of names that exist,
// or (names empty) all but the system ones, by name.
func listSchemas(ctx context.Context, tx pgx.Tx, names []string) ([]string, error) {
	in := &inspector{ctx: ctx, tx: tx, realm: &schema.Realm{}, schemas: map[uint32]*schema.Schema{}}
	if err := in.readSchemas(names); err != nil {
		return nil, err
	}
	out := make([]string, len(in.realm.Schemas))
	for i, s := range in.realm.Schemas {
		out[i] = s.Name
	}
	return out, nil
}

// inspectSchema reads one schema with search_path set to path.
func inspectSchema(ctx context.Context, tx pgx.Tx, name, path string) (*schema.Realm, error) {
	in := &inspector{ctx: ctx, tx: tx, realm: &schema.Realm{},
		schemas: map[uint32]*schema.Schema{}, rels: map[uint32]*relation{}, seqs: map[uint32]*sequence{}}
	steps := []func() error{
		func() error {
			return in.tx.QueryRow(ctx, "SELECT current_setting('server_version_num')::int, set_config('search_path', $1, true)", path).Scan(&in.version, new(string))
		},
		func() error { return in.readSchemas([]string{name}) },
		in.readTypes, in.readRelations, in.readColumns, in.readSequences, in.readConstraints, in.readIndexes,
		in.readTriggers, in.readPolicies, in.readEnums, in.readDomains, in.readRoutines, in.readExtensions,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	in.finish()
	return in.realm, nil
}

// inspector holds what has been read so far.
type inspector struct {
	ctx     context.Context
	tx      pgx.Tx
	version int // server_version_num: 150004 for 15.4
	realm   *schema.Realm
	schemas map[uint32]*schema.Schema // by namespace oid
	types   map[uint32]typeInfo       // user types, by oid
	rels    map[uint32]*relation      // tables, views, composite types, by pg_class oid
	seqs    map[uint32]*sequence      // by pg_class oid
	// indexCons are the constraints behind indexes, by index oid.
	indexCons map[uint32]*indexConstraint
	// public is the public schema, when inspected.
	public *schema.Schema
}

// relation is a table, view or composite type being read.
type relation struct {
	oid     uint32
	kind    string // pg_class.relkind
	schema  *schema.Schema
	table   *schema.Table
	view    *schema.View
	comp    *schema.Composite
	columns map[int16]*column // by attnum
	// partAttrs are the column numbers of a partition key (0: an
	// expression).
	partAttrs []int16
}

// name is the relation's name.
func (r *relation) name() string {
	switch {
	case r.table != nil:
		return r.table.Name
	case r.view != nil:
		return r.view.Name
	}
	return r.comp.Name
}

// colNames names the columns numbered nums; 0 (an expression) is "".
func (r *relation) colNames(nums []int16) []string {
	out := make([]string, len(nums))
	for i, n := range nums {
		if c := r.columns[n]; c != nil {
			out[i] = c.Name
		}
	}
	return out
}

// column is a column with what reading it needs later.
type column struct {
	*schema.Column
	typeOID uint32
	dflt    string // the default as deparsed, before serial detection
}

// oids lists the oids of the relations whose kind is one of kinds.
func (in *inspector) oids(kinds string) []uint32 {
	var out []uint32
	for oid, r := range in.rels {
		if strings.Contains(kinds, r.kind) {
			out = append(out, oid)
		}
	}
	slices.Sort(out)
	return out
}

// schemaOIDs lists the oids of the inspected schemas.
func (in *inspector) schemaOIDs() []uint32 {
	out := make([]uint32, 0, len(in.schemas))
	for oid := range in.schemas {
		out = append(out, oid)
	}
	slices.Sort(out)
	return out
}

// notExtension is a condition leaving out objects of an extension; the
// object is the row of catalog class (pg_class, pg_proc, pg_type) whose
// oid is col.
func notExtension(class, col string) string {
	return fmt.Sprintf("NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')", class, col)
}

// query runs sql and calls row for each row, with the scan targets it
// returns filled in.
func (in *inspector) query(sql string, row func(scan func(dest ...any) error) error, args ...any) error {
	rows, err := in.tx.Query(in.ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (in *inspector) readSchemas(names []string) error {
	if names == nil {
		names = []string{}
	}
	return in.query(`
SELECT n.oid, n.nspname, coalesce(obj_description(n.oid, 'pg_namespace'), '')
  FROM pg_namespace n
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND `+notExtension("pg_namespace", "n.oid")+`
   AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[]))
 ORDER BY n.nspname`, func(scan func(...any) error) error {
		var oid uint32
		s := &schema.Schema{}
		if err := scan(&oid, &s.Name, &s.Comment); err != nil {
			return err
		}
		if s.Name == "public" {
			in.public = s
			if s.Comment == schema.DefaultPublicComment {
				s.Comment = "" // PostgreSQL's own
			}
		}
		in.schemas[oid] = s
		in.realm.Schemas = append(in.realm.Schemas, s)
		return nil
	}, names)
}

func (in *inspector) readExtensions() error {
	return in.query(`
SELECT x.extname, x.extnamespace, x.extversion, coalesce(obj_description(x.oid, 'pg_extension'), ''),
       coalesce((SELECT a.comment FROM pg_available_extensions a WHERE a.name = x.extname), '')
  FROM pg_extension x
 WHERE x.extname <> 'plpgsql' AND x.extnamespace = ANY($1::oid[])
 ORDER BY x.extname`, func(scan func(...any) error) error {
		var ns uint32
		var own string
		e := &schema.Extension{}
		if err := scan(&e.Name, &ns, &e.Version, &e.Comment, &own); err != nil {
			return err
		}
		if e.Comment == own {
			e.Comment = "" // the extension's own description
		}
		e.Schema = in.schemas[ns].Name
		in.realm.Extensions = append(in.realm.Extensions, e)
		return nil
	}, in.schemaOIDs())
}

// finish leaves out an empty public (Inspect normalises the whole realm).
func (in *inspector) finish() {
	if p := in.public; p != nil && p.Comment == "" && len(p.Objects()) == 0 &&
		!slices.ContainsFunc(in.realm.Extensions, func(e *schema.Extension) bool { return e.Schema == "public" }) {
		in.realm.Schemas = slices.DeleteFunc(in.realm.Schemas, func(s *schema.Schema) bool { return s == p })
	}
}

// quoteIdent quotes an identifier for SQL.
func quoteIdent(s string) string { return pgx.Identifier{s}.Sanitize() }
