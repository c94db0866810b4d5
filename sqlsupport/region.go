package sqlsupport

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Kind is what SQL a region holds.
type Kind int

// Region kinds.
const (
	Statements Kind = iota + 1 // one or more statements
	Query                      // a query (a view's body)
	Expression                 // a scalar or boolean expression
	TypeName                   // a type (sql("…") as a column type)
	Body                       // a function or procedure body in Region.Lang
)

// Region is SQL held by part of a host file: the value of an HCL string,
// heredoc or sql("…") argument. Every byte of Text maps back to a byte of
// the host; an interpolation ${…} is masked with a placeholder name of the
// same length, so SQL around it still parses.
type Region struct {
	Kind Kind
	// Lang is a Body's language, lower case (sql, plpgsql, …).
	Lang string
	// Header, for a Body, is the CREATE FUNCTION or CREATE PROCEDURE text
	// the body follows ("CREATE FUNCTION f(a integer) RETURNS integer
	// LANGUAGE plpgsql AS "): the PL/pgSQL parser needs the signature.
	// Without one, a PL/pgSQL body is not checked.
	Header string
	Text   string
	offs   []int          // host offset of each byte of Text, then of its end
	masks  []source.Range // interpolations, masked in Text
}

// Host returns the host range of a range of Text.
func (r *Region) Host(t source.Range) source.Range {
	start := r.offs[clamp(t.Start, len(r.Text))]
	if t.End <= t.Start {
		return source.Range{Start: start, End: start}
	}
	return source.Range{Start: start, End: r.offs[clamp(t.End-1, len(r.Text))] + 1}
}

func clamp(i, n int) int { return max(0, min(i, n)) }

// TextOffset converts a host offset into an offset of Text: the first
// byte at or after it. ok is false outside the region.
func (r *Region) TextOffset(host int) (int, bool) {
	if len(r.offs) == 0 || host < r.offs[0] || host > r.offs[len(r.offs)-1] {
		return 0, false
	}
	i := sort.SearchInts(r.offs, host)
	return min(i, len(r.Text)), true
}

// RegionOf returns the SQL an HCL expression holds: a string, a heredoc or
// sql("…") around one. src is the host text and off converts syntax-tree
// positions into offsets of src. ok is false for other expressions.
func RegionOf(e hclsyntax.Expression, kind Kind, src []byte, off func(hcl.Pos) int) (*Region, bool) {
	if call, isCall := e.(*hclsyntax.FunctionCallExpr); isCall && call.Name == "sql" && len(call.Args) == 1 {
		e = call.Args[0]
	}
	tmpl, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return nil, false
	}
	r := &Region{Kind: kind}
	var text strings.Builder
	for i, p := range tmpl.Parts {
		start, end := off(p.Range().Start), off(p.Range().End)
		if start < 0 || end > len(src) || start > end {
			return nil, false
		}
		lit, isLit := p.(*hclsyntax.LiteralValueExpr)
		if !isLit {
			// Mask ${…} (or %{…}) with a name of the same length.
			start, end = interpolationExtent(src, start, end, tmpl.Parts, i, off)
			r.masks = append(r.masks, source.Range{Start: text.Len(), End: text.Len() + end - start})
			for j := start; j < end; j++ {
				if j == start {
					text.WriteByte('x')
				} else {
					text.WriteByte('_')
				}
				r.offs = append(r.offs, j)
			}
			continue
		}
		val := lit.Val.AsString()
		text.WriteString(val)
		r.offs = append(r.offs, align(val, src[start:end], start, isQuoted(src, off(tmpl.Range().Start)))...)
	}
	r.Text = text.String()
	// Where an empty text stands: after the opening quote, or after the
	// line that opens a heredoc.
	end := off(tmpl.Range().Start) + 1
	if !isQuoted(src, off(tmpl.Range().Start)) {
		if nl := bytes.IndexByte(src[min(end, len(src)):], '\n'); nl >= 0 {
			end += nl + 1
		}
	}
	if len(r.offs) > 0 {
		end = r.offs[len(r.offs)-1] + 1
	}
	r.offs = append(r.offs, end)
	return r, true
}

func isQuoted(src []byte, start int) bool { return start < len(src) && src[start] == '"' }

