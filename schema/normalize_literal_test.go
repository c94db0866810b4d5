package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCanonicalLiteral checks string literals against what PostgreSQL
// (15, DateStyle ISO, IntervalStyle postgres) printed for 'v'::type::text;
// "" expects the literal left as written.
func TestCanonicalLiteral(t *testing.T) {
	for typ, cases := range map[string][][2]string{
		"boolean": {
			{"yes", "true"}, {" T ", "true"}, {"tru", "true"}, {"ON", "true"}, {"Ye", "true"}, {"1", "true"},
			{"of", "false"}, {"0", "false"}, {"n", "false"}, {"FALSE", "false"}, {"\tno\n", "false"},
			// Errors in PostgreSQL.
			{"o", ""}, {"", ""}, {"yess", ""}, {"01", ""}, {"onn", ""},
		},
		"date": {
			{"2020-1-2", "2020-01-02"}, {" 2020-12-31 ", "2020-12-31"}, {"0099-01-01", "0099-01-01"},
			{"2020-02-29", "2020-02-29"},
			{"2019-02-29", ""}, {"1/2/2020", ""}, {"today", ""}, {"infinity", ""}, {"20-1-2", ""},
		},
		"timestamp": {
			{"2020-01-01", "2020-01-01 00:00:00"}, {"2020-1-1 1:02:03", "2020-01-01 01:02:03"},
			{"2020-01-01T10:00", "2020-01-01 10:00:00"}, {"2020-01-01 10:00:00.500", "2020-01-01 10:00:00.5"},
			{"2020-01-01 10:00:00.000", "2020-01-01 10:00:00"}, {"2020-01-01  10:00", "2020-01-01 10:00:00"},
			{"2020-01-01 24:00", ""}, {"2020-01-01 10:00:00.1234567", ""}, {"now", ""},
		},
		"time": {
			{"1:02", "01:02:00"}, {"10:00:00.25", "10:00:00.25"}, {"24:00", "24:00:00"}, {"23:59:59.999999", "23:59:59.999999"},
			{"1:60", ""}, {"24:00:01", ""}, {"allballs", ""},
		},
		"interval": {
			{"2 hours", "02:00:00"}, {"1 day 02:00:00", "1 day 02:00:00"}, {"-1 days", "-1 days"},
			{"13 months", "1 year 1 mon"}, {"1 week 2 days", "9 days"}, {"1 w", "7 days"}, {"5 m", "00:05:00"},
			{"5 secs", "00:00:05"}, {"90 minutes", "01:30:00"}, {"25 hours", "25:00:00"}, {"1 yr", "1 year"},
			{"2 yrs", "2 years"}, {"1 mons", "1 mon"}, {"3 DAYS", "3 days"}, {"+1 day", "1 day"}, {"0 days", "00:00:00"},
			{"1 hour -30 minutes", "00:30:00"}, {"-1 hour 30 minutes", "-00:30:00"},
			{"-1 year 2 mons", "-10 mons"}, {"1 year -12 mons", "00:00:00"}, {"-1 years -2 mons", "-1 years -2 mons"},
			{"-1 days 2 hours", "-1 days +02:00:00"}, {"1 day -2 hours", "1 day -02:00:00"},
			{"1 mon -1 day", "1 mon -1 days"}, {"-1 mon +1 day", "-1 mons +1 day"},
			{"1:30", "01:30:00"}, {"-1:30", "-01:30:00"}, {"01:30:15.5", "01:30:15.5"}, {"100:00:00", "100:00:00"},
			{"1 day +02:00", "1 day 02:00:00"}, {"0.5 seconds", "00:00:00.5"}, {"-0.5 seconds", "-00:00:00.5"},
			{"1 year 1 day -1 hour", "1 year 1 day -01:00:00"}, {"-1 mons -1 days -01:00:00", "-1 mons -1 days -01:00:00"},
			{"10 years 3 mons 2 days 04:05:06", "10 years 3 mons 2 days 04:05:06"},
			// Errors, forms not read, and fields given twice.
			{"1 day 1 day", ""}, {"1 hour 1:00", ""}, {"1 hour 5", ""}, {"5", ""}, {"1.5 hours", ""},
			{"1 day ago", ""}, {"@ 1 day", ""}, {"P1D", ""}, {"1 decade", ""}, {"1day", ""}, {"", ""},
			{"2147483647 days", ""}, {"1:30:60", ""},
		},
		"interval(0)": {{"2 hours", "02:00:00"}, {"0.5 seconds", ""}},
		"jsonb": {
			{"{}", "{}"}, {" [ ] ", "[]"}, {`{"b": 1, "a":[1,2, "x"]}`, `{"a": [1, 2, "x"], "b": 1}`},
			{`{"aa":1,"b":2}`, `{"b": 2, "aa": 1}`}, {`{"a":1,"a":2}`, `{"a": 2}`}, {"1.50", "1.50"},
			{"-0", "0"}, {"-0.00", "0.00"}, {"-0.5", "-0.5"}, {`"ünï"`, `"ünï"`}, {"[true,false,null]", "[true, false, null]"},
			{`{"Z":1,"a":2,"B":3}`, `{"B": 3, "Z": 1, "a": 2}`}, {`{"é":1,"z":2}`, `{"z": 2, "é": 1}`},
			// Exponents and escapes are left alone.
			{"1e2", ""}, {`"a\u0041"`, ""}, {`{"a":1`, ""}, {"01", ""}, {"truex", ""}, {"[1,]", ""},
		},
		"json":                     {{" { } ", ""}},
		"timestamp with time zone": {{"2020-01-01", ""}},
	} {
		ty, ok := ParseSQLType(typ)
		assert.True(t, ok, typ)
		for _, c := range cases {
			got, _, ok := canonicalLiteral(c[0], ty)
			if c[1] == "" {
				assert.False(t, ok, "%s %q gives %q", typ, c[0], got)
				continue
			}
			if assert.True(t, ok, "%s %q", typ, c[0]) {
				assert.Equal(t, c[1], got, "%s %q", typ, c[0])
				again, _, _ := canonicalLiteral(got, ty)
				assert.Equal(t, got, again, "%s %q printed is read back the same", typ, c[0])
			}
		}
	}
}

