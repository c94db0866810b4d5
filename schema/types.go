package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Type is a column, argument or domain type, normalised so that spellings
// PostgreSQL stores identically compare equal: int, int4 and integer all
// have Name "integer".
type Type struct {
	Name  string // canonical PostgreSQL name, lower case: "integer", "character varying"
	Args  []int  // type modifiers: varchar(255) → [255], numeric(10,2) → [10 2]
	Array int    // 1 for an array: PostgreSQL keeps no count of dimensions (int[][] is int[])
	// User-defined types (enum, domain, composite) name their object.
	UserKind   string // "enum", "domain", "composite"; "" for built-in types
	UserSchema string
	// Raw is the SQL text of a type this package does not know, kept as
	// written (extension types, sql("…") it cannot read).
	Raw string
}

// String spells the type in SQL.
func (t Type) String() string {
	var s string
	switch {
	case t.UserKind != "" && t.UserSchema != "":
		s = quoteIdent(t.UserSchema) + "." + quoteIdent(t.Name)
	case t.UserKind != "":
		s = quoteIdent(t.Name)
	case t.Raw != "":
		return t.Raw
	default:
		s = t.Name
		if len(t.Args) > 0 {
			args := make([]string, len(t.Args))
			for i, a := range t.Args {
				args[i] = strconv.Itoa(a)
			}
			mod := "(" + strings.Join(args, ",") + ")"
			// time/timestamp put the precision before "with time zone".
			if base, zone, ok := strings.Cut(s, " with"); ok {
				s = base + mod + " with" + zone
			} else {
				s += mod
			}
		}
	}
	return s + strings.Repeat("[]", t.Array)
}

// Equal reports whether two types are the same for PostgreSQL.
func (t Type) Equal(u Type) bool {
	return t.String() == u.String()
}

// Category is a PostgreSQL type category (pg_type.typcategory, simplified).
type Category string

// Categories.
const (
	CatNumeric  Category = "numeric"
	CatString   Category = "string"
	CatBool     Category = "boolean"
	CatDateTime Category = "datetime"
	CatTimespan Category = "timespan"
	CatBinary   Category = "binary"
	CatNetwork  Category = "network"
	CatGeometry Category = "geometric"
	CatRange    Category = "range"
	CatOther    Category = "other"
	CatUnknown  Category = "" // user-defined or unknown
)

// builtin describes a built-in type: its category and how many modifiers
// it takes.
type builtin struct {
	cat     Category
	maxArgs int
}

