package inspect

import (
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// typeInfo is a type outside pg_catalog: its schema, name, and the kind
// of user type it is for the model ("" when none: a base or range type
// of an extension, an array, a view's row type).
type typeInfo struct {
	schema, name string
	kind         string
	elem         uint32 // the element type of an array type
}

// readTypes reads every type outside pg_catalog and information_schema,
// in any schema, so that columns of types from other schemas resolve.
func (in *inspector) readTypes() error {
	in.types = map[uint32]typeInfo{}
	return in.query(`
SELECT t.oid, n.nspname, t.typname, t.typtype::text, t.typelem, t.typcategory = 'A',
       coalesce(c.relkind::text, '')
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_class c ON c.oid = t.typrelid
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`, func(scan func(...any) error) error {
		var oid, elem uint32
		var ti typeInfo
		var typtype, relkind string
		var array bool
		if err := scan(&oid, &ti.schema, &ti.name, &typtype, &elem, &array, &relkind); err != nil {
			return err
		}
		switch {
		case array:
			ti.elem = elem
		case typtype == "e":
			ti.kind = "enum"
		case typtype == "d":
			ti.kind = "domain"
		case typtype == "c" && relkind == "c":
			ti.kind = "composite"
		case typtype == "c" && (relkind == "r" || relkind == "p"):
			ti.kind = "table"
		}
		in.types[oid] = ti
		return nil
	})
}

// typ converts a type, given by oid and as format_type spells it (with
// its modifiers), as the SQL loader normalises types.
func (in *inspector) typ(oid uint32, formatted string) schema.Type {
	if ti, ok := in.types[oid]; ok {
		array := 0
		if ti.elem != 0 {
			ti, array = in.types[ti.elem], 1
		}
		if ti.kind != "" {
			return schema.Type{UserKind: ti.kind, UserSchema: ti.schema, Name: ti.name, Array: array}
		}
	}
	base, arrays := formatted, 0
	for strings.HasSuffix(base, "[]") {
		base, arrays = strings.TrimSuffix(base, "[]"), 1
	}
	if base == `"char"` {
		return schema.Type{Name: base, Array: arrays}
	}
	if t, ok := schema.ParseSQLType(formatted); ok {
		return t
	}
	return schema.Type{Raw: formatted}
}

func (in *inspector) readEnums() error {
	return in.query(`
SELECT t.typnamespace, t.typname,
       array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
       coalesce(obj_description(t.oid, 'pg_type'), '')
  FROM pg_type t
 WHERE t.typtype = 'e' AND t.typnamespace = ANY($1::oid[]) AND `+notExtension("pg_type", "t.oid")+`
 ORDER BY t.typname`, func(scan func(...any) error) error {
		var ns uint32
		e := &schema.Enum{}
		if err := scan(&ns, &e.Name, &e.Values, &e.Comment); err != nil {
			return err
		}
		e.Schema = in.schemas[ns]
		e.Schema.Enums = append(e.Schema.Enums, e)
		return nil
	}, in.schemaOIDs())
}

func (in *inspector) readDomains() error {
	domains := map[uint32]*schema.Domain{}
	err := in.query(`
SELECT t.oid, t.typnamespace, t.typname, t.typbasetype, format_type(t.typbasetype, t.typtypmod), t.typnotnull,
       coalesce(pg_get_expr(t.typdefaultbin, 0, true), ''), coalesce(obj_description(t.oid, 'pg_type'), '')
  FROM pg_type t
 WHERE t.typtype = 'd' AND t.typnamespace = ANY($1::oid[]) AND `+notExtension("pg_type", "t.oid")+`
 ORDER BY t.typname`, func(scan func(...any) error) error {
		var oid, ns, base uint32
		var formatted, dflt string
		var notNull bool
		d := &schema.Domain{}
		if err := scan(&oid, &ns, &d.Name, &base, &formatted, &notNull, &dflt, &d.Comment); err != nil {
			return err
		}
		d.Schema, d.Type, d.Null = in.schemas[ns], in.typ(base, formatted), !notNull
		d.Default = defaultExpr(dflt, d.Type)
		d.Schema.Domains = append(d.Schema.Domains, d)
		domains[oid] = d
		return nil
	}, in.schemaOIDs())
	if err != nil || len(domains) == 0 {
		return err
	}
	oids := make([]uint32, 0, len(domains))
	for oid := range domains {
		oids = append(oids, oid)
	}
	return in.query(`
SELECT c.contypid, c.conname, pg_get_expr(c.conbin, 0, true), coalesce(obj_description(c.oid, 'pg_constraint'), '')
  FROM pg_constraint c
 WHERE c.contypid = ANY($1::oid[]) AND c.contype = 'c'
 ORDER BY c.conname`, func(scan func(...any) error) error {
		var oid uint32
		ck := &schema.Check{}
		if err := scan(&oid, &ck.Name, &ck.Expr, &ck.Comment); err != nil {
			return err
		}
		ck.Expr = stripParens(ck.Expr)
		domains[oid].Checks = append(domains[oid].Checks, ck)
		return nil
	}, oids)
}

// defaultExpr reads a default as deparsed ("" for none) for a value of
// type t.
func defaultExpr(text string, t schema.Type) *schema.Expr {
	if text == "" {
		return nil
	}
	return schema.NormalizeDefault(&schema.Expr{Kind: schema.ExprSQL, Value: text}, t)
}
