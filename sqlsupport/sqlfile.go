package sqlsupport

import (
	"strings"
	"sync"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
)

// CodeDirective is the diagnostic code of misspelt, misplaced or
// malformed atlas: directives.
const CodeDirective = "atlas-directive"

// Script is a .sql file (or a .sql section of an archive) read the way
// Atlas reads migration files: its atlas: directives, its statements, split
// on the delimiter atlas:delimiter sets (";" by default) and each parsed
// with pg_query, and, for an atlas:txtar file, its sections. It is shared:
// never modify.
type Script struct {
	Text       string
	Delimiter  string // the statement delimiter: ";" unless atlas:delimiter sets another
	Stmts      []ScriptStmt
	Directives []Directive
	Sections   []ScriptSection // the sections of an atlas:txtar file, else none

	parts     []sfPart       // the texts parsed, each a Parsed at an offset of Text
	delims    []source.Range // where a custom delimiter ends a statement
	scans     []source.Range // the SQL of Text: all of it, or the archive's comment and section data
	dirDiags  []source.Diagnostic
	diagsOnce sync.Once
	diags     []source.Diagnostic
}

// ScriptStmt is one statement of a Script.
type ScriptStmt struct {
	Range source.Range   // bytes of Text, semicolon included
	Node  *pg_query.Node // nil when the statement does not parse
	// locs is the offset pg_query's locations in Node count from.
	locs int
}

// ScriptSection is one file of an atlas:txtar archive: a "-- name --"
// header line and the data up to the next header.
type ScriptSection struct {
	Name   string
	Header source.Range // the header line, without its line break
	Data   source.Range
}

// Directive is an "-- atlas:name args" comment.
type Directive struct {
	Name  string       // after "atlas:": sum, delimiter, nolint, …
	Args  string       // the rest of the comment, after the blanks following the name
	Range source.Range // the comment
	// File is set for file directives Atlas reads: comment lines at the
	// top of the file (or section) followed by a blank line.
	File bool
	// Stmt is the index in Stmts of the statement an atlas:nolint applies
	// to; -1 for other directives.
	Stmt int

	prefix    string // what precedes "atlas:" in the comment ("-- ", "--", "/*")
	name      source.Range
	argsStart int
}

type sfPart struct {
	off int
	p   *Parsed
}

// ParseScript reads a .sql file. Each statement (or, with a custom
// delimiter, each piece between delimiters) goes through Parse, whose
// cache answers a text parsed before.
func ParseScript(text string) *Script { return parseScript(text, false) }

func parseScript(text string, section bool) *Script {
	s := &Script{Text: text, Delimiter: ";"}
	head := sfReadHead(text)
	if !section && head.blank && head.has(text, "txtar") {
		s.readArchive(head)
		return s
	}
	var units, delims []source.Range // Atlas's statements; delimiter occurrences
	if d, ok := sfDelimiter(text); ok && d != ";" {
		s.Delimiter = d
		from := strings.IndexByte(text, '\n') + 1
		if from == 0 {
			from = len(text)
		}
		var pieces []source.Range
		pieces, delims = sfSplitDelim(text, from, d)
		for _, r := range pieces {
			p := Parse(text[r.Start:r.End])
			if len(p.Stmts) == 0 {
				continue
			}
			s.parts = append(s.parts, sfPart{r.Start, p})
			units = append(units, source.Range{Start: r.Start + p.Stmts[0].Range.Start, End: r.End})
		}
	} else {
		// Statement by statement, so that after an edit the cache answers
		// every statement but the edited ones.
		for _, r := range Split(text) {
			s.parts = append(s.parts, sfPart{r.Start, Parse(text[r.Start:r.End])})
			units = append(units, r)
		}
	}
	for _, pt := range s.parts {
		for _, st := range pt.p.Stmts {
			s.Stmts = append(s.Stmts, ScriptStmt{Range: shift(st.Range, pt.off), Node: st.Node, locs: pt.off + st.Range.Start})
		}
	}
	s.delims, s.scans = delims, []source.Range{{Start: 0, End: len(text)}}
	s.readDirectives(head, section, units, delims, s.scans[0])
	return s
}

// Diagnostics are the script's problems: a syntax error per broken
// statement (PL/pgSQL bodies included) and the directives' problems.
func (s *Script) Diagnostics() []source.Diagnostic {
	s.diagsOnce.Do(func() {
		for _, pt := range s.parts {
			for _, e := range pt.p.Errors() {
				s.diags = append(s.diags, source.Diagnostic{
					Range:    shift(e.Range, pt.off),
					Severity: source.Error,
					Code:     CodeSyntax,
					Message:  "SQL: " + e.Message,
				})
			}
		}
		s.diags = append(s.diags, s.dirDiags...)
	})
	return s.diags
}

