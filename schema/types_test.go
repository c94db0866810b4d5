package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"int": "integer", "INT4": "integer", "integer": "integer", "varchar": "character varying",
		"character_varying": "character varying", "Character  Varying": "character varying",
		"double_precision": "double precision", "timestamptz": "timestamp with time zone", "bool": "boolean",
	} {
		got, ok := Canonical(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	_, ok := Canonical("strng")
	assert.False(t, ok)
}

func TestParseSQLType(t *testing.T) {
	for in, want := range map[string]string{
		"int[]":                       "integer[]",
		"varchar(255)[]":              "character varying(255)[]",
		"int ARRAY":                   "integer[]",
		"point[4][4]":                 "point[]",
		"timestamp(3) with time zone": "timestamp(3) with time zone",
		"numeric(10, 2)":              "numeric(10,2)",
		"double precision":            "double precision",
		"float(10)":                   "real",
		"character varying":           "character varying",
		" time without time zone ":    "time without time zone",
		"char":                        "character(1)",
		"bit":                         "bit(1)",
		"bit varying":                 "bit varying",
	} {
		ty, ok := ParseSQLType(in)
		require.True(t, ok, in)
		assert.Equal(t, want, ty.String(), in)
	}
	for _, in := range []string{"geometry(Point, 4326)", "int(", "text(5)", "unknown_type"} {
		_, ok := ParseSQLType(in)
		assert.False(t, ok, in)
	}
}

func TestTypeEqualAndCategory(t *testing.T) {
	a, _ := BuiltinType("int4")
	b, _ := BuiltinType("integer")
	assert.True(t, a.Equal(b))
	assert.Equal(t, CatNumeric, CategoryOf(a))
	v, err := BuiltinType("varchar", 10)
	require.NoError(t, err)
	assert.Equal(t, CatString, CategoryOf(v))
	_, err = BuiltinType("text", 5)
	assert.Error(t, err)
	assert.Equal(t, `"Users"`, quoteIdent("Users"))
	assert.Equal(t, `"user"`, quoteIdent("user"))
	assert.Equal(t, `users`, quoteIdent("users"))
	assert.Equal(t, `_a$1`, quoteIdent("_a$1"))
	assert.Equal(t, `"1a"`, quoteIdent("1a"))
	assert.Equal(t, `"$a"`, quoteIdent("$a"))
	assert.Equal(t, `"a-b"`, quoteIdent("a-b"))
	assert.Equal(t, `""`, quoteIdent(""))
	assert.Equal(t, `"é"`, quoteIdent("é"))
}
