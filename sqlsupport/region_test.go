package sqlsupport

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// regionIn parses src as HCL and returns the region of attribute a.
func regionIn(t *testing.T, src, a string, kind Kind) *Region {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "f.hcl", hcl.InitialPos)
	require.False(t, diags.HasErrors(), diags.Error())
	attr := f.Body.(*hclsyntax.Body).Attributes[a]
	require.NotNil(t, attr)
	r, ok := RegionOf(attr.Expr, kind, []byte(src), func(p hcl.Pos) int { return p.Byte })
	require.True(t, ok)
	return r
}

func errorTexts(src string, errs []SyntaxError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, src[e.Range.Start:e.Range.End]+": "+e.Message)
	}
	return out
}

func TestRegionHeredoc(t *testing.T) {
	src := "as = <<-SQL\n    SELECT a,\n           ${var.col}, 'é'\n      FORM ${var.schema}.t\n    SQL\n"
	r := regionIn(t, src, "as", Query)
	assert.Equal(t, "SELECT a,\n       x_________, 'é'\n  FORM x____________.t\n", r.Text)
	for i := range r.Text {
		if c := r.Text[i]; c != ' ' && c != 'x' && c != '_' {
			assert.Equal(t, c, src[r.offs[i]], "byte %d maps to the same character", i)
		}
	}
	assert.Equal(t, []string{`${var.schema}: syntax error at or near "x____________"`}, errorTexts(src, r.Errors()),
		"the error after FORM is the masked interpolation, mapped to its ${…}")
}

func TestRegionQuotedEscapes(t *testing.T) {
	src := `expr = "name <> \"\"\"\" AND note <> E'\\n' AND \u00e9t\u00e9 > 1 AN x"` + "\n"
	r := regionIn(t, src, "expr", Expression)
	assert.Equal(t, `name <> """" AND note <> E'\n' AND été > 1 AN x`, r.Text)
	assert.Equal(t, []string{`AN: syntax error at or near "AN"`}, errorTexts(src, r.Errors()), "found after escapes that change lengths")
}

func TestRegionExpressionEndOfInput(t *testing.T) {
	src := "expr = \"price >\"\n"
	r := regionIn(t, src, "expr", Expression)
	assert.Equal(t, []string{`>: syntax error at end of input`}, errorTexts(src, r.Errors()), "an error past the text marks its last token")
	assert.Empty(t, regionIn(t, "expr = sql(\"now() + interval '1 day'\")\n", "expr", Expression).Errors())
	assert.Empty(t, regionIn(t, "expr = \"x > 0 -- a comment\"\n", "expr", Expression).Errors(), "a trailing comment does not swallow the wrapper")
}

func TestRegionTypeAndBodies(t *testing.T) {
	assert.Empty(t, regionIn(t, "t = sql(\"timestamp(3) with time zone[]\")\n", "t", TypeName).Errors())
	src := "t = sql(\"varchar(10\")\n"
	assert.Len(t, regionIn(t, src, "t", TypeName).Errors(), 1)

	for _, body := range []string{"\"SELECT v > 0\"", "\"RETURN $1\"", "<<-SQL\n  BEGIN ATOMIC\n    SELECT v;\n  END\n  SQL"} {
		r := regionIn(t, "as = "+body+"\n", "as", Body)
		r.Lang = "sql"
		assert.Empty(t, r.Errors(), body)
	}

	src = "as = <<-SQL\n  BEGIN\n    INSERT INTO audit VALUES (NEW.id, TG_OP);\n    RETURN NEW\n  END;\n  SQL\n"
	r := regionIn(t, src, "as", Body)
	r.Lang = "plpgsql"
	assert.Empty(t, r.Errors(), "without a signature PL/pgSQL is not checked")
	r.Header = "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS "
	errs := r.Errors()
	require.Len(t, errs, 1)
	// PL/pgSQL reads "NEW END" as RETURN's expression and runs out of
	// input; the error goes on the statement PL/pgSQL names, in the heredoc.
	assert.Equal(t, "RETURN NEW", src[errs[0].Range.Start:errs[0].Range.End])
	assert.Equal(t, "syntax error at end of input", errs[0].Message)
}

func TestRegionExpressionParentheses(t *testing.T) {
	for text, want := range map[string]string{
		"a AS b":       `AS: syntax error at or near "AS"`,
		"* FROM t":     `*: syntax error at or near "*"`,
		"1; SELECT 2":  `;: syntax error at or near ";"`,
		"lower(a))":    `): syntax error at or near ")"`,
		"a = ":         `=: syntax error at end of input`,
		"(a = 1":       `1: syntax error at end of input`,
		"x > 0 -- why": ``,
	} {
		src := "e = \"" + text + "\"\n"
		got := errorTexts(src, regionIn(t, src, "e", Expression).Errors())
		if want == "" {
			assert.Empty(t, got, text)
			continue
		}
		assert.Equal(t, []string{want}, got, text)
	}
	for _, text := range []string{"(a, b) = (1, 2)", "EXISTS (SELECT 1 FROM t WHERE t.x = y)", "CASE WHEN a THEN 1 ELSE 2 END", "a IN (SELECT b FROM c)"} {
		assert.Empty(t, regionIn(t, "e = \""+text+"\"\n", "e", Expression).Errors(), text)
	}
}
