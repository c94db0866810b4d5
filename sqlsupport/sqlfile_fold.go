package sqlsupport

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Folds returns the script's folding ranges (m is the line index of its
// Text): each multi-line statement, each multi-line dollar-quoted body on
// its own, multi-line /* */ comments, runs of two or more whole-line --
// comments, and the sections of an atlas:txtar file. A range whose last
// line starts with its closer (")" or the closing $tag$) stops on the line
// before, so the closer stays visible. One range is kept per start line,
// the longest.
func (s *Script) Folds(m *source.Mapper) []source.FoldRange {
	var out []source.FoldRange
	add := func(start, end int, kind source.FoldKind) {
		if end > start {
			out = append(out, source.FoldRange{StartLine: start, EndLine: end, Kind: kind})
		}
	}
	for _, sec := range s.Sections {
		last := sec.Header.Start
		if sec.Data.End > sec.Data.Start {
			last = sec.Data.End - 1
		}
		add(m.Line(sec.Header.Start), m.Line(last), source.FoldRegion)
	}
	var comments []sfTok
	for _, st := range s.Stmts {
		toks := sfLex(s.Text, st.Range.Start, st.Range.End)
		start, end := m.Line(st.Range.Start), m.Line(st.Range.End-1)
		if s.closerStarts(m, toks, end) {
			end--
		}
		add(start, end, source.FoldRegion)
		for _, t := range toks {
			switch t.Kind {
			case sfDollar:
				tag, _ := dollarTag(s.Text, t.Start)
				closing := t.End - len(tag)
				if closing <= t.Start || !strings.HasSuffix(s.Text[:t.End], tag) {
					closing = t.End // unterminated: it runs to the end
				}
				end := m.Line(closing)
				if sfBlanksBefore(m, closing) {
					end--
				}
				add(m.Line(t.Start), end, source.FoldRegion)
			case sfComment:
				comments = append(comments, t)
			}
		}
	}
	for _, g := range s.gaps() {
		for _, t := range sfLex(s.Text, g.Start, g.End) {
			if t.Kind == sfComment {
				comments = append(comments, t)
			}
		}
	}
	slices.SortFunc(comments, func(a, b sfTok) int { return a.Start - b.Start })
	runStart, runEnd := -1, -1
	flush := func() {
		add(runStart, runEnd, source.FoldComment)
		runStart, runEnd = -1, -1
	}
	for _, t := range comments {
		line := m.Line(t.Start)
		if strings.HasPrefix(s.Text[t.Start:], "/*") {
			flush()
			add(line, m.Line(t.End-1), source.FoldComment)
			continue
		}
		if !sfBlanksBefore(m, t.Start) {
			continue
		}
		if runStart >= 0 && line == runEnd+1 {
			runEnd = line
			continue
		}
		flush()
		runStart, runEnd = line, line
	}
	flush()
	return sfNormalizeFolds(out)
}

// closerStarts reports whether the code on line starts with a closer: ")" or
// the closing tag of a dollar-quoted body opened on an earlier line.
func (s *Script) closerStarts(m *source.Mapper, toks []sfTok, line int) bool {
	start := m.LineStart(line)
	for _, t := range toks {
		switch {
		case t.Kind == sfComment || t.End <= start:
			continue
		case t.Kind == sfDollar && t.Start < start:
			tag, _ := dollarTag(s.Text, t.Start)
			return sfBlanksBefore(m, t.End-len(tag)) && m.Line(t.End-len(tag)) == line
		case t.Start >= start:
			return t.is(s.Text, ")") && sfBlanksBefore(m, t.Start)
		}
		return false
	}
	return false
}

// gaps are the parts of the scanned text outside statements and
// delimiters: where comments between statements are.
func (s *Script) gaps() []source.Range {
	cuts := make([]source.Range, 0, len(s.Stmts)+len(s.delims))
	for _, st := range s.Stmts {
		cuts = append(cuts, st.Range)
	}
	cuts = append(cuts, s.delims...)
	slices.SortFunc(cuts, func(a, b source.Range) int { return a.Start - b.Start })
	var out []source.Range
	for _, sc := range s.scans {
		pos := sc.Start
		for _, c := range cuts {
			if c.End <= sc.Start || c.Start >= sc.End {
				continue
			}
			if c.Start > pos {
				out = append(out, source.Range{Start: pos, End: c.Start})
			}
			pos = max(pos, c.End)
		}
		if pos < sc.End {
			out = append(out, source.Range{Start: pos, End: sc.End})
		}
	}
	return out
}

// sfBlanksBefore reports whether only blanks precede off on its line.
func sfBlanksBefore(m *source.Mapper, off int) bool {
	return strings.TrimSpace(m.Text()[m.LineStart(m.Line(off)):off]) == ""
}

// sfNormalizeFolds sorts by start line and keeps one range per start line,
// the longest: clients fold by line.
func sfNormalizeFolds(in []source.FoldRange) []source.FoldRange {
	slices.SortStableFunc(in, func(a, b source.FoldRange) int {
		if a.StartLine != b.StartLine {
			return a.StartLine - b.StartLine
		}
		return b.EndLine - a.EndLine
	})
	out := in[:0]
	for _, f := range in {
		if len(out) > 0 && out[len(out)-1].StartLine == f.StartLine {
			continue
		}
		out = append(out, f)
	}
	return out
}
