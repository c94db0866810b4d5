package sqlsupport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/source"
)

func stmtTexts(s *Script) []string {
	var out []string
	for _, st := range s.Stmts {
		out = append(out, s.Text[st.Range.Start:st.Range.End])
	}
	return out
}

// diagLines prints diagnostics as "LINE:COL severity message".
func diagLines(s *Script) []string {
	m := source.NewMapper(s.Text)
	var out []string
	for _, d := range s.Diagnostics() {
		l, c := m.Position(d.Range.Start, source.Runes)
		out = append(out, fmt.Sprintf("%d:%d %s %s", l+1, c+1, d.Severity, d.Message))
	}
	return out
}

func TestScriptDelimiter(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"atlas docs: -- end", "-- atlas:delimiter -- end\n\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\n-- end\nSELECT f();\n",
			[]string{"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;", "SELECT f();"}},
		{"atlas docs: three line breaks", "-- atlas:delimiter \\n\\n\\n\n\nSELECT 1;\nSELECT 2;\n\n\nSELECT 3",
			[]string{"SELECT 1;", "SELECT 2;", "SELECT 3"}},
		{"not inside quotes, parentheses or dollar quotes", "-- atlas:delimiter //\nSELECT '//', \"a//b\", $x$ // $x$, (1 // 2) //SELECT 2",
			[]string{"SELECT '//', \"a//b\", $x$ // $x$, (1 // 2)", "SELECT 2"}},
		{"a delimiter wins over a comment", "-- atlas:delimiter -- end\nSELECT 1 -- end of the first\nSELECT 2",
			[]string{"SELECT 1", "of the first\nSELECT 2"}},
		{"crlf", "-- atlas:delimiter GO\r\nSELECT 1\r\nGO\r\nSELECT 2\r\n", []string{"SELECT 1", "SELECT 2"}},
		{"only on the first line", "\n-- atlas:delimiter GO\nSELECT 1; SELECT 2", []string{"SELECT 1;", "SELECT 2"}},
		{"only after \"-- \"", "--atlas:delimiter GO\nSELECT 1; SELECT 2", []string{"SELECT 1;", "SELECT 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, stmtTexts(ParseScript(tc.text)))
		})
	}
}

func TestScriptDelimiterErrors(t *testing.T) {
	// Errors are placed in the file, past the directive line.
	s := ParseScript("-- atlas:delimiter -- end\nSELECT 1;\n-- end\nSELECT é FORM t;\n-- end\n")
	assert.Equal(t, []string{`4:15 error SQL: syntax error at or near "t"`}, diagLines(s))
	assert.Equal(t, "-- end", s.Delimiter)
}

func TestScriptDirectives(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"valid file directives", "-- atlas:sum ignore\n-- atlas:txmode none\n-- atlas:nolint destructive\n-- atlas:checkpoint v1\n\nDROP TABLE t;", nil},
		{"unknown", "-- atlas:delimter\nSELECT 1;", []string{`1:4 warning Unknown directive "atlas:delimter"; did you mean "atlas:delimiter"?`}},
		{"unknown without a suggestion", "SELECT 1;\n-- atlas:frobnicate\n", []string{`2:4 warning Unknown directive "atlas:frobnicate"`}},
		{"no name", "SELECT 1; -- atlas:", []string{`1:14 warning Directive name missing after "atlas:"`}},
		{"empty delimiter", "-- atlas:delimiter\nSELECT 1;", []string{`1:4 error atlas:delimiter needs a delimiter, as in "-- atlas:delimiter -- end"`}},
		{"sum not first", "SELECT 1;\n-- atlas:sum ignore\nSELECT 2;", []string{"2:4 warning atlas:sum is read only on the first line of the file; here it has no effect"}},
		{"sum value", "-- atlas:sum ignor\n", []string{`1:14 warning Unknown atlas:sum argument "ignor"; did you mean "ignore"?`}},
		{"txmode value", "-- atlas:txmode nne\n\nSELECT 1;", []string{`1:17 warning Unknown atlas:txmode argument "nne"; did you mean "none"?`}},
		{"file directive without blank line", "-- atlas:txmode none\nSELECT 1;", []string{"1:4 warning File directives must be followed by a blank line; without one Atlas takes atlas:txmode for a comment of the first statement"}},
		{"nolint names", "-- atlas:nolint ds103 DS13 data_depend\nALTER TABLE t DROP COLUMN c;", []string{
			`1:17 warning Unknown check or analyzer "ds103" in atlas:nolint; did you mean "DS103"?`,
			`1:23 warning Unknown check or analyzer "DS13" in atlas:nolint; did you mean "DS103"?`,
		}},
		{"nolint detached", "SELECT 1;\n-- atlas:nolint\n\nDROP TABLE t;", []string{"2:4 warning atlas:nolint applies to the statement right below it; with a blank line or nothing below, it has no effect"}},
		{"nolint inside", "ALTER TABLE t\n  -- atlas:nolint\n  DROP COLUMN c;", []string{"2:6 warning atlas:nolint inside a statement has no effect; Atlas reads directives from the comments above a statement"}},
		{"assert outside an archive", "-- atlas:assert oneof\n\nSELECT true;", []string{"1:4 warning atlas:assert applies only to the check files of an atlas:txtar archive"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, diagLines(ParseScript(tc.text)))
		})
	}
}

