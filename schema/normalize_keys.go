package schema

import "strings"

// Key parts as PostgreSQL stores them. An index or partition key part
// over a column keeps an operator class and a collation only where they
// differ from the ones the column would get anyway, and pg_get_indexdef
// and pg_get_partkeydef print only those: (c text_ops) on a text column
// is (c), and so is (c COLLATE "C") when c is text COLLATE "C".

// normalizeKeyParts normalises the column parts of an index or a
// partition key on relation columns cols, for index method method
// (upper case, "" for BTREE). Expression parts are left as they are: their
// type and collation are the expression's.
func normalizeKeyParts(parts []*IndexPart, method string, cols []*Column) {
	for _, p := range parts {
		if p.Column == "" || p.Expr != "" {
			continue
		}
		var col *Column
		for _, c := range cols {
			if c.Name == p.Column {
				col = c
			}
		}
		if col == nil {
			continue
		}
		if ops := strings.TrimPrefix(p.Ops, "pg_catalog."); ops != "" && ops == defaultOpclass(method, col.Type) {
			p.Ops = ""
		}
		if p.Collate != "" && p.Collate == columnCollation(col) {
			p.Collate = ""
		}
	}
}

// normalizePartition normalises a partition key's column parts: RANGE
// and LIST keys use btree operator classes, HASH keys hash ones.
func normalizePartition(p *Partition, cols []*Column) {
	method := ""
	if strings.EqualFold(p.Type, "HASH") {
		method = "HASH"
	}
	parts := make([]*IndexPart, len(p.Parts))
	for i := range p.Parts {
		parts[i] = &p.Parts[i]
	}
	normalizeKeyParts(parts, method, cols)
}

// normalizeColumnCollation clears a column's COLLATE that names its
// type's own collation (text COLLATE "default"), which PostgreSQL does
// not tell from no COLLATE.
func normalizeColumnCollation(c *Column) {
	if c.Collate != "" && c.Collate == typeCollation(c.Type) {
		c.Collate = ""
	}
}

// columnCollation is the collation a column has: its COLLATE, else its
// type's; "" when not known (domains, unknown types) or not collatable.
func columnCollation(c *Column) string {
	if c.Collate != "" {
		return c.Collate
	}
	return typeCollation(c.Type)
}

// typeCollation is the collation of a built-in collatable type, or of an
// array of one (pg_type.typcollation): "default" for the string types,
// "C" for name; "" for other types.
func typeCollation(t Type) string {
	if t.UserKind != "" || t.Raw != "" {
		return ""
	}
	switch t.Name {
	case "text", "character varying", "character", "citext":
		return "default"
	case "name":
		return "C"
	}
	return ""
}

// defaultOpclass is the operator class PostgreSQL picks for a column of
// type t in an index of method method when none is given, or "" when
// not known. It follows GetDefaultOpClass: the default class of the
// type itself, else of the one type t is binary-coercible to (varchar →
// text, cidr → inet, any array → anyarray, enum → anyenum, composite →
// record). Domains, whose base type decides, are not resolved.
func defaultOpclass(method string, t Type) string {
	var key string
	switch {
	case t.Raw != "" || t.UserKind == "domain":
		return ""
	case t.Array > 0:
		key = "anyarray"
	case t.UserKind == "enum":
		key = "anyenum"
	case t.UserKind == "composite":
		key = "record"
	default:
		key = t.Name
	}
	if m := strings.ToLower(method); m != "" {
		key = m + " " + key
	}
	return defaultOpclasses[key]
}

