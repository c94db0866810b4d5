package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// CompletionKind is what a completion offers.
type CompletionKind int

// Completion kinds.
const (
	CompKeyword CompletionKind = iota + 1
	CompSchema
	CompTable
	CompView
	CompColumn
	CompFunction
	CompValue // an enum's value, inside a string
	CompParam // a routine's argument
)

// Completion is one candidate; Replace is the range of the text (the word
// being typed) it replaces.
type Completion struct {
	Label   string
	Kind    CompletionKind
	Detail  string
	Replace source.Range
}

// tok is a token of the statement being completed, in text offsets.
type tok struct {
	start, end int
	kind       pg_query.Token
	keyword    pg_query.KeywordKind
	text       string // upper case for keywords, as written otherwise
	name       string // as an identifier: lower case unless quoted
}

// Complete returns the candidates at off in text, the SQL of a region or a
// file, in context ctx. It reads tokens, not a parse tree, so it works on
// the half-written statements completion is asked for: after FROM, JOIN,
// INTO or UPDATE it offers tables and views; after alias. the columns of
// the table the alias names; inside a string compared with an enum
// column, the enum's values; elsewhere in a statement the columns of its
// tables, the schema's functions and the keywords that may follow.
func Complete(text string, off int, ctx *Context) []Completion {
	return complete(text, off, ctx, false)
}

// Complete returns the candidates at off, an offset of the region's
// Text; an expression (a check, a predicate, a default) starts with
// columns, functions and operators rather than a statement's keyword.
func (r *Region) Complete(off int, ctx *Context) []Completion {
	if r.Kind == TypeName {
		return nil
	}
	return complete(r.Text, off, ctx, r.Kind == Expression)
}

func complete(text string, off int, ctx *Context, expr bool) []Completion {
	if off < 0 || off > len(text) {
		return nil
	}
	// The statement around the cursor: after the last one ended by a
	// semicolon before it, up to the end of the one it is in.
	stmt := source.Range{Start: 0, End: len(text)}
	for _, r := range Split(text) {
		switch {
		case r.End <= off && text[r.End-1] == ';':
			stmt.Start = r.End
		case r.Start > off:
			stmt.End = min(stmt.End, r.Start)
		case r.End >= off:
			stmt.End = r.End
		}
	}
	c := &completer{ctx: ctx, text: text, off: off, expr: expr}
	if q, ok := c.openString(stmt.Start); ok {
		return c.enumValues(stmt.Start, q)
	}
	c.toks = scanTokens(text[stmt.Start:stmt.End], stmt.Start)
	word := off
	for word > stmt.Start && isIdentByte(text[word-1]) {
		word--
	}
	end := off
	for end < len(text) && isIdentByte(text[end]) {
		end++
	}
	c.replace = source.Range{Start: word, End: end}
	c.before = nil
	for _, t := range c.toks {
		if t.end <= word && t.kind != pg_query.Token_SQL_COMMENT && t.kind != pg_query.Token_C_COMMENT {
			c.before = append(c.before, t)
		}
	}
	if comment := c.inComment(); comment {
		return nil
	}
	c.rels = c.relations()
	if n := len(c.before); n >= 2 && c.before[n-1].text == "." && c.before[n-1].end == word {
		return c.qualified(c.before[n-2].name)
	}
	return c.byPosition()
}

type completer struct {
	ctx     *Context
	text    string
	off     int
	expr    bool  // the text is an expression, not statements
	toks    []tok // the statement's tokens
	before  []tok // those before the word at the cursor
	replace source.Range
	rels    []fromRel
}

// fromRel is a table or view the statement names, with its alias.
type fromRel struct {
	alias string
	obj   any
}

func scanTokens(text string, base int) []tok {
	res, err := pg_query.Scan(text)
	if err != nil {
		return nil
	}
	out := make([]tok, 0, len(res.Tokens))
	for _, t := range res.Tokens {
		s, e := int(t.Start), int(t.End)
		raw := text[s:e]
		word, name := raw, strings.ToLower(raw)
		if strings.HasPrefix(raw, `"`) {
			name = strings.Trim(raw, `"`)
		}
		if t.KeywordKind != pg_query.KeywordKind_NO_KEYWORD {
			word = strings.ToUpper(raw)
		}
		out = append(out, tok{start: base + s, end: base + e, kind: t.Token, keyword: t.KeywordKind, text: word, name: name})
	}
	return out
}