// builtins are PostgreSQL's built-in types by canonical name.
var builtins = map[string]builtin{
	"smallint": {CatNumeric, 0}, "integer": {CatNumeric, 0}, "bigint": {CatNumeric, 0},
	"smallserial": {CatNumeric, 0}, "serial": {CatNumeric, 0}, "bigserial": {CatNumeric, 0},
	"numeric": {CatNumeric, 2}, "real": {CatNumeric, 0}, "double precision": {CatNumeric, 0},
	"money": {CatNumeric, 0}, "oid": {CatNumeric, 0},
	"text": {CatString, 0}, "character varying": {CatString, 1}, "character": {CatString, 1},
	"name": {CatString, 0}, "citext": {CatString, 0},
	"boolean": {CatBool, 0},
	"date":    {CatDateTime, 0}, "time without time zone": {CatDateTime, 1}, "time with time zone": {CatDateTime, 1},
	"timestamp without time zone": {CatDateTime, 1}, "timestamp with time zone": {CatDateTime, 1},
	"interval": {CatTimespan, 1},
	"bytea":    {CatBinary, 0}, "bit": {CatOther, 1}, "bit varying": {CatOther, 1},
	"inet": {CatNetwork, 0}, "cidr": {CatNetwork, 0}, "macaddr": {CatOther, 0}, "macaddr8": {CatOther, 0},
	"point": {CatGeometry, 0}, "line": {CatGeometry, 0}, "lseg": {CatGeometry, 0}, "box": {CatGeometry, 0},
	"path": {CatGeometry, 0}, "polygon": {CatGeometry, 0}, "circle": {CatGeometry, 0},
	"int4range": {CatRange, 0}, "int8range": {CatRange, 0}, "numrange": {CatRange, 0},
	"tsrange": {CatRange, 0}, "tstzrange": {CatRange, 0}, "daterange": {CatRange, 0},
	"int4multirange": {CatRange, 0}, "int8multirange": {CatRange, 0}, "nummultirange": {CatRange, 0},
	"tsmultirange": {CatRange, 0}, "tstzmultirange": {CatRange, 0}, "datemultirange": {CatRange, 0},
	"uuid": {CatOther, 0}, "json": {CatOther, 0}, "jsonb": {CatOther, 0}, "jsonpath": {CatOther, 0},
	"xml": {CatOther, 0}, "tsvector": {CatOther, 0}, "tsquery": {CatOther, 0},
	"pg_lsn": {CatOther, 0}, "pg_snapshot": {CatOther, 0}, "txid_snapshot": {CatOther, 0},
	"regclass": {CatOther, 0}, "regtype": {CatOther, 0}, "regproc": {CatOther, 0}, "regprocedure": {CatOther, 0},
	"regoper": {CatOther, 0}, "regnamespace": {CatOther, 0}, "regrole": {CatOther, 0},
	"trigger": {CatOther, 0}, "void": {CatOther, 0}, "record": {CatOther, 0}, "event_trigger": {CatOther, 0},
	"anyelement": {CatOther, 0}, "anyarray": {CatOther, 0}, "anynonarray": {CatOther, 0}, "anyenum": {CatOther, 0},
	"anyrange": {CatOther, 0}, "anymultirange": {CatOther, 0}, "anycompatible": {CatOther, 0},
	"anycompatiblearray": {CatOther, 0}, "cstring": {CatOther, 0}, "internal": {CatOther, 0}, "\"char\"": {CatString, 0},
}

// aliases map other spellings (SQL and Atlas HCL, which writes spaces as
// underscores) to canonical names.
var aliases = map[string]string{
	"int": "integer", "int4": "integer", "int2": "smallint", "int8": "bigint",
	"serial4": "serial", "serial2": "smallserial", "serial8": "bigserial",
	"decimal": "numeric", "float4": "real", "float8": "double precision", "double_precision": "double precision",
	"varchar": "character varying", "character_varying": "character varying", "char": "character", "bpchar": "character",
	"bool": "boolean",
	"time": "time without time zone", "time_without_time_zone": "time without time zone",
	"timetz": "time with time zone", "time_with_time_zone": "time with time zone",
	"timestamp": "timestamp without time zone", "timestamp_without_time_zone": "timestamp without time zone",
	"timestamptz": "timestamp with time zone", "timestamp_with_time_zone": "timestamp with time zone",
	"varbit": "bit varying", "bit_varying": "bit varying",
}

// Canonical returns the canonical name of a type word or SQL type name
// (case-insensitive), and whether it is a built-in type.
func Canonical(name string) (string, bool) {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if c, ok := aliases[n]; ok {
		n = c
	}
	if c, ok := aliases[strings.ReplaceAll(n, " ", "_")]; ok {
		n = c
	}
	_, ok := builtins[n]
	return n, ok
}

// CategoryOf returns the category of a type (CatUnknown for user-defined
// and unknown types).
func CategoryOf(t Type) Category {
	if t.Array > 0 {
		return "array"
	}
	if t.UserKind != "" || t.Raw != "" {
		return CatUnknown
	}
	return builtins[t.Name].cat
}

