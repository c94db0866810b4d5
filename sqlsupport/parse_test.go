package sqlsupport

import (
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func splitTexts(text string) []string {
	var out []string
	for _, r := range Split(text) {
		out = append(out, text[r.Start:r.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"select 1; select 2;", []string{"select 1;", "select 2;"}},
		{"  select 1  ", []string{"select 1"}},
		{"-- only a comment\n/* and ; another */", nil},
		{"select ';'; select \"a;b\" from t;", []string{"select ';';", "select \"a;b\" from t;"}},
		{"select E'\\';'; select 2", []string{"select E'\\';';", "select 2"}},
		{"select 'it''s;'; x", []string{"select 'it''s;';", "x"}},
		{"create function f() returns int as $$ select 1; $$ language sql; select 2;",
			[]string{"create function f() returns int as $$ select 1; $$ language sql;", "select 2;"}},
		{"create function f() returns int as $body$ begin return 1; end; $body$ language plpgsql;",
			[]string{"create function f() returns int as $body$ begin return 1; end; $body$ language plpgsql;"}},
		{"create function f(a int) returns int language sql begin atomic select a; select case when a > 0 then 1 end; end; select 3;",
			[]string{"create function f(a int) returns int language sql begin atomic select a; select case when a > 0 then 1 end; end;", "select 3;"}},
		{"select $1; /* a /* nested ; */ comment */ select 2", []string{"select $1;", "select 2"}},
		{"select 1;;select 2", []string{"select 1;", "select 2"}},
		{"select 'unclosed; select 2", []string{"select 'unclosed; select 2"}},
	} {
		assert.Equal(t, tc.want, splitTexts(tc.text), tc.text)
	}
}

func TestParseErrorsPerStatement(t *testing.T) {
	text := "select 1;\nselec 2;\ncreate table t (a int,);\nselect (\n"
	p := Parse(text)
	require.Len(t, p.Stmts, 4)
	assert.NotNil(t, p.Stmts[0].Node)
	errs := p.Errors()
	require.Len(t, errs, 3, "each broken statement has its own error")
	assert.Equal(t, "selec", text[errs[0].Range.Start:errs[0].Range.End])
	assert.Equal(t, `syntax error at or near "selec"`, errs[0].Message)
	assert.Equal(t, ")", text[errs[1].Range.Start:errs[1].Range.End])
	assert.Equal(t, "(", text[errs[2].Range.Start:errs[2].Range.End], "an error at the end of input marks the last token")
	assert.Equal(t, "syntax error at end of input", errs[2].Message)
	assert.Same(t, p, Parse(text), "parsed once per text")
}

func TestParseCursorCountsCharacters(t *testing.T) {
	text := "select 'é', 'ü' frm t"
	errs := Parse(text).Errors()
	require.Len(t, errs, 1)
	assert.Equal(t, "t", text[errs[0].Range.Start:errs[0].Range.End], "pg_query's cursor is in characters, not bytes")
}

func TestPlpgsqlErrorInsideBody(t *testing.T) {
	text := "create function f() returns int language plpgsql as $$\nbegin\n  if true then\n    return 1;\n  end;\nend;\n$$;"
	errs := Parse(text).Errors()
	require.Len(t, errs, 1)
	got := text[errs[0].Range.Start:errs[0].Range.End]
	assert.Equal(t, ";", got)
	assert.Contains(t, errs[0].Message, "syntax error")
	line := strings.Count(text[:errs[0].Range.Start], "\n") + 1
	assert.Equal(t, 5, line, "placed on the line PL/pgSQL names, inside the body")

	text = "create function g() returns int language plpgsql as $$\nbegin\n  x := 1;\n  return 1;\nend;\n$$;"
	errs = Parse(text).Errors()
	require.Len(t, errs, 1)
	assert.Equal(t, "x", text[errs[0].Range.Start:errs[0].Range.End])
	assert.Equal(t, `"x" is not a known variable`, errs[0].Message)

	assert.Empty(t, Parse("create function h(a int) returns int language plpgsql as $$ begin return a + 1; end $$;").Errors())
	assert.Empty(t, Parse("create function h() returns trigger language plpgsql as $$ begin new.x := 1; return new; end $$;").Errors())
}

func TestPlpgsqlErrorPlacement(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"\nbegin\n  return 1;\n  y := 1;\nend;\n", "y"},
		{"\nbegin\n  select 1 frm t;\n  return 1;\nend;\n", "t"},
		{"\nbegin\n\n\n  retrun 1;\nend;\n", "retrun"},
		{"begin\n  if true then\n    return 1;\n  end;\nend;\n", ";"},
	} {
		text := "create function f() returns int language plpgsql as $$" + tc.body + "$$;"
		errs := Parse(text).Errors()
		require.Len(t, errs, 1, tc.body)
		r := errs[0].Range
		assert.Equal(t, tc.want, text[r.Start:r.End], tc.body)
		if tc.want == ";" {
			assert.Equal(t, "  end;", text[strings.LastIndex(text[:r.Start], "\n")+1:r.End], "the ; after end, not the one after return 1")
		}
	}
}