func (c *completer) inComment() bool {
	for _, t := range c.toks {
		if (t.kind == pg_query.Token_SQL_COMMENT || t.kind == pg_query.Token_C_COMMENT) && t.start < c.off && c.off <= t.end {
			return true
		}
	}
	return false
}

// relations finds the tables and views the statement names after FROM,
// JOIN, UPDATE, INTO and USING, with their aliases.
func (c *completer) relations() []fromRel {
	var out []fromRel
	if c.ctx.Implicit != nil {
		out = append(out, fromRel{obj: c.ctx.Implicit})
	}
	for name, obj := range c.ctx.Aliases {
		out = append(out, fromRel{alias: name, obj: obj})
	}
	toks := c.toks
	for i := 0; i < len(toks); i++ {
		switch toks[i].text {
		case "FROM", "JOIN", "UPDATE", "INTO", "USING":
		default:
			continue
		}
		for j := i + 1; j < len(toks); {
			name, sch, k := qualifiedName(toks, j)
			if name == "" {
				break
			}
			obj, _ := (&walker{ctx: c.ctx}).findRelation(sch, name)
			alias := name
			if k < len(toks) && toks[k].text == "AS" {
				k++
			}
			if k < len(toks) && isAliasToken(toks[k]) {
				alias = toks[k].name
				k++
			}
			if obj != nil {
				out = append(out, fromRel{alias: alias, obj: obj})
			}
			if k < len(toks) && toks[k].text == "," && toks[i].text == "FROM" {
				j = k + 1
				continue
			}
			break
		}
	}
	return out
}

// qualifiedName reads name or schema.name at toks[i]; k is the index after
// it.
func qualifiedName(toks []tok, i int) (name, sch string, k int) {
	if i >= len(toks) || !isNameToken(toks[i]) {
		return "", "", i
	}
	if i+2 < len(toks) && toks[i+1].text == "." && isNameToken(toks[i+2]) {
		return toks[i+2].name, toks[i].name, i + 3
	}
	return toks[i].name, "", i + 1
}

func isNameToken(t tok) bool {
	return t.kind == pg_query.Token_IDENT || t.keyword == pg_query.KeywordKind_UNRESERVED_KEYWORD || t.keyword == pg_query.KeywordKind_COL_NAME_KEYWORD
}

func isAliasToken(t tok) bool {
	return t.kind == pg_query.Token_IDENT || t.keyword == pg_query.KeywordKind_UNRESERVED_KEYWORD
}

// qualified offers what follows "q.": the columns of the table or view q
// names (an alias or a table), or the tables and views of schema q.
func (c *completer) qualified(q string) []Completion {
	for _, r := range c.rels {
		if r.alias == q || r.alias == "" && objName(r.obj) == q {
			return c.columnsOf(r.obj, "")
		}
	}
	if obj, _ := (&walker{ctx: c.ctx}).findRelation("", q); obj != nil {
		return c.columnsOf(obj, "")
	}
	if q == c.ctx.Routine {
		return c.params()
	}
	if s := c.ctx.Realm.Schema(q); s != nil {
		return c.relationsOf(s, false)
	}
	return nil
}

func (c *completer) columnsOf(obj any, qual string) []Completion {
	cols := columnsOf(c.ctx.Realm, obj)
	owner := objName(obj)
	out := make([]Completion, 0, len(cols))
	for _, col := range cols {
		out = append(out, Completion{Label: qual + col.Name, Kind: CompColumn, Detail: col.Type.String() + " · " + owner, Replace: c.replace})
	}
	return out
}

