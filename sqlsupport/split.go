package sqlsupport

import (
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Split finds the statements of text: each range runs from its first
// token to its terminating semicolon (included), or to its last token for
// the final statement without one. Blank text and comments between
// statements belong to none. Semicolons inside strings, quoted names,
// comments, dollar-quoted bodies and BEGIN ATOMIC … END bodies do not
// split.
func Split(text string) []source.Range {
	var (
		out   []source.Range
		start = -1 // first token of the current statement
		last  = 0  // end of its last token
		words []string
		depth int // BEGIN ATOMIC / CASE nesting inside an atomic body
	)
	token := func(from, to int) {
		if start < 0 {
			start = from
		}
		last = to
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			i = blockCommentEnd(text, i)
		case c == ';':
			if depth > 0 {
				token(i, i+1)
				i++
				continue
			}
			if start >= 0 {
				out = append(out, source.Range{Start: start, End: i + 1})
			}
			start, words = -1, words[:0]
			i++
		case c == '\'':
			j := quotedEnd(text, i, '\'', i > 0 && (text[i-1] == 'E' || text[i-1] == 'e') && (i < 2 || !isIdentByte(text[i-2])))
			token(i, j)
			i = j
		case c == '"':
			j := quotedEnd(text, i, '"', false)
			token(i, j)
			i = j
		case c == '$':
			if tag, ok := dollarTag(text, i); ok {
				j := strings.Index(text[i+len(tag):], tag)
				if j < 0 {
					j = len(text)
				} else {
					j += i + 2*len(tag)
				}
				token(i, j)
				i = j
				continue
			}
			j := i + 1
			for j < len(text) && isIdentByte(text[j]) {
				j++
			}
			token(i, j)
			i = j
		case isIdentByte(c):
			j := i
			for j < len(text) && (isIdentByte(text[j]) || text[j] == '$') {
				j++
			}
			token(i, j)
			w := strings.ToUpper(text[i:j])
			switch {
			case w == "ATOMIC" && len(words) > 0 && words[len(words)-1] == "BEGIN" && depth == 0:
				depth = 1
			case depth > 0 && w == "CASE":
				depth++
			case depth > 0 && w == "END":
				depth--
			}
			if len(words) < 64 {
				words = append(words, w)
			} else {
				words[len(words)-1] = w
			}
			i = j
		default:
			token(i, i+1)
			i++
		}
	}
	if start >= 0 {
		out = append(out, source.Range{Start: start, End: last})
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// quotedEnd returns the end of the quoted token starting at i; a doubled
// quote stays inside, and so does a backslash-escaped one in an E” string.
// An unclosed token runs to the end.
func quotedEnd(text string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if backslash {
				j++
			}
		case q:
			if j+1 < len(text) && text[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(text)
}

// blockCommentEnd returns the end of the (nestable) comment at i.
func blockCommentEnd(text string, i int) int {
	depth := 0
	for j := i; j < len(text)-1; j++ {
		switch {
		case text[j] == '/' && text[j+1] == '*':
			depth++
			j++
		case text[j] == '*' && text[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(text)
}

// dollarTag returns the $tag$ opening a dollar-quoted string at i.
func dollarTag(text string, i int) (string, bool) {
	j := i + 1
	for j < len(text) && text[j] != '$' {
		c := text[j]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || j > i+1 && c >= '0' && c <= '9') {
			return "", false
		}
		j++
	}
	if j >= len(text) {
		return "", false
	}
	return text[i : j+1], true
}