func TestCacheBoundedBySize(t *testing.T) {
	ResetCache()
	defer ResetCache()
	big := strings.Repeat("select 1;\n", cache.maxSize/40) // a quarter of the bound, less a little
	for i := range 8 {
		Parse(big + strings.Repeat(" ", i))
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	assert.LessOrEqual(t, cache.size, cache.maxSize)
	assert.Less(t, cache.l.Len(), 8, "old entries are dropped")
	assert.Equal(t, len(cache.m), cache.l.Len())
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, NormalizeExpr("lower( name )"), NormalizeExpr("LOWER(name)"))
	assert.Equal(t, NormalizeExpr("(a > 0) AND (b < 1)"), NormalizeExpr("a > 0 and b < 1"))
	assert.NotEqual(t, NormalizeExpr("a > 0"), NormalizeExpr("a >= 0"))
	assert.Equal(t, "not (sql", NormalizeExpr("not  (sql"), "what does not parse has its blanks collapsed")

	// Comparisons as PostgreSQL stores them.
	assert.Equal(t, NormalizeExpr("status = ANY (ARRAY['new'::text, 'done'::text])"), NormalizeExpr("status IN ('new', 'done')"))
	assert.Equal(t, NormalizeExpr("status <> ALL (ARRAY['a'::text])"), NormalizeExpr("status NOT IN ('a')"))
	assert.Equal(t, NormalizeExpr("price > (0)::numeric"), NormalizeExpr("price > 0"))
	assert.Equal(t, NormalizeExpr("d >= '2020-01-01'::date"), NormalizeExpr("d >= '2020-01-01'"))
	assert.NotEqual(t, NormalizeExpr("status IN ('a', 'b')"), NormalizeExpr("status IN ('a', 'c')"))
	assert.NotEqual(t, NormalizeExpr("(1)::numeric / 2"), NormalizeExpr("1 / 2"), "a cast outside a comparison counts")
	assert.NotEqual(t, NormalizeExpr("(a)::text = 'x'"), NormalizeExpr("a = 'x'"), "a column's cast counts")
	// public's objects read unqualified.
	assert.Equal(t, NormalizeQuery("SELECT t.a, f(t.b) FROM t JOIN u ON true"), NormalizeQuery("SELECT public.t.a, public.f(t.b) FROM public.t JOIN u ON true"))
	assert.Equal(t, NormalizeExpr("'a'::mood"), NormalizeExpr("'a'::public.mood"))
	assert.NotEqual(t, NormalizeQuery("SELECT a FROM t"), NormalizeQuery("SELECT a FROM shop.t"))
	assert.NotEqual(t, NormalizeExpr("'a'::mood"), NormalizeExpr("'a'::shop.mood"))
	assert.Equal(t, NormalizeQuery("SELECT 1 FROM t WHERE a IN (1, 2)"), NormalizeQuery("SELECT 1 FROM t WHERE a = ANY (ARRAY[1, 2])"), "view queries too")
	// View queries as pg_get_viewdef prints them.
	for file, stored := range map[string]string{
		"select id, email from users where active":                                          "SELECT users.id, users.email FROM users WHERE users.active;",
		"select u.id, lower(u.email) as e from users u where u.active order by u.id":        "SELECT u.id, lower(u.email) AS e FROM users u WHERE u.active ORDER BY u.id",
		"select id, (select count(*) from users u2 where u2.id < users.id) as n from users": "SELECT users.id, ( SELECT count(*) AS count FROM users u2 WHERE u2.id < users.id) AS n FROM users;",
		"select count(*) from t group by a":                                                 "SELECT count(*) AS count FROM t GROUP BY t.a",
	} {
		assert.Equal(t, NormalizeQuery(file), NormalizeQuery(stored), file)
	}
	assert.NotEqual(t, NormalizeQuery("SELECT id, (SELECT count(*) FROM users u2 WHERE u2.id < id) AS n FROM users"),
		NormalizeQuery("SELECT users.id, (SELECT count(*) FROM users u2 WHERE u2.id < users.id) AS n FROM users"), "a subquery's names are its own")
	assert.NotEqual(t, NormalizeQuery("SELECT a FROM t JOIN u ON true"), NormalizeQuery("SELECT t.a FROM t JOIN u ON true"), "two relations")
	assert.NotEqual(t, NormalizeQuery("SELECT a AS b FROM t"), NormalizeQuery("SELECT a FROM t"))
	NormalizeExpr("x IN (1, 2)")
	sel := Parse("SELECT x IN (1, 2)").Stmts[0].Node.GetSelectStmt()
	kind := sel.TargetList[0].GetResTarget().Val.GetAExpr().Kind
	assert.Equal(t, pg_query.A_Expr_Kind_AEXPR_IN, kind, "the cached tree is left alone")
	assert.Equal(t, NormalizeQuery("select id from t where x=1;"), NormalizeQuery("SELECT id\n  FROM t\n WHERE x = 1"))
}