func (c *completer) params() []Completion {
	var out []Completion
	for _, p := range c.ctx.Params {
		out = append(out, Completion{Label: p, Kind: CompParam, Detail: "argument of " + c.ctx.Routine, Replace: c.replace})
	}
	return out
}

// relationsOf lists a schema's tables and views, qualified by the schema
// when asked.
func (c *completer) relationsOf(s *schema.Schema, qualify bool) []Completion {
	var out []Completion
	prefix := ""
	if qualify {
		prefix = s.Name + "."
	}
	for _, t := range s.Tables {
		out = append(out, Completion{Label: prefix + t.Name, Kind: CompTable, Detail: "table " + s.Name + "." + t.Name, Replace: c.replace})
	}
	for _, v := range s.Views {
		kind := "view"
		if v.Materialized {
			kind = "materialized view"
		}
		out = append(out, Completion{Label: prefix + v.Name, Kind: CompView, Detail: kind + " " + s.Name + "." + v.Name, Replace: c.replace})
	}
	return out
}

// byPosition offers candidates for the clause the cursor is in, judged by
// the keyword before it.
func (c *completer) byPosition() []Completion {
	prev := ""
	if n := len(c.before); n > 0 {
		prev = c.before[n-1].text
	}
	switch prev {
	case "FROM", "JOIN", "UPDATE", "INTO", "TABLE", "USING":
		if prev == "USING" && c.lastClause() != "DELETE" && c.lastClause() != "MERGE" {
			break
		}
		var out []Completion
		for _, s := range c.ctx.Realm.Schemas {
			// Names outside the search path need their schema.
			out = append(out, c.relationsOf(s, s.Name != "public" && s.Name != c.ctx.Schema)...)
		}
		return out
	case "":
		if !c.expr {
			return c.keywords(statementStarts)
		}
	}
	var out []Completion
	for _, r := range c.rels {
		out = append(out, c.columnsOf(r.obj, "")...)
	}
	out = append(out, c.params()...)
	for _, s := range c.ctx.Realm.Schemas {
		for _, f := range s.Funcs {
			out = append(out, Completion{Label: f.Name, Kind: CompFunction, Detail: "function " + s.Name + "." + f.Name, Replace: c.replace})
		}
	}
	return append(out, c.keywords(clauseKeywords[c.lastClause()])...)
}

// lastClause is the clause keyword the cursor follows.
func (c *completer) lastClause() string {
	for i := len(c.before) - 1; i >= 0; i-- {
		if _, ok := clauseKeywords[c.before[i].text]; ok {
			return c.before[i].text
		}
	}
	return ""
}

func (c *completer) keywords(words []string) []Completion {
	out := make([]Completion, 0, len(words))
	for _, w := range words {
		out = append(out, Completion{Label: w, Kind: CompKeyword, Replace: c.replace})
	}
	return out
}

var statementStarts = []string{"SELECT", "WITH", "INSERT INTO", "UPDATE", "DELETE FROM", "MERGE INTO", "VALUES", "TABLE"}

