package schema

import "strings"

// SplitName splits a name as SQL writes it — parts separated by dots,
// each a plain identifier (folded to lower case, as PostgreSQL folds
// it) or a quoted one (kept as written, "" read as ") — and reports
// whether its last part was quoted. ok is false for text that is not
// such a name.
func SplitName(s string) (parts []string, lastQuoted, ok bool) {
	s = strings.TrimSpace(s)
	for {
		var part string
		if strings.HasPrefix(s, `"`) {
			var b strings.Builder
			end := 1
			for ; end < len(s); end++ {
				if s[end] == '"' {
					if end+1 < len(s) && s[end+1] == '"' {
						b.WriteByte('"')
						end++
						continue
					}
					break
				}
				b.WriteByte(s[end])
			}
			if end >= len(s) || b.Len() == 0 {
				return nil, false, false
			}
			part, s, lastQuoted = b.String(), s[end+1:], true
		} else {
			end := 0
			for end < len(s) && isIdentChar(s[end], end == 0) {
				end++
			}
			if end == 0 {
				return nil, false, false
			}
			part, s, lastQuoted = strings.ToLower(s[:end]), s[end:], false
		}
		parts = append(parts, part)
		if s == "" {
			return parts, lastQuoted, true
		}
		if s[0] != '.' || len(s) == 1 {
			return nil, false, false
		}
		s = s[1:]
	}
}

// isIdentChar: letters, _, bytes of non-ASCII characters, and after the
// first, digits and $.
func isIdentChar(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 ||
		!first && (c >= '0' && c <= '9' || c == '$')
}