// interpolationExtent widens a template part's range to its ${ and }.
func interpolationExtent(src []byte, start, end int, parts []hclsyntax.Expression, i int, off func(hcl.Pos) int) (int, int) {
	lo, hi := 0, len(src)
	if i > 0 {
		lo = off(parts[i-1].Range().End)
	}
	if i+1 < len(parts) {
		hi = off(parts[i+1].Range().Start)
	}
	for s := start - 1; s > lo && s >= 1; s-- {
		if (src[s] == '{') && (src[s-1] == '$' || src[s-1] == '%') {
			start = s - 1
			break
		}
	}
	for e := end; e < hi; e++ {
		if src[e] == '}' {
			end = e + 1
			break
		}
	}
	return start, end
}

// align maps each byte of val, a literal's value, to the offset in the
// host of the raw text it came from (raw starts at base). Quoted strings
// are unescaped step by step; heredocs differ from their value only by
// stripped indentation and $${ / %%{, so their bytes are matched in order.
// When the raw text does not give the value back, every byte maps to the
// literal's start.
func align(val string, raw []byte, base int, quoted bool) []int {
	out := make([]int, 0, len(val))
	if quoted {
		var b strings.Builder
		for i := 0; i < len(raw); {
			from := len(b.String())
			n := 1
			switch {
			case raw[i] == '\\' && i+1 < len(raw):
				n = 2
				switch raw[i+1] {
				case 'n':
					b.WriteByte('\n')
				case 'r':
					b.WriteByte('\r')
				case 't':
					b.WriteByte('\t')
				case 'u', 'U':
					digits := 4
					if raw[i+1] == 'U' {
						digits = 8
					}
					if i+2+digits <= len(raw) {
						if cp, err := strconv.ParseUint(string(raw[i+2:i+2+digits]), 16, 32); err == nil {
							b.WriteRune(rune(cp))
							n = 2 + digits
							break
						}
					}
					b.WriteByte(raw[i+1])
				default:
					b.WriteByte(raw[i+1])
				}
			case (raw[i] == '$' || raw[i] == '%') && i+2 < len(raw) && raw[i+1] == raw[i] && raw[i+2] == '{':
				b.WriteByte(raw[i])
				n = 2 // $${ gives ${: the first $ is dropped
			default:
				_, size := utf8.DecodeRune(raw[i:])
				b.Write(raw[i : i+size])
				n = size
			}
			for range len(b.String()) - from {
				out = append(out, base+i)
			}
			i += n
		}
		if b.String() == val {
			return out
		}
	} else {
		j := 0
		for i := 0; i < len(val); i++ {
			for j < len(raw) && raw[j] != val[i] {
				j++
			}
			if j == len(raw) {
				break
			}
			out = append(out, base+j)
			j++
		}
		if len(out) == len(val) {
			return out
		}
	}
	out = out[:0]
	for range len(val) {
		out = append(out, base)
	}
	return out
}

// Errors checks the region's SQL and returns its syntax errors in host
// offsets. Expressions, types and bodies are parsed inside a statement
// that wraps them; an error past the region's text (the input ended too
// soon) marks its last token.
func (r *Region) Errors() []SyntaxError {
	out, past := r.errors(true)
	if past && r.Kind == Expression {
		if bare, _ := r.errors(false); len(bare) > 0 {
			out = bare
		}
	}
	if (r.Kind == Expression || r.Kind == TypeName) && len(out) > 1 {
		out = out[:1] // one value: what follows its first error is noise
	}
	return out
}

// errors parses the region in its wrapper (for an expression, in
// parentheses or not); past reports an error beyond the region's text.
func (r *Region) errors(parens bool) (out []SyntaxError, past bool) {
	prefix, suffix, ok := r.wrapper(parens)
	if !ok {
		return nil, false // another language, or no signature to check PL/pgSQL with
	}
	p := Parse(prefix + r.Text + suffix)
	for _, e := range p.Errors() {
		t := shift(e.Range, -len(prefix))
		switch {
		case t.End <= 0 && len(prefix) > 0:
			continue // inside the wrapper: the region is not to blame
		case t.Start >= len(r.Text):
			past = true
			// The wrapper's closing text is not the user's: the input ended.
			if strings.HasPrefix(e.Message, "syntax error at or near") {
				e.Message = "syntax error at end of input"
			}
			last := tokenAt(r.Text, len(r.Text))
			if last.Start >= len(r.Text) {
				last = source.Range{Start: max(len(r.Text)-1, 0), End: len(r.Text)}
			}
			t = last
		}
		t.Start, t.End = clamp(t.Start, len(r.Text)), clamp(t.End, len(r.Text))
		out = append(out, SyntaxError{Range: r.Host(t), Message: e.Message})
	}
	return out, past
}