// BuiltinType makes a built-in type from a name (any spelling) and
// modifiers. float(p) becomes real or double precision, and character and
// bit without a length have length 1, as PostgreSQL does.
func BuiltinType(name string, args ...int) (Type, error) {
	c, ok := Canonical(name)
	if !ok && c == "float" {
		if len(args) == 1 && args[0] >= 1 && args[0] <= 24 {
			return Type{Name: "real"}, nil
		}
		if len(args) == 0 || len(args) == 1 && args[0] >= 25 && args[0] <= 53 {
			return Type{Name: "double precision"}, nil
		}
		return Type{}, fmt.Errorf("float precision must be between 1 and 53")
	}
	if !ok {
		return Type{}, fmt.Errorf("unknown PostgreSQL type %q", name)
	}
	if max := builtins[c].maxArgs; len(args) > max {
		if max == 0 {
			return Type{}, fmt.Errorf("type %s takes no modifiers", c)
		}
		return Type{}, fmt.Errorf("type %s takes at most %d modifier(s)", c, max)
	}
	if (c == "character" || c == "bit") && len(args) == 0 {
		args = []int{1}
	}
	return Type{Name: c, Args: args}, nil
}

var sqlTypeRe = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_ ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*((?:with|without)\s+time\s+zone)?\s*((?:\[\s*\d*\s*\])*)\s*(?i:(array)(?:\s*\[\s*\d*\s*\])?)?\s*$`)

// ParseSQLType reads a type written in SQL, such as "varchar(255)[]",
// "timestamp(3) with time zone" or "int ARRAY". ok is false for types it
// cannot read or does not know (the caller keeps them as Raw).
func ParseSQLType(s string) (t Type, ok bool) {
	m := sqlTypeRe.FindStringSubmatch(s)
	if m == nil {
		return Type{}, false
	}
	name := m[1]
	if m[4] != "" {
		name += " " + m[4]
	}
	var args []int
	for _, a := range m[2:4] {
		if a != "" {
			n, _ := strconv.Atoi(a)
			args = append(args, n)
		}
	}
	t, err := BuiltinType(name, args...)
	if err != nil {
		return Type{}, false
	}
	if m[5] != "" || m[6] != "" {
		t.Array = 1
	}
	return t, true
}

// plainIdent reports a name SQL reads as itself without quotes (but for
// reserved words): [a-z_][a-z0-9_$]*. A loop, not a regexp: every
// statement the planner writes quotes its names.
func plainIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || i > 0 && (c == '$' || c >= '0' && c <= '9')) {
			return false
		}
	}
	return s != ""
}

// quoteIdent quotes an identifier when PostgreSQL would fold or reject it.
func quoteIdent(s string) string {
	if plainIdent(s) && !reserved[s] {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// reserved are PostgreSQL's reserved key words that cannot be bare
// identifiers.
var reserved = map[string]bool{
	"all": true, "analyse": true, "analyze": true, "and": true, "any": true, "array": true, "as": true, "asc": true,
	"asymmetric": true, "both": true, "case": true, "cast": true, "check": true, "collate": true, "column": true,
	"constraint": true, "create": true, "current_catalog": true, "current_date": true, "current_role": true,
	"current_time": true, "current_timestamp": true, "current_user": true, "default": true, "deferrable": true,
	"desc": true, "distinct": true, "do": true, "else": true, "end": true, "except": true, "false": true,
	"fetch": true, "for": true, "foreign": true, "from": true, "grant": true, "group": true, "having": true,
	"in": true, "initially": true, "intersect": true, "into": true, "lateral": true, "leading": true, "limit": true,
	"localtime": true, "localtimestamp": true, "not": true, "null": true, "offset": true, "on": true, "only": true,
	"or": true, "order": true, "placing": true, "primary": true, "references": true, "returning": true,
	"select": true, "session_user": true, "some": true, "symmetric": true, "system_user": true, "table": true,
	"then": true, "to": true, "trailing": true, "true": true, "union": true, "unique": true, "user": true,
	"using": true, "variadic": true, "when": true, "where": true, "window": true, "with": true,
}