func TestScriptNolintStatement(t *testing.T) {
	s := ParseScript("-- atlas:nolint\n\nSELECT 1;\n-- why\n--atlas:nolint DS102\n/*atlas:nolint destructive*/\nDROP TABLE t;")
	require.Len(t, s.Directives, 3)
	assert.True(t, s.Directives[0].File)
	assert.Equal(t, []int{-1, 1, 1}, []int{s.Directives[0].Stmt, s.Directives[1].Stmt, s.Directives[2].Stmt})
	assert.Equal(t, "destructive", s.Directives[2].Args)
	assert.Empty(t, s.Diagnostics())
}

func TestScriptArchive(t *testing.T) {
	text := strings.Join([]string{
		"-- atlas:txtar",
		"",
		"-- checks/users.sql --",
		"-- atlas:assert oneof",
		"",
		"SELECT NOT EXISTS (SELECT * FROM users)",
		"-- migration.sql --",
		"-- atlas:nolint DS102",
		"DROP TABLE users;",
		"SELEC 1;",
		"",
	}, "\n")
	s := ParseScript(text)
	require.Len(t, s.Sections, 2)
	assert.Equal(t, []string{"checks/users.sql", "migration.sql"}, []string{s.Sections[0].Name, s.Sections[1].Name})
	// A section ends its last statement, semicolon or not.
	assert.Equal(t, []string{"SELECT NOT EXISTS (SELECT * FROM users)", "DROP TABLE users;", "SELEC 1;"}, stmtTexts(s))
	assert.Equal(t, []string{`10:1 error SQL: syntax error at or near "SELEC"`}, diagLines(s))
	require.Len(t, s.Directives, 3)
	assert.Equal(t, 1, s.Directives[2].Stmt)
	syms := s.Symbols()
	require.Len(t, syms, 2)
	assert.Equal(t, source.SymFile, syms[0].Kind)
	folds := s.Folds(source.NewMapper(text))
	assert.Equal(t, []source.FoldRange{{StartLine: 2, EndLine: 5, Kind: source.FoldRegion}, {StartLine: 6, EndLine: 9, Kind: source.FoldRegion}}, folds)
}

func TestScriptArchiveNeedsBlankLine(t *testing.T) {
	// Without the blank line Atlas does not read atlas:txtar: the file is
	// plain SQL (the headers are comments).
	s := ParseScript("-- atlas:txtar\n-- migration.sql --\nSELECT 1\n-- other.sql --\nSELECT 2;")
	assert.Empty(t, s.Sections)
	assert.Len(t, s.Stmts, 1)
}

func TestScriptSymbolRanges(t *testing.T) {
	text := "CREATE TABLE \"My\".t (\n  a int NOT NULL,\n  \"B c\" numeric(10, 2)[] DEFAULT '{}'\n);\nALTER TABLE ONLY t ADD COLUMN d text;"
	syms := ParseScript(text).Symbols()
	require.Len(t, syms, 2)
	at := func(r source.Range) string { return text[r.Start:r.End] }
	assert.Equal(t, `"My".t`, syms[0].Name)
	assert.Equal(t, `"My".t`, at(syms[0].Selection))
	assert.Equal(t, text[:strings.Index(text, ";")+1], at(syms[0].Range))
	require.Len(t, syms[0].Children, 2)
	assert.Equal(t, "a int NOT NULL", at(syms[0].Children[0].Range))
	assert.Equal(t, `"B c" numeric(10, 2)[] DEFAULT '{}'`, at(syms[0].Children[1].Range))
	assert.Equal(t, "column numeric(10, 2)[]", syms[0].Children[1].Detail)
	assert.Equal(t, "alter table", syms[1].Detail)
	require.Len(t, syms[1].Children, 1)
	assert.Equal(t, "d text", at(syms[1].Children[0].Range))
}

// FuzzParseScript reads any text as a .sql file: no panics, and every
// range it reports lies in the text.
func FuzzParseScript(f *testing.F) {
	for _, seed := range []string{
		"SELECT 1; SELEC 2;",
		"-- atlas:delimiter -- end\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql\n-- end\nSELECT (",
		"-- atlas:txtar\n\n-- a.sql --\n-- atlas:assert oneof\n\nSELECT 1\n-- b.sql --\n/*atlas:nolint DS102*/\nDROP TABLE t;",
		"CREATE SCHEMA s CREATE TABLE t (a int) CREATE VIEW v AS SELECT 1;\nCREATE TYPE e AS ENUM ('a', 'b');",
		"CREATE TABLE t (a numeric(1,2)[] NOT NULL, \"B\" text);\nALTER TABLE t ADD COLUMN c int;\n-- atlas:nolint ds1\n",
		"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $x$\nBEGIN\n  RETURN 1\nEND\n$x$;\r\n/* a\n /* b */\n*/",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := ParseScript(text)
		in := func(r source.Range) {
			if r.Start < 0 || r.End < r.Start || r.End > len(text) {
				t.Fatalf("range %v outside the text (%d bytes)", r, len(text))
			}
		}
		for _, d := range s.Diagnostics() {
			in(d.Range)
		}
		var walk func([]source.Symbol)
		walk = func(syms []source.Symbol) {
			for _, sym := range syms {
				in(sym.Range)
				in(sym.Selection)
				walk(sym.Children)
			}
		}
		walk(s.Symbols())
		m := source.NewMapper(text)
		for _, r := range s.Folds(m) {
			if r.StartLine >= r.EndLine || r.EndLine >= m.LineCount() {
				t.Fatalf("fold %v in %d lines", r, m.LineCount())
			}
		}
	})
}