// wrapper returns the text around the region that makes it a statement;
// ok is false for what is not checked (a body in another language, a
// PL/pgSQL body without a signature).
func (r *Region) wrapper(parens bool) (prefix, suffix string, ok bool) {
	switch r.Kind {
	case Expression:
		// In parentheses, so that an alias or a FROM is an error at the
		// word that makes it; an error at the closing parenthesis (an
		// unbalanced one of the user's, or an expression cut short) is
		// found again without them.
		if !parens {
			return "SELECT ", "\n", true
		}
		return "SELECT (", "\n)", true
	case TypeName:
		return "SELECT CAST(NULL AS ", "\n)", true
	case Body:
		switch {
		case r.Lang == "sql" && sqlStandardBody(r.Text):
			if r.Header != "" {
				return strings.TrimSuffix(strings.TrimSpace(r.Header), " AS") + "\n", "", true
			}
			return "CREATE FUNCTION f() RETURNS integer LANGUAGE sql\n", "", true
		case r.Lang == "sql":
			return "", "", true
		case r.Lang == "plpgsql" && r.Header != "":
			tag := "$body$"
			for i := 0; strings.Contains(r.Text, tag); i++ {
				tag = "$body" + strconv.Itoa(i) + "$"
			}
			return r.Header + tag, tag, true
		}
		return "", "", false
	}
	return "", "", true
}

// Names resolves the names the region's SQL uses (see Names), in host
// offsets. SQL that does not parse, PL/pgSQL bodies and names inside
// interpolations give none.
func (r *Region) Names(ctx *Context) []Use {
	if r.Kind == TypeName || r.Kind == Body && r.Lang != "sql" {
		return nil
	}
	prefix, suffix, ok := r.wrapper(true)
	if !ok {
		return nil
	}
	p := Parse(prefix + r.Text + suffix)
	if len(p.Errors()) > 0 {
		return nil
	}
	var out []Use
	for _, u := range Names(p, ctx) {
		t := shift(u.Range, -len(prefix))
		if t.Start < 0 || t.End > len(r.Text) || r.masked(t) {
			continue
		}
		u.Range = r.Host(t)
		out = append(out, u)
	}
	return out
}

// ResultColumns counts the columns a Query region returns; ok is false
// when it cannot tell (a *, a broken query).
func (r *Region) ResultColumns() (n int, ok bool) {
	if r.Kind != Query {
		return 0, false
	}
	p := Parse(r.Text)
	if len(p.Stmts) != 1 || p.Stmts[0].Node == nil {
		return 0, false
	}
	sel := p.Stmts[0].Node.GetSelectStmt()
	for sel != nil && sel.Op != pg_query.SetOperation_SETOP_NONE {
		sel = sel.Larg
	}
	if sel == nil || len(sel.TargetList) == 0 {
		return 0, false
	}
	for _, t := range sel.TargetList {
		if cr := t.GetResTarget().GetVal().GetColumnRef(); cr != nil {
			if cr.Fields[len(cr.Fields)-1].GetAStar() != nil {
				return 0, false
			}
		}
	}
	return len(sel.TargetList), true
}

func (r *Region) masked(t source.Range) bool {
	for _, m := range r.masks {
		if t.Start < m.End && m.Start < t.End {
			return true
		}
	}
	return false
}

// sqlStandardBody reports whether a LANGUAGE sql body is written as
// BEGIN ATOMIC … END or RETURN expr rather than as a string.
func sqlStandardBody(text string) bool {
	f := strings.Fields(strings.ToUpper(text))
	return len(f) > 0 && f[0] == "RETURN" || len(f) > 1 && f[0] == "BEGIN" && f[1] == "ATOMIC"
}
