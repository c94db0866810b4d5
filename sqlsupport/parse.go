package sqlsupport

import (
	"container/list"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"github.com/pganalyze/pg_query_go/v6/parser"

	"github.com/schema-ls/schema-ls/internal/source"
)

// CodeSyntax is the diagnostic code of SQL syntax errors.
const CodeSyntax = "sql-syntax"

// Parsed is a SQL text split into statements, each parsed on its own so
// every broken statement gets its own error. It is shared: never modify.
type Parsed struct {
	Text  string
	Stmts []*Stmt

	errsOnce sync.Once
	errs     []SyntaxError
}

// Stmt is one statement of a Parsed text.
type Stmt struct {
	Range source.Range // bytes of Text, semicolon included
	Node  *pg_query.Node
	Err   *SyntaxError // set when the statement does not parse
}

// SyntaxError is a syntax error at a byte range of the text parsed.
type SyntaxError struct {
	Range   source.Range
	Message string
}

// Text returns the statement's text.
func (s *Stmt) Text(p *Parsed) string { return p.Text[s.Range.Start:s.Range.End] }

// Parse splits text into statements and parses each. Results are cached
// by text, so SQL that did not change is not parsed again.
func Parse(text string) *Parsed {
	if p, ok := cache.get(text); ok {
		return p
	}
	p := &Parsed{Text: text}
	for _, r := range Split(text) {
		st := &Stmt{Range: r}
		body := text[r.Start:r.End]
		tree, err := pg_query.Parse(body)
		switch {
		case err != nil:
			st.Err = syntaxError(body, err)
			st.Err.Range = shift(st.Err.Range, r.Start)
		case len(tree.Stmts) > 0:
			st.Node = tree.Stmts[0].Stmt
		}
		p.Stmts = append(p.Stmts, st)
	}
	cache.put(text, p)
	return p
}

// Errors returns the syntax errors of every statement, PL/pgSQL bodies of
// CREATE FUNCTION and CREATE PROCEDURE statements included.
func (p *Parsed) Errors() []SyntaxError {
	p.errsOnce.Do(func() {
		for _, st := range p.Stmts {
			if st.Err != nil {
				p.errs = append(p.errs, *st.Err)
				continue
			}
			if e := plpgsqlError(p.Text[st.Range.Start:st.Range.End], st.Node); e != nil {
				e.Range = shift(e.Range, st.Range.Start)
				p.errs = append(p.errs, *e)
			}
		}
	})
	return p.errs
}

func shift(r source.Range, by int) source.Range {
	return source.Range{Start: r.Start + by, End: r.End + by}
}

// syntaxError places pg_query's error in text: Cursorpos is a 1-based
// character offset (0: no position); the range is the token there, or the
// statement's last token for errors at the end of the input.
func syntaxError(text string, err error) *SyntaxError {
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return &SyntaxError{Range: source.Range{Start: 0, End: len(text)}, Message: err.Error()}
	}
	msg := pe.Message
	if pe.Cursorpos <= 0 {
		return &SyntaxError{Range: source.Range{Start: 0, End: len(text)}, Message: msg}
	}
	off := source.RuneOffsetToByte(text, pe.Cursorpos-1)
	return &SyntaxError{Range: tokenAt(text, off), Message: msg}
}

// tokenAt is the range of the token starting at off, or of the last token
// when off is at the end of the text.
func tokenAt(text string, off int) source.Range {
	toks := tokens(text)
	for _, t := range toks {
		if t.Start <= off && off < t.End {
			return t
		}
	}
	if len(toks) > 0 && off >= toks[len(toks)-1].End {
		return toks[len(toks)-1]
	}
	end := off
	for end < len(text) && end-off < 1 {
		end++
	}
	return source.Range{Start: off, End: end}
}

// tokens are the byte ranges of text's tokens, comments left out. Text
// pg_query cannot scan gives none.
func tokens(text string) []source.Range {
	res, err := pg_query.Scan(text)
	if err != nil {
		return nil
	}
	var out []source.Range
	for _, t := range res.Tokens {
		if t.Token == pg_query.Token_SQL_COMMENT || t.Token == pg_query.Token_C_COMMENT {
			continue
		}
		out = append(out, source.Range{Start: int(t.Start), End: int(t.End)})
	}
	return out
}

// plpgsqlError checks the PL/pgSQL body of a CREATE FUNCTION or CREATE
// PROCEDURE statement (stmt is its text) and places the first error
// inside the body.
func plpgsqlError(stmt string, node *pg_query.Node) *SyntaxError {
	fn := node.GetCreateFunctionStmt()
	if fn == nil || !strings.EqualFold(language(fn), "plpgsql") {
		return nil
	}
	body, ok := bodyRange(stmt, fn)
	if !ok {
		return nil
	}
	_, err := pg_query.ParsePlPgSqlToJSON(stmt)
	if err == nil {
		return nil
	}
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return &SyntaxError{Range: body, Message: err.Error()}
	}
	return &SyntaxError{Range: placeInBody(stmt, body, pe), Message: pe.Message}
}