// clauseKeywords are the keywords offered inside each clause.
var clauseKeywords = map[string][]string{
	"SELECT":    {"FROM", "WHERE", "DISTINCT", "AS", "CASE", "WHEN", "THEN", "ELSE", "END", "NULL", "NOT", "AND", "OR", "COALESCE", "EXISTS", "GROUP BY", "ORDER BY", "LIMIT", "UNION", "OVER"},
	"FROM":      {"WHERE", "JOIN", "LEFT JOIN", "INNER JOIN", "CROSS JOIN", "ON", "AS", "LATERAL", "GROUP BY", "ORDER BY", "LIMIT", "UNION"},
	"JOIN":      {"ON", "USING", "AS", "WHERE", "JOIN", "LEFT JOIN"},
	"ON":        {"AND", "OR", "NOT", "IS", "NULL", "IN", "WHERE", "JOIN", "LEFT JOIN", "GROUP BY", "ORDER BY"},
	"WHERE":     {"AND", "OR", "NOT", "IS", "NULL", "IN", "EXISTS", "LIKE", "ILIKE", "BETWEEN", "TRUE", "FALSE", "GROUP BY", "ORDER BY", "LIMIT", "RETURNING"},
	"GROUP":     {"HAVING", "ORDER BY", "LIMIT"},
	"HAVING":    {"AND", "OR", "ORDER BY", "LIMIT"},
	"ORDER":     {"ASC", "DESC", "NULLS FIRST", "NULLS LAST", "LIMIT", "OFFSET"},
	"SET":       {"WHERE", "FROM", "RETURNING", "DEFAULT", "NULL"},
	"VALUES":    {"DEFAULT", "NULL", "ON CONFLICT", "RETURNING"},
	"RETURNING": {"AS"},
	"INSERT":    {"VALUES", "SELECT", "DEFAULT VALUES"},
	"DELETE":    {"USING", "WHERE", "RETURNING"},
	"MERGE":     {"USING", "ON", "WHEN MATCHED THEN", "WHEN NOT MATCHED THEN"},
	"":          {"AND", "OR", "NOT", "IS", "NULL", "IN", "EXISTS", "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "TRUE", "FALSE"},
}

// openString reports whether off is inside a single-quoted string of the
// statement starting at from; q is the offset of its opening quote.
func (c *completer) openString(from int) (q int, ok bool) {
	in := -1
	for i := from; i < c.off; i++ {
		switch ch := c.text[i]; {
		case in >= 0:
			if ch == '\'' {
				if i+1 < c.off && c.text[i+1] == '\'' {
					i++
					continue
				}
				in = -1
			}
		case ch == '\'':
			in = i
		case ch == '-' && strings.HasPrefix(c.text[i:], "--"):
			for i < c.off && c.text[i] != '\n' {
				i++
			}
		case ch == '"':
			i = quotedEnd(c.text, i, '"', false) - 1
		case ch == '$':
			if tag, ok := dollarTag(c.text, i); ok {
				j := strings.Index(c.text[i+len(tag):], tag)
				if j < 0 {
					return 0, false
				}
				i += 2*len(tag) + j - 1
			}
		}
	}
	return in, in >= 0
}

// enumValues offers the values of the enum a string is compared with:
// "col = '", "col <> '", "col IN ('a', '".
func (c *completer) enumValues(from, quote int) []Completion {
	c.toks = scanTokens(c.text[from:quote], from)
	c.rels = c.relations()
	toks := c.toks
	i := len(toks) - 1
	for i >= 0 && (toks[i].text == "," || toks[i].kind == pg_query.Token_SCONST) {
		i-- // the values so far of an IN list
	}
	switch {
	case i >= 1 && toks[i].text == "(" && toks[i-1].text == "IN":
		i -= 2
	case i >= 0 && slices.Contains([]string{"=", "<>", "!=", "<", ">", "<=", ">="}, toks[i].text):
		i--
	default:
		return nil
	}
	if i < 0 || !isNameToken(toks[i]) {
		return nil
	}
	col, qual := toks[i].name, ""
	if i >= 2 && toks[i-1].text == "." {
		qual = toks[i-2].name
	}
	end := c.off
	for end < len(c.text) && c.text[end] != '\'' && c.text[end] != '\n' {
		end++
	}
	replace := source.Range{Start: quote + 1, End: end}
	for _, r := range c.rels {
		if qual != "" && r.alias != qual {
			continue
		}
		column := columnNamed(columnsOf(c.ctx.Realm, r.obj), col)
		if column == nil || column.Type.UserKind != "enum" {
			continue
		}
		e := c.enum(column.Type)
		if e == nil {
			return nil
		}
		var out []Completion
		for _, v := range e.Values {
			out = append(out, Completion{Label: v, Kind: CompValue, Detail: "enum " + e.Name, Replace: replace})
		}
		return out
	}
	return nil
}

func (c *completer) enum(t schema.Type) *schema.Enum {
	for _, s := range c.ctx.Realm.Schemas {
		if t.UserSchema != "" && s.Name != t.UserSchema {
			continue
		}
		for _, e := range s.Enums {
			if e.Name == t.Name {
				return e
			}
		}
	}
	return nil
}
