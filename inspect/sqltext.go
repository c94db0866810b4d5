package inspect

import "strings"

// Reading the SQL text PostgreSQL deparses: its parentheses, lists and
// index elements. Deparsed text quotes strings with '…' (a quote
// doubled inside) and identifiers with "…"; no other quoting occurs.

// skipQuoted returns the index after the quoted string or identifier
// starting at s[i], or len(s) when it is not closed.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// matchParen returns the index of the parenthesis closing the one at
// s[open], or -1.
func matchParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); {
		switch s[i] {
		case '\'', '"':
			i = skipQuoted(s, i)
			continue
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return -1
}

// splitTop splits s at the commas outside parentheses and quotes,
// trimming white space; "" has no parts.
func splitTop(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '\'', '"':
			i = skipQuoted(s, i)
			continue
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
		i++
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// stripParens removes the parentheses around the whole of an expression,
// as the syntax requires them around checks, predicates and index
// expressions; a parenthesised list (a row) keeps them.
func stripParens(s string) string {
	s = strings.TrimSpace(s)
	for len(s) > 1 && s[0] == '(' && matchParen(s, 0) == len(s)-1 {
		inner := s[1 : len(s)-1]
		if len(splitTop(inner)) != 1 {
			break
		}
		s = strings.TrimSpace(inner)
	}
	return s
}

// identEnd returns the index after the identifier or qualified name
// starting at s[i] (each part plain or quoted), or i when there is none.
func identEnd(s string, i int) int {
	for {
		j := i
		switch {
		case j < len(s) && s[j] == '"':
			j = skipQuoted(s, j)
		default:
			for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9' || s[j] >= 0x80) {
				j++
			}
		}
		if j == i || j >= len(s) || s[j] != '.' {
			return j
		}
		i = j + 1
	}
}

// unquoteName spells a possibly qualified, possibly quoted name with its
// parts unquoted and joined by dots.
func unquoteName(s string) string {
	var parts []string
	for i := 0; i < len(s); {
		j := i
		if s[i] == '"' {
			j = skipQuoted(s, i)
			parts = append(parts, strings.ReplaceAll(s[i+1:max(j-1, i+1)], `""`, `"`))
		} else {
			for j < len(s) && s[j] != '.' {
				j++
			}
			parts = append(parts, s[i:j])
		}
		i = j + 1 // past the dot
	}
	return strings.Join(parts, ".")
}

// elemTail reads an index or partition key element as pg_get_indexdef
// and pg_get_partkeydef print it: a column, a function call or a
// parenthesised expression (the head), then COLLATE name, an operator
// class and ordering words. Names come back unquoted; a collation in
// pg_catalog without its schema, as the loader keeps it.
func elemTail(elem string) (head, collate, ops string, words []string) {
	elem = strings.TrimSpace(elem)
	end := 0
	if strings.HasPrefix(elem, "(") {
		end = matchParen(elem, 0) + 1
	} else {
		end = identEnd(elem, 0)
		if end < len(elem) && elem[end] == '(' {
			end = matchParen(elem, end) + 1
		}
	}
	if end <= 0 {
		return elem, "", "", nil
	}
	head = elem[:end]
	rest := strings.TrimSpace(elem[end:])
	for rest != "" {
		word := rest[:max(identEnd(rest, 0), 1)]
		rest = strings.TrimSpace(rest[len(word):])
		switch upper := strings.ToUpper(word); {
		case upper == "COLLATE":
			name := rest[:identEnd(rest, 0)]
			rest = strings.TrimSpace(rest[len(name):])
			collate = strings.TrimPrefix(unquoteName(name), "pg_catalog.")
		case upper == "ASC" || upper == "DESC" || upper == "NULLS" || upper == "FIRST" || upper == "LAST":
			words = append(words, upper)
		case strings.HasPrefix(rest, "("): // operator class parameters
			ops = unquoteName(word)
			rest = strings.TrimSpace(rest[matchParen(rest, 0)+1:])
		default:
			ops = unquoteName(word)
		}
	}
	return head, collate, ops, words
}

// whenClause is the condition of a trigger's WHEN clause in the text
// pg_get_triggerdef gives, or "".
func whenClause(def string) string {
	for i := 0; i < len(def); {
		switch c := def[i]; {
		case c == '\'' || c == '"':
			i = skipQuoted(def, i)
			continue
		case c == '(':
			i = matchParen(def, i) + 1
			if i == 0 {
				return ""
			}
			continue
		case strings.HasPrefix(def[i:], "WHEN (") && (i == 0 || def[i-1] == ' '):
			open := i + len("WHEN ")
			if end := matchParen(def, open); end > open {
				return strings.TrimSpace(def[open+1 : end])
			}
			return ""
		}
		i++
	}
	return ""
}
