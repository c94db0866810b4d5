package marker

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Marker is one @name(args) found in a comment.
type Marker struct {
	File string // the file whose comment holds it; "" for prose markers
	Line int    // 0-based line in File
	Name string
	Args []string // raw argument texts
	From int      // where "text" locations start searching
}

func (m Marker) String() string {
	if m.File == "" {
		return fmt.Sprintf("@%s(%s)", m.Name, strings.Join(m.Args, ", "))
	}
	return fmt.Sprintf("%s:%d: @%s(%s)", m.File, m.Line+1, m.Name, strings.Join(m.Args, ", "))
}

var markerStart = regexp.MustCompile(`@(\w+)\(`)

// findMarkers returns the markers in text's comments and the byte ranges
// of those comments (which location searches skip).
func findMarkers(file, text string) ([]Marker, []source.Range, error) {
	var (
		out   []Marker
		skips []source.Range
	)
	m := source.NewMapper(text)
	for line := 0; line < m.LineCount(); line++ {
		start, end := m.LineStart(line), m.LineEnd(line)
		s := text[start:end]
		first := markerStart.FindStringIndex(s)
		if first == nil {
			continue
		}
		comment := max(strings.LastIndex(s[:first[0]], "#"), strings.LastIndex(s[:first[0]], "//"), strings.LastIndex(s[:first[0]], "--"))
		if comment < 0 {
			continue
		}
		skips = append(skips, source.Range{Start: start + comment, End: end})
		ms, err := parseMarkers(s[first[0]:])
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %v", file, line+1, err)
		}
		for _, mk := range ms {
			mk.File, mk.Line, mk.From = file, line, start
			out = append(out, mk)
		}
	}
	return out, skips, nil
}

// parseMarkers parses "@a(x, y) @b(z)" up to the end of s.
func parseMarkers(s string) ([]Marker, error) {
	var out []Marker
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out, nil
		}
		loc := markerStart.FindStringSubmatchIndex(s)
		if loc == nil || loc[0] != 0 {
			return out, nil // trailing prose after the markers
		}
		name := s[loc[2]:loc[3]]
		args, rest, err := splitArgs(s[loc[1]:])
		if err != nil {
			return nil, fmt.Errorf("@%s: %v", name, err)
		}
		out = append(out, Marker{Name: name, Args: args})
		s = rest
	}
}

// splitArgs splits "a, "b,c", re"x")rest" at top-level commas up to the
// closing parenthesis.
func splitArgs(s string) (args []string, rest string, err error) {
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '`':
			j := i + 1
			for j < len(s) && s[j] != c {
				if c == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, "", fmt.Errorf("unterminated string")
			}
			i = j
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
				continue
			}
			if a := strings.TrimSpace(s[start:i]); a != "" || len(args) > 0 {
				args = append(args, a)
			}
			return args, s[i+1:], nil
		case ',':
			if depth == 0 {
				args = append(args, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return nil, "", fmt.Errorf("missing )")
}

// unquote reads a Go string literal argument.
func unquote(arg string) (string, error) {
	s, err := strconv.Unquote(arg)
	if err != nil {
		return "", fmt.Errorf("want a quoted string, got %s", arg)
	}
	return s, nil
}

var (
	posRe  = regexp.MustCompile(`^(\d+):(\d+)$`)
	spanRe = regexp.MustCompile(`^(\d+):(\d+)-(\d+):(\d+)$`)
	fileRe = regexp.MustCompile(`^([\w./-]+\.[\w]+):(.+)$`)
)

// splitFile separates an optional "FILE:" prefix from a location.
func splitFile(loc, def string) (file, rest string) {
	if strings.HasPrefix(loc, `"`) || strings.HasPrefix(loc, `re"`) || strings.HasPrefix(loc, "`") {
		return def, loc
	}
	if m := fileRe.FindStringSubmatch(loc); m != nil {
		return m[1], m[2]
	}
	return def, loc
}

// resolve finds a location in text: a span of byte offsets. from is where
// searches start; matches inside skips are passed over.
func resolve(loc, text string, from int, skips []source.Range) (source.Range, error) {
	m := source.NewMapper(text)
	at := func(line, col string) (int, error) {
		l, _ := strconv.Atoi(line)
		c, _ := strconv.Atoi(col)
		off, ok := m.Offset(l-1, c-1, source.Runes)
		if !ok || l < 1 || c < 1 {
			return 0, fmt.Errorf("%s:%s is outside the file", line, col)
		}
		return off, nil
	}
	switch {
	case loc == "eof":
		return source.Range{Start: len(text), End: len(text)}, nil
	case posRe.MatchString(loc):
		g := posRe.FindStringSubmatch(loc)
		off, err := at(g[1], g[2])
		return source.Range{Start: off, End: off}, err
	case spanRe.MatchString(loc):
		g := spanRe.FindStringSubmatch(loc)
		start, err := at(g[1], g[2])
		if err != nil {
			return source.Range{}, err
		}
		end, err := at(g[3], g[4])
		return source.Range{Start: start, End: end}, err
	case strings.HasPrefix(loc, "re"):
		pat, err := unquote(loc[2:])
		if err != nil {
			return source.Range{}, err
		}
		rx, err := regexp.Compile(pat)
		if err != nil {
			return source.Range{}, err
		}
		for _, g := range rx.FindAllStringSubmatchIndex(text[from:], -1) {
			r := source.Range{Start: from + g[0], End: from + g[1]}
			if len(g) >= 4 && g[2] >= 0 {
				r = source.Range{Start: from + g[2], End: from + g[3]}
			}
			if !skipped(r, skips) {
				return r, nil
			}
		}
		return source.Range{}, fmt.Errorf("no match for %s", loc)
	default:
		want, err := unquote(loc)
		if err != nil {
			return source.Range{}, fmt.Errorf("bad location %s: want \"text\", re\"rx\", L:C, L:C-L:C or eof", loc)
		}
		for off := from; off <= len(text); {
			i := strings.Index(text[off:], want)
			if i < 0 {
				break
			}
			r := source.Range{Start: off + i, End: off + i + len(want)}
			if !skipped(r, skips) {
				return r, nil
			}
			off += i + 1
		}
		return source.Range{}, fmt.Errorf("%q not found", want)
	}
}

func skipped(r source.Range, skips []source.Range) bool {
	for _, s := range skips {
		if r.Start < s.End && r.End > s.Start {
			return true
		}
	}
	return false
}