// readArchive reads an atlas:txtar file: the directives of its leading
// comment, then each section as a file of its own.
func (s *Script) readArchive(head sfHead) {
	s.Sections = sfSections(s.Text)
	end := len(s.Text)
	if len(s.Sections) > 0 {
		end = s.Sections[0].Header.Start
	}
	s.scans = []source.Range{{Start: 0, End: end}}
	s.readDirectives(head, false, nil, nil, s.scans[0])
	for _, sec := range s.Sections {
		sub := parseScript(s.Text[sec.Data.Start:sec.Data.End], true)
		off := sec.Data.Start
		s.scans = append(s.scans, sec.Data)
		for _, d := range sub.delims {
			s.delims = append(s.delims, shift(d, off))
		}
		for _, pt := range sub.parts {
			s.parts = append(s.parts, sfPart{pt.off + off, pt.p})
		}
		for _, st := range sub.Stmts {
			st.Range, st.locs = shift(st.Range, off), st.locs+off
			s.Stmts = append(s.Stmts, st)
		}
		base := len(s.Stmts) - len(sub.Stmts)
		for _, d := range sub.Directives {
			d.Range, d.name, d.argsStart = shift(d.Range, off), shift(d.name, off), d.argsStart+off
			if d.Stmt >= 0 {
				d.Stmt += base
			}
			s.Directives = append(s.Directives, d)
		}
		for _, d := range sub.dirDiags {
			d.Range = shift(d.Range, off)
			s.dirDiags = append(s.dirDiags, d)
		}
	}
}

// sfSections splits text the way golang.org/x/tools/txtar does: a
// header is a line "-- NAME --" with a non-empty name, CRLF accepted.
func sfSections(text string) []ScriptSection {
	var out []ScriptSection
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		line := text[off:]
		if end >= 0 {
			next = off + end + 1
			line = strings.TrimSuffix(text[off:off+end], "\r")
		}
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) >= len("-- ")+len(" --") {
			if name := strings.TrimSpace(line[3 : len(line)-3]); name != "" {
				if n := len(out); n > 0 {
					out[n-1].Data.End = off
				}
				out = append(out, ScriptSection{
					Name:   name,
					Header: source.Range{Start: off, End: off + len(line)},
					Data:   source.Range{Start: next, End: len(text)},
				})
			}
		}
		off = next
	}
	return out
}

// sfHead is the run of comment lines at the top of a file, where Atlas reads
// file directives: lines starting with "--" before any other line.
type sfHead struct {
	end   int  // where the run ends: the start of the line after it
	blank bool // a blank line follows the run (required for file directives)
}

func sfReadHead(text string) sfHead {
	off := 0
	for strings.HasPrefix(text[off:], "--") {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return sfHead{end: len(text)}
		}
		off += j + 1
	}
	rest := text[off:]
	return sfHead{end: off, blank: off > 0 && (strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n"))}
}

// has reports whether the head holds the directive atlas:name.
func (h sfHead) has(text, name string) bool {
	for _, line := range strings.Split(text[:h.end], "\n") {
		if d, ok := sfDirective(strings.TrimRight(line, "\r"), sfTok{0, len(strings.TrimRight(line, "\r")), sfComment}); ok && d.Name == name {
			return true
		}
	}
	return false
}

// sfDelimiter returns the delimiter a first line
// "-- atlas:delimiter D" sets, with \n, \r and \t unescaped as Atlas does.
func sfDelimiter(text string) (string, bool) {
	line := text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	line = strings.TrimRight(line, "\r")
	d, ok := sfDirective(line, sfTok{0, len(line), sfComment})
	if !ok || d.Name != "delimiter" || d.prefix != "-- " || d.Args == "" {
		return "", false
	}
	return strings.NewReplacer(`\n`, "\n", `\r`, "\r", `\t`, "\t").Replace(d.Args), true
}

// sfSplitDelim splits text[from:] on delim the way Atlas's scanner does once
// atlas:delimiter set one: a delimiter ends a statement wherever it
// appears outside quotes and parentheses, even where a comment would start
// ("-- end"); dollar-quoted bodies and comments are skipped. It returns
// the statements, blanks trimmed and without their delimiter, and the
// delimiters.
func sfSplitDelim(text string, from int, delim string) (stmts, delims []source.Range) {
	depth, start := 0, from
	flush := func(end int) {
		r := source.Range{Start: start, End: end}
		for r.Start < r.End && sfSpace(text[r.Start]) {
			r.Start++
		}
		for r.End > r.Start && sfSpace(text[r.End-1]) {
			r.End--
		}
		if r.End > r.Start {
			stmts = append(stmts, r)
		}
	}
	for i := from; i < len(text); {
		c := text[i]
		switch {
		case c == '(':
			depth++
			i++
			continue
		case c == ')':
			depth = max(0, depth-1)
			i++
			continue
		case c == '\'' || c == '"':
			estr := c == '\'' && i > 0 && (text[i-1] == 'E' || text[i-1] == 'e') && (i < 2 || !isIdentByte(text[i-2]))
			i = quotedEnd(text, i, c, estr)
			continue
		case depth == 0 && strings.HasPrefix(text[i:], delim):
			flush(i)
			delims = append(delims, source.Range{Start: i, End: i + len(delim)})
			i += len(delim)
			start = i
			continue
		case c == '$':
			if tag, ok := dollarTag(text, i); ok {
				j := strings.Index(text[i+len(tag):], tag)
				if j < 0 {
					i = len(text)
				} else {
					i += 2*len(tag) + j
				}
				continue
			}
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
				i += j
				continue
			}
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			if j := strings.Index(text[i+2:], "*/"); j >= 0 {
				i += j + 4
				continue
			}
		}
		i++
	}
	flush(len(text))
	return stmts, delims
}

func sfSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// sfBlankLine reports whether text, which runs from the end of a comment
// to the start of a statement, holds a whole blank line.
func sfBlankLine(text string) bool {
	lines := strings.Split(text, "\n")
	if len(lines) < 3 {
		return false
	}
	for _, l := range lines[1 : len(lines)-1] {
		if strings.TrimSpace(l) == "" {
			return true
		}
	}
	return false
}