// TestNormalizeDefaultTyped: the loader's literal and the catalog's
// deparsed default (pg_get_expr on PostgreSQL 15) normalise alike.
func TestNormalizeDefaultTyped(t *testing.T) {
	str := func(v string) *Expr { return &Expr{Kind: ExprString, Value: v} }
	sql := func(v string) *Expr { return &Expr{Kind: ExprSQL, Value: v} }
	for _, c := range []struct {
		typ             string
		loaded, catalog *Expr
		kind            ExprKind
		want            string
	}{
		{"boolean", str("yes"), sql("true"), ExprBool, "true"},
		{"boolean", sql("'of'::boolean"), sql("false"), ExprBool, "false"},
		{"interval", str("2 hours"), sql("'02:00:00'::interval"), ExprString, "02:00:00"},
		{"interval(0)", str("1 hour"), sql("'01:00:00'::interval(0)"), ExprString, "01:00:00"},
		{"date", str("2020-1-2"), sql("'2020-01-02'::date"), ExprString, "2020-01-02"},
		{"timestamp", str("2020-01-01"), sql("'2020-01-01 00:00:00'::timestamp without time zone"), ExprString, "2020-01-01 00:00:00"},
		{"time(0)", str("10:00:00.5"), sql("'10:00:00.5'::time without time zone"), ExprString, "10:00:00.5"},
		{"jsonb", str("{}"), sql("'{}'::jsonb"), ExprString, "{}"},
		{"jsonb", sql(`'{"b":1,"a":2}'::jsonb`), sql(`'{"a": 2, "b": 1}'::jsonb`), ExprString, `{"a": 2, "b": 1}`},
		{"numeric(10,2)", str("1.50"), sql("1.50"), ExprNumber, "1.5"},
		{"bigint", str(" 5 "), sql("'5'::bigint"), ExprNumber, "5"},
		{"numeric", str("1e2"), sql("'100'::numeric"), ExprNumber, "100"},
		{"character(3)", str("ab"), sql("'ab'::bpchar"), ExprString, "ab"},
		// Typed literals, type 'literal'.
		{"interval", sql("interval '2 hours'"), sql("'02:00:00'::interval"), ExprString, "02:00:00"},
		{"date", sql("DATE '2020-1-2'"), sql("'2020-01-02'::date"), ExprString, "2020-01-02"},
		{"timestamp", sql("timestamp without time zone '2020-01-01'"), sql("'2020-01-01 00:00:00'::timestamp without time zone"), ExprString, "2020-01-01 00:00:00"},
		{"boolean", sql("bool 'y'"), sql("true"), ExprBool, "true"},
		{"jsonb", sql(`jsonb '{"b":1,"a":2}'`), sql(`'{"a": 2, "b": 1}'::jsonb`), ExprString, `{"a": 2, "b": 1}`},
		{"numeric", sql("numeric '1.50'"), sql("1.50"), ExprNumber, "1.5"},
	} {
		ty, ok := ParseSQLType(c.typ)
		assert.True(t, ok, c.typ)
		for _, e := range []*Expr{c.loaded, c.catalog} {
			got := NormalizeDefault(e, ty)
			assert.Equal(t, c.kind, got.Kind, "%s %s", c.typ, e.Value)
			assert.Equal(t, c.want, got.Value, "%s %s", c.typ, e.Value)
			assert.Equal(t, got, NormalizeDefault(got, ty), "idempotent")
		}
	}
	mood := Type{UserKind: "enum", UserSchema: "public", Name: "mood"}
	assert.Equal(t, &Expr{Kind: ExprString, Value: "a"}, NormalizeDefault(sql("mood 'a'"), mood))
	text, _ := ParseSQLType("text")
	for _, v := range []string{"lower('A')", "E'a'", "'a' || 'b'", "x 'a'", "interval '1' day"} {
		assert.Equal(t, sql(v), NormalizeDefault(sql(v), text), v)
	}
	// Left as written: the session's time zone decides.
	tz, _ := ParseSQLType("timestamptz")
	assert.Equal(t, "2020-01-01", NormalizeDefault(str("2020-01-01"), tz).Value)
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"t": true, " YES ": true, "on": true, "1": true, "of": false, "No": false, "fals": false, "0": false} {
		v, ok := ParseBool(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, v, in)
	}
	for _, in := range []string{"", "o", "2", "truee", "maybe"} {
		_, ok := ParseBool(in)
		assert.False(t, ok, in)
	}
}