func language(fn *pg_query.CreateFunctionStmt) string {
	for _, o := range fn.Options {
		if d := o.GetDefElem(); d != nil && d.Defname == "language" {
			return d.Arg.GetString_().GetSval()
		}
	}
	return "sql"
}

// bodyRange finds the text of the AS '…' body in stmt: the string constant
// after the AS option, without its quotes.
func bodyRange(stmt string, fn *pg_query.CreateFunctionStmt) (source.Range, bool) {
	for _, o := range fn.Options {
		d := o.GetDefElem()
		if d == nil || d.Defname != "as" {
			continue
		}
		for i := int(d.Location); i < len(stmt); i++ {
			switch stmt[i] {
			case '$':
				if tag, ok := dollarTag(stmt, i); ok {
					end := strings.Index(stmt[i+len(tag):], tag)
					if end < 0 {
						return source.Range{}, false
					}
					return source.Range{Start: i + len(tag), End: i + len(tag) + end}, true
				}
			case '\'':
				end := quotedEnd(stmt, i, '\'', i > 0 && (stmt[i-1] == 'E' || stmt[i-1] == 'e'))
				return source.Range{Start: i + 1, End: max(i+1, end-1)}, true
			}
		}
	}
	return source.Range{}, false
}

var (
	nearLine = regexp.MustCompile(`near line (\d+)`)
	quoted   = regexp.MustCompile(`"([^"]+)"`)
)

// placeInBody turns a PL/pgSQL error into a range of the body. The error
// gives no position, only "near line N": the line where the statement
// being compiled starts. The error is at or after that line, at a token
// the message quotes: it is the last such token whose preceding text
// still compiles up to its end (the parser stopped at it).
func placeInBody(stmt string, body source.Range, pe *parser.Error) source.Range {
	text := stmt[body.Start:body.End]
	from, line := 0, 1
	if m := nearLine.FindStringSubmatch(pe.Context); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[from:], '\n')
		if i < 0 {
			break
		}
		from += i + 1
	}
	if m := quoted.FindStringSubmatch(pe.Message); m != nil {
		var found *source.Range
		tried := 0
		for _, t := range tokens(text) {
			if t.Start < from || text[t.Start:t.End] != m[1] {
				continue
			}
			if tried++; tried > 64 || !viablePrefix(stmt, body, t.Start) {
				break
			}
			found = &t
		}
		if found != nil {
			return shift(*found, body.Start)
		}
	}
	end := strings.IndexByte(text[from:], '\n')
	if end < 0 {
		end = len(text) - from
	}
	l := text[from : from+end]
	trimmed := strings.TrimSpace(l)
	lead := strings.Index(l, trimmed)
	return source.Range{Start: body.Start + from + lead, End: body.Start + from + lead + len(trimmed)}
}

// viablePrefix reports whether the body cut at off compiles up to its end:
// no error, or only the one of an input that ends too soon.
func viablePrefix(stmt string, body source.Range, off int) bool {
	cut := stmt[:body.Start] + stmt[body.Start:body.Start+off] + stmt[body.End:]
	_, err := pg_query.ParsePlPgSqlToJSON(cut)
	return err == nil || strings.Contains(err.Error(), "end of input")
}

// ResetCache forgets every parsed text; benchmarks of first parses use it.
func ResetCache() {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	cache.m, cache.l, cache.size = map[string]*list.Element{}, list.New(), 0
}

// cache keeps the most recently parsed texts, up to a total text size: a
// parse tree is many times its text, so counting entries alone would let
// a few large files hold gigabytes.
var cache = &lru{maxSize: 8 << 20, m: map[string]*list.Element{}, l: list.New()}

type lru struct {
	mu      sync.Mutex
	maxSize int // bytes of text
	size    int
	m       map[string]*list.Element
	l       *list.List // of *Parsed, most recent first
}

func (c *lru) get(text string) (*Parsed, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[text]; ok {
		c.l.MoveToFront(e)
		return e.Value.(*Parsed), true
	}
	return nil, false
}

func (c *lru) put(text string, p *Parsed) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[text]; ok || len(text) > c.maxSize/4 {
		return // cached already, or too large to keep
	}
	c.m[text] = c.l.PushFront(p)
	c.size += len(text)
	for c.size > c.maxSize {
		old := c.l.Remove(c.l.Back()).(*Parsed)
		delete(c.m, old.Text)
		c.size -= len(old.Text)
	}
}

// String describes a syntax error for logs and tests.
func (e SyntaxError) String() string {
	return fmt.Sprintf("%d-%d: %s", e.Range.Start, e.Range.End, e.Message)
}
