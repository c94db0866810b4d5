package sqlsupport

import (
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
)

// sfTokKind classifies the tokens of sfLex.
type sfTokKind int

const (
	sfWord    sfTokKind = iota // a keyword or unquoted identifier
	sfQuoted                   // a "quoted identifier"
	sfString                   // a '…' string (E'…', B'…' and the like included)
	sfDollar                   // a $tag$…$tag$ string
	sfComment                  // -- … or /* … */
	sfPunct                    // any other byte (a parameter $1 is a word)
)

// sfTok is a token of sfLex: text[Start:End].
type sfTok struct {
	Start, End int
	Kind       sfTokKind
}

// sfLex splits text[from:to] into the tokens symbols, folds and directives
// need. It scans strings, quoted names, dollar quotes and comments the way
// Split does, so a token never starts inside one of them.
func sfLex(text string, from, to int) []sfTok {
	s := text[:to]
	var out []sfTok
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			end := i + j
			if end > i && s[end-1] == '\r' {
				end--
			}
			out = append(out, sfTok{i, end, sfComment})
			i += j
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			j := blockCommentEnd(s, i)
			out = append(out, sfTok{i, j, sfComment})
			i = j
		case c == '\'':
			j := quotedEnd(s, i, '\'', false) // E'' strings are read with their prefix
			out = append(out, sfTok{i, j, sfString})
			i = j
		case c == '"':
			j := quotedEnd(s, i, '"', false)
			out = append(out, sfTok{i, j, sfQuoted})
			i = j
		case c == '$':
			if tag, ok := dollarTag(s, i); ok {
				j := strings.Index(s[i+len(tag):], tag)
				if j < 0 {
					j = len(s)
				} else {
					j += i + 2*len(tag)
				}
				out = append(out, sfTok{i, j, sfDollar})
				i = j
				continue
			}
			j := i + 1
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			out = append(out, sfTok{i, j, sfWord})
			i = j
		case isIdentByte(c):
			j := i
			for j < len(s) && (isIdentByte(s[j]) || s[j] == '$') {
				j++
			}
			// A string prefix (E'', B'', X'', U&'') belongs to the string.
			if j < len(s) && s[j] == '\'' && j-i == 1 && strings.ContainsRune("EeBbXxNn", rune(c)) {
				k := quotedEnd(s, j, '\'', c == 'E' || c == 'e')
				out = append(out, sfTok{i, k, sfString})
				i = k
				continue
			}
			out = append(out, sfTok{i, j, sfWord})
			i = j
		default:
			out = append(out, sfTok{i, i + 1, sfPunct})
			i++
		}
	}
	return out
}

// sfCode drops the comments of toks.
func sfCode(toks []sfTok) []sfTok {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Kind != sfComment {
			out = append(out, t)
		}
	}
	return out
}

// is reports whether t is the keyword (or punctuation) w, ignoring case.
func (t sfTok) is(text, w string) bool {
	return (t.Kind == sfWord || t.Kind == sfPunct) && strings.EqualFold(text[t.Start:t.End], w)
}

// sfName reads a possibly qualified name (a, a.b, "A"."b c") whose
// first part is toks[i]. It returns the name as written, without blanks
// around the dots, its range, and the index after it.
func sfName(text string, toks []sfTok, i int) (string, source.Range, int, bool) {
	if i >= len(toks) || toks[i].Kind != sfWord && toks[i].Kind != sfQuoted {
		return "", source.Range{}, i, false
	}
	r := source.Range{Start: toks[i].Start, End: toks[i].End}
	parts := []string{text[toks[i].Start:toks[i].End]}
	i++
	for i+1 < len(toks) && toks[i].is(text, ".") && (toks[i+1].Kind == sfWord || toks[i+1].Kind == sfQuoted) {
		parts = append(parts, text[toks[i+1].Start:toks[i+1].End])
		r.End = toks[i+1].End
		i += 2
	}
	return strings.Join(parts, "."), r, i, true
}

// sfAt returns the index of the first token starting at or after off.
func sfAt(toks []sfTok, off int) int {
	for i, t := range toks {
		if t.Start >= off {
			return i
		}
	}
	return len(toks)
}

// sfAfter returns the index of the token after the first keyword kw at or
// after i, skipping the words in skip (IF NOT EXISTS, CONCURRENTLY, …).
func sfAfter(text string, toks []sfTok, i int, kw string, skip ...string) int {
	for ; i < len(toks); i++ {
		if toks[i].is(text, kw) {
			break
		}
	}
	i++
	for i < len(toks) {
		skipped := false
		for _, w := range skip {
			if toks[i].is(text, w) {
				skipped = true
				break
			}
		}
		if !skipped {
			break
		}
		i++
	}
	return i
}

// sfElement returns the end of the list element starting at toks[i]: the
// end of its last token before a "," or ";" or an unmatched ")" at its
// depth.
func sfElement(toks []sfTok, text string, i int) int {
	depth := 0
	end := toks[min(i, len(toks)-1)].End
	for ; i < len(toks); i++ {
		switch {
		case toks[i].is(text, "(") || toks[i].is(text, "["):
			depth++
		case toks[i].is(text, ")") || toks[i].is(text, "]"):
			if depth == 0 {
				return end
			}
			depth--
		case depth == 0 && (toks[i].is(text, ",") || toks[i].is(text, ";")):
			return end
		}
		end = toks[i].End
	}
	return end
}
