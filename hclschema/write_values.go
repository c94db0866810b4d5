package hclschema

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/schema"
)

// The tokens of the values Write puts in attributes.

// quoted is a quoted string; hclwrite escapes quotes, backslashes,
// control characters and the template introducers ${ and %{.
func quoted(s string) hclwrite.Tokens { return hclwrite.TokensForValue(cty.StringVal(s)) }

// bare is a bare word: a constant such as CASCADE, true, or a type.
func bare(w string) hclwrite.Tokens { return hclwrite.TokensForIdentifier(w) }

func integer(n int64) hclwrite.Tokens { return hclwrite.TokensForValue(cty.NumberIntVal(n)) }

// sqlCall is sql("…").
func sqlCall(s string) hclwrite.Tokens { return hclwrite.TokensForFunctionCall("sql", quoted(s)) }

// refTokens is a reference root.a.b…; a step that is not an HCL
// identifier is written as an index (column["First Name"]).
func refTokens(root string, steps ...string) hclwrite.Tokens {
	t := hcl.Traversal{hcl.TraverseRoot{Name: root}}
	for _, s := range steps {
		if hclsyntax.ValidIdentifier(s) {
			t = append(t, hcl.TraverseAttr{Name: s})
		} else {
			t = append(t, hcl.TraverseIndex{Key: cty.StringVal(s)})
		}
	}
	return hclwrite.TokensForTraversal(t)
}

func commentTokens(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte(text)}}
}

// sqlText is SQL held in a string attribute whose value the decoder
// trims (view queries, bodies, predicates): a heredoc (<<-SQL) when it
// spans lines, else a quoted string. depth is the nesting of the
// attribute's block (1 for a top-level block), which indents the heredoc.
func sqlText(v string, depth int) hclwrite.Tokens {
	if !heredocSafe(v) {
		return quoted(v)
	}
	lines := strings.Split(v, "\n")
	delim := "SQL"
	for i := 1; slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(l) == delim }); i++ {
		delim = "SQL" + strconv.Itoa(i)
	}
	indent := strings.Repeat("  ", depth)
	var body strings.Builder
	for _, l := range lines {
		// Lines of white space only are left alone by the flush heredoc
		// rule: they keep exactly what is written.
		if strings.TrimSpace(l) != "" {
			body.WriteString(indent)
		}
		body.WriteString(escapeTemplate(l))
		body.WriteByte('\n')
	}
	return hclwrite.Tokens{
		{Type: hclsyntax.TokenOHeredoc, Bytes: []byte("<<-" + delim + "\n")},
		{Type: hclsyntax.TokenStringLit, Bytes: []byte(body.String())},
		{Type: hclsyntax.TokenCHeredoc, Bytes: []byte(indent + delim)},
	}
}

// heredocSafe reports whether v reads back unchanged from an indented
// heredoc: several lines, no white space around it (the decoder trims
// it), no carriage returns, and no line starting with a combining mark,
// which would join the indentation's last space.
func heredocSafe(v string) bool {
	if !strings.Contains(v, "\n") || strings.ContainsRune(v, '\r') || v != strings.TrimSpace(v) || !utf8.ValidString(v) {
		return false
	}
	for _, l := range strings.Split(v, "\n") {
		if r, _ := utf8.DecodeRuneInString(l); unicode.Is(unicode.M, r) {
			return false
		}
	}
	return true
}

// escapeTemplate doubles the $ of ${ and the % of %{, which a template
// would otherwise interpolate.
func escapeTemplate(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		b.WriteByte(c)
		if (c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hclNumber is a number as HCL writes it (without a sign).
var hclNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// exprTokens is a default: a literal, or sql("…").
func exprTokens(e *schema.Expr) hclwrite.Tokens {
	switch e.Kind {
	case schema.ExprString:
		return quoted(e.Value)
	case schema.ExprBool:
		if e.Value == "true" || e.Value == "false" {
			return bare(e.Value)
		}
	case schema.ExprNumber:
		digits, neg := strings.CutPrefix(e.Value, "-")
		if hclNumber.MatchString(digits) {
			toks := hclwrite.Tokens{{Type: hclsyntax.TokenNumberLit, Bytes: []byte(digits)}}
			if neg {
				toks = append(hclwrite.Tokens{{Type: hclsyntax.TokenMinus, Bytes: []byte("-")}}, toks...)
			}
			return toks
		}
	}
	return sqlCall(e.Value)
}

// hclTypeWords are the HCL words of built-in types whose canonical name is
// not itself a word.
var hclTypeWords = map[string]string{
	"integer": "int", "character varying": "varchar", "character": "char", "double precision": "double_precision",
	"time without time zone": "time", "time with time zone": "timetz", "timestamp without time zone": "timestamp",
	"timestamp with time zone": "timestamptz", "bit varying": "varbit",
}

// typeTokens is a type that is not a reference: a word (int), a call with
// modifiers (varchar(255)), or sql("…") for arrays, types Atlas has no
// word for and types the model keeps as written. An array of a user type
// is sql("schema.name[]").
func typeTokens(t schema.Type) hclwrite.Tokens {
	switch {
	case t.UserKind != "":
		return sqlCall(schema.Qualified(t.UserSchema, t.Name) + strings.Repeat("[]", t.Array))
	case t.Raw != "":
		return sqlCall(t.Raw)
	case t.Array > 0:
		return sqlCall(t.String())
	}
	w, ok := hclTypeWords[t.Name]
	if !ok {
		w = t.Name
	}
	if !hclsyntax.ValidIdentifier(w) {
		return sqlCall(t.String())
	}
	if u, err := schema.BuiltinType(w, t.Args...); err != nil || u.String() != t.String() {
		return sqlCall(t.String())
	}
	if len(t.Args) == 0 {
		return bare(w)
	}
	args := make([]hclwrite.Tokens, len(t.Args))
	for i, a := range t.Args {
		args[i] = integer(int64(a))
	}
	return hclwrite.TokensForFunctionCall(w, args...)
}

// collated is an index or partition key part with a collation, written as
// the expression PostgreSQL reads the same way: (column COLLATE "C").
func collated(p schema.IndexPart) string {
	x := p.Expr
	if p.Column != "" {
		x = schema.QuoteIdent(p.Column)
	} else {
		x = "(" + x + ")"
	}
	var parts []string
	for _, n := range strings.Split(p.Collate, ".") {
		parts = append(parts, `"`+strings.ReplaceAll(n, `"`, `""`)+`"`)
	}
	return fmt.Sprintf("%s COLLATE %s", x, strings.Join(parts, "."))
}