// defaultOpclasses maps "method type" (btree without its method) to the
// default operator class: PostgreSQL 15's, read by indexing a column of
// each type without a class, and checked by indexing it with the class,
// which pg_get_indexdef then leaves out (assumed unchanged in 16 and 17).
// citext's are the citext extension's. Serial types are their integers.
var defaultOpclasses = func() map[string]string {
	m := map[string]string{}
	add := func(method string, ops string, types ...string) {
		for _, t := range types {
			if method != "" {
				t = method + " " + t
			}
			m[t] = ops
		}
	}
	// btree and hash share most classes.
	for _, method := range []string{"", "hash"} {
		add(method, "int2_ops", "smallint", "smallserial")
		add(method, "int4_ops", "integer", "serial")
		add(method, "int8_ops", "bigint", "bigserial")
		add(method, "numeric_ops", "numeric")
		add(method, "float4_ops", "real")
		add(method, "float8_ops", "double precision")
		add(method, "oid_ops", "oid", "regclass", "regtype", "regproc", "regprocedure", "regoper", "regnamespace", "regrole")
		add(method, "text_ops", "text", "character varying")
		add(method, "bpchar_ops", "character")
		add(method, "name_ops", "name")
		add(method, "char_ops", `"char"`)
		add(method, "citext_ops", "citext")
		add(method, "bool_ops", "boolean")
		add(method, "date_ops", "date")
		add(method, "time_ops", "time without time zone")
		add(method, "timetz_ops", "time with time zone")
		add(method, "timestamp_ops", "timestamp without time zone")
		add(method, "timestamptz_ops", "timestamp with time zone")
		add(method, "interval_ops", "interval")
		add(method, "bytea_ops", "bytea")
		add(method, "inet_ops", "inet", "cidr")
		add(method, "macaddr_ops", "macaddr")
		add(method, "macaddr8_ops", "macaddr8")
		add(method, "uuid_ops", "uuid")
		add(method, "jsonb_ops", "jsonb")
		add(method, "pg_lsn_ops", "pg_lsn")
		add(method, "range_ops", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange")
		add(method, "multirange_ops", "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange")
		add(method, "array_ops", "anyarray")
		add(method, "enum_ops", "anyenum")
		add(method, "record_ops", "record")
	}
	// btree only.
	add("", "bit_ops", "bit")
	add("", "varbit_ops", "bit varying")
	add("", "money_ops", "money")
	add("", "tsvector_ops", "tsvector")
	add("", "tsquery_ops", "tsquery")
	// The other methods.
	add("gin", "array_ops", "anyarray")
	add("gin", "jsonb_ops", "jsonb")
	add("gin", "tsvector_ops", "tsvector")
	add("gist", "box_ops", "box")
	add("gist", "circle_ops", "circle")
	add("gist", "point_ops", "point")
	add("gist", "poly_ops", "polygon")
	add("gist", "tsvector_ops", "tsvector")
	add("gist", "tsquery_ops", "tsquery")
	add("gist", "range_ops", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange")
	add("gist", "multirange_ops", "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange")
	add("spgist", "box_ops", "box")
	add("spgist", "quad_point_ops", "point")
	add("spgist", "poly_ops", "polygon")
	add("spgist", "text_ops", "text", "character varying")
	add("spgist", "inet_ops", "inet", "cidr")
	add("spgist", "range_ops", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange")
	brin := map[string]string{
		"smallint": "int2_minmax_ops", "integer": "int4_minmax_ops", "bigint": "int8_minmax_ops",
		"smallserial": "int2_minmax_ops", "serial": "int4_minmax_ops", "bigserial": "int8_minmax_ops",
		"numeric": "numeric_minmax_ops", "real": "float4_minmax_ops", "double precision": "float8_minmax_ops",
		"oid": "oid_minmax_ops", "regclass": "oid_minmax_ops", "regtype": "oid_minmax_ops",
		"text": "text_minmax_ops", "character varying": "text_minmax_ops", "character": "bpchar_minmax_ops",
		"name": "name_minmax_ops", `"char"`: "char_minmax_ops", "bytea": "bytea_minmax_ops",
		"date": "date_minmax_ops", "time without time zone": "time_minmax_ops", "time with time zone": "timetz_minmax_ops",
		"timestamp without time zone": "timestamp_minmax_ops", "timestamp with time zone": "timestamptz_minmax_ops",
		"interval": "interval_minmax_ops", "bit": "bit_minmax_ops", "bit varying": "varbit_minmax_ops",
		"inet": "inet_inclusion_ops", "cidr": "inet_inclusion_ops", "macaddr": "macaddr_minmax_ops",
		"macaddr8": "macaddr8_minmax_ops", "uuid": "uuid_minmax_ops", "pg_lsn": "pg_lsn_minmax_ops", "box": "box_inclusion_ops",
		"int4range": "range_inclusion_ops", "int8range": "range_inclusion_ops", "numrange": "range_inclusion_ops",
		"tsrange": "range_inclusion_ops", "tstzrange": "range_inclusion_ops", "daterange": "range_inclusion_ops",
	}
	for t, ops := range brin {
		add("brin", ops, t)
	}
	return m
}()
