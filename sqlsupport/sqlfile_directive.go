package sqlsupport

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/internal/suggest"
)

// sfDirectiveNames are the atlas: directives of Atlas's migration files:
// atlas:sum, atlas:delimiter and atlas:checkpoint (sql/migrate), atlas:nolint
// (migrate lint), atlas:txmode (migrate apply), atlas:txtar and atlas:assert
// (pre-migration checks).
var sfDirectiveNames = []string{"sum", "delimiter", "nolint", "txtar", "txmode", "checkpoint", "assert"}

// sfNolintNames are what atlas:nolint accepts: analyzer names (the blocks of
// atlas.hcl's lint block) and check codes (lint/analyzers in Atlas's docs).
var sfNolintNames = []string{
	"destructive", "data_depend", "incompatible", "naming", "concurrent_index", "non_linear", "condrop",
	"BC101", "BC102", "CD101", "DS101", "DS102", "DS103",
	"MF101", "MF102", "MF103", "MF104",
	"PG101", "PG102", "PG103", "PG104", "PG105", "PG110",
	"PG301", "PG302", "PG303", "PG304", "PG305", "PG306",
	"MY101", "MY102", "MY110", "MY111", "MY112", "MY113", "MY120", "MY121", "MY122", "MY123",
	"NM101", "NM102", "NM103", "NM104", "NM105", "NM106", "LT101",
}

// sfDirective reads the comment t of text as a directive: "--", "/*"
// and blanks, then "atlas:" and a name, then blanks and arguments.
func sfDirective(text string, t sfTok) (Directive, bool) {
	c := text[t.Start:t.End]
	var body, prefix string
	switch {
	case strings.HasPrefix(c, "--"):
		body, prefix = c[2:], "--"
	case strings.HasPrefix(c, "/*") && !strings.Contains(c, "\n"):
		body, prefix = strings.TrimSuffix(c[2:], "*/"), "/*"
	default:
		return Directive{}, false
	}
	trimmed := strings.TrimLeft(body, " \t")
	if !strings.HasPrefix(trimmed, "atlas:") {
		return Directive{}, false
	}
	start := t.Start + 2 + len(body) - len(trimmed) // of "atlas:"
	prefix += body[:len(body)-len(trimmed)]
	rest := trimmed[len("atlas:"):]
	n := 0
	for n < len(rest) && (isIdentByte(rest[n]) && rest[n] < 0x80) {
		n++
	}
	d := Directive{
		Name:   rest[:n],
		Range:  source.Range{Start: t.Start, End: t.End},
		Stmt:   -1,
		prefix: prefix,
		name:   source.Range{Start: start, End: start + len("atlas:") + n},
	}
	if args := rest[n:]; args != "" && (args[0] == ' ' || args[0] == '\t') {
		d.Args = strings.TrimLeft(args, " \t")
		if prefix[:2] == "/*" {
			d.Args = strings.TrimRight(d.Args, " \t")
		}
		d.argsStart = d.name.End + len(args) - len(strings.TrimLeft(args, " \t"))
	}
	return d, true
}

// readDirectives finds the directives in the comments of scan and checks
// them. units are Atlas's statements, delims the delimiters between them
// (never comments, though "-- end" looks like one).
func (s *Script) readDirectives(h sfHead, section bool, units, delims []source.Range, scan source.Range) {
	type cut struct {
		r      source.Range
		inside bool
	}
	var cuts []cut
	for _, u := range units {
		cuts = append(cuts, cut{u, true})
	}
	for _, d := range delims {
		cuts = append(cuts, cut{d, false})
	}
	slices.SortFunc(cuts, func(a, b cut) int { return a.r.Start - b.r.Start })
	visit := func(from, to int, inside bool) {
		if from >= to || !strings.Contains(s.Text[from:to], "atlas:") {
			return
		}
		for _, t := range sfLex(s.Text, from, to) {
			if t.Kind != sfComment {
				continue
			}
			if d, ok := sfDirective(s.Text, t); ok {
				s.checkDirective(&d, h, section, inside, units)
				s.Directives = append(s.Directives, d)
			}
		}
	}
	pos := scan.Start
	for _, c := range cuts {
		visit(pos, min(c.r.Start, scan.End), false)
		if c.inside {
			visit(c.r.Start, min(c.r.End, scan.End), true)
		}
		pos = max(pos, c.r.End)
	}
	visit(pos, scan.End, false)
}

func (s *Script) report(r source.Range, sev source.Severity, format string, args ...any) {
	s.dirDiags = append(s.dirDiags, source.Diagnostic{Range: r, Severity: sev, Code: CodeDirective, Message: fmt.Sprintf(format, args...)})
}

// checkDirective reports what makes d misspelt, misplaced or malformed,
// following how Atlas reads each directive, and sets d.File and d.Stmt.
func (s *Script) checkDirective(d *Directive, h sfHead, section, inside bool, units []source.Range) {
	text := s.Text
	lineStart := strings.LastIndexByte(text[:d.Range.Start], '\n') + 1
	firstLine := lineStart == 0
	ownLine := strings.TrimSpace(text[lineStart:d.Range.Start]) == ""
	inHead := d.Range.Start < h.end && lineStart == d.Range.Start
	w := source.Warning
	if !slices.Contains(sfDirectiveNames, d.Name) {
		if d.Name == "" {
			s.report(d.name, w, "Directive name missing after \"atlas:\"")
			return
		}
		msg := fmt.Sprintf("Unknown directive \"atlas:%s\"", d.Name)
		if c := suggest.Closest(d.Name, sfDirectiveNames); c != "" {
			msg += fmt.Sprintf("; did you mean \"atlas:%s\"?", c)
		}
		s.report(d.name, w, "%s", msg)
		return
	}
	if inside {
		s.report(d.name, w, "atlas:%s inside a statement has no effect; Atlas reads directives from the comments above a statement", d.Name)
		return
	}
	fileDirective := func() bool {
		switch {
		case !inHead:
			s.report(d.name, w, "atlas:%s is a file directive: Atlas reads it only in the comment lines at the top of the file, followed by a blank line", d.Name)
		case !h.blank:
			s.report(d.name, w, "File directives must be followed by a blank line; without one Atlas takes atlas:%s for a comment of the first statement", d.Name)
		default:
			d.File = true
		}
		return d.File
	}
	switch d.Name {
	case "sum":
		switch {
		case !firstLine:
			s.report(d.name, w, "atlas:sum is read only on the first line of the file; here it has no effect")
		case d.Args != "ignore":
			s.badValue(d, "atlas:sum", []string{"ignore"})
		}
	case "delimiter":
		switch {
		case !firstLine || d.Range.Start != 0:
			s.report(d.name, w, "atlas:delimiter is read only as the first line of the file; here it has no effect and statements end at \";\"")
		case d.prefix != "-- ":
			s.report(d.name, w, "Atlas reads atlas:delimiter only spelt \"-- atlas:delimiter\" (one space after --); this one has no effect")
		case d.Args == "":
			s.report(d.name, source.Error, "atlas:delimiter needs a delimiter, as in \"-- atlas:delimiter -- end\"")
		case strings.TrimRight(d.Args, " \t") != d.Args:
			s.report(d.args(), w, "The delimiter %q ends with blanks, which Atlas keeps as part of it", d.Args)
		case !strings.Contains(text, "\n"):
			s.report(d.name, source.Error, "Nothing follows atlas:delimiter: Atlas needs statements on the lines below it")
		}
	case "nolint":
		s.checkNolint(d, inHead && h.blank, ownLine, units)
	case "txtar":
		if section {
			s.report(d.name, w, "atlas:txtar inside an archive section has no effect")
		} else if fileDirective() && strings.TrimSpace(d.Args) != "" {
			s.report(d.args(), w, "atlas:txtar takes no arguments")
		}
	case "txmode":
		if v := strings.TrimSpace(d.Args); fileDirective() && v != "none" && v != "file" {
			s.badValue(d, "atlas:txmode", []string{"none", "file"})
		}
	case "checkpoint":
		fileDirective()
	case "assert":
		if !section {
			s.report(d.name, w, "atlas:assert applies only to the check files of an atlas:txtar archive")
		} else if fileDirective() && strings.TrimSpace(d.Args) != "oneof" {
			s.badValue(d, "atlas:assert", []string{"oneof"})
		}
	}
}

// checkNolint checks an atlas:nolint's names and ties it to the statement
// right below it: Atlas reads a statement's directives from the comments
// just above it, and a blank line detaches them.
func (s *Script) checkNolint(d *Directive, file, ownLine bool, units []source.Range) {
	w := source.Warning
	off := d.argsStart
	for _, f := range strings.Fields(d.Args) {
		i := strings.Index(s.Text[off:], f)
		r := source.Range{Start: off + i, End: off + i + len(f)}
		off = r.End
		if slices.Contains(sfNolintNames, f) {
			continue
		}
		msg := fmt.Sprintf("Unknown check or analyzer %q in atlas:nolint", f)
		if c := suggest.Closest(f, sfNolintNames); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		s.report(r, w, "%s", msg)
	}
	if file {
		d.File = true
		return
	}
	if !ownLine {
		s.report(d.name, w, "atlas:nolint after code applies to the next statement, not to this one; put it on its own line above the statement")
		return
	}
	if d.prefix != "--" && d.prefix != "-- " && d.prefix != "/*" {
		s.report(d.name, w, "Atlas reads atlas:nolint above a statement only spelt \"-- atlas:nolint\", \"--atlas:nolint\" or \"/*atlas:nolint*/\"; this one has no effect")
		return
	}
	i := slices.IndexFunc(units, func(u source.Range) bool { return u.Start >= d.Range.End })
	if i < 0 || sfBlankLine(s.Text[d.Range.End:units[i].Start]) {
		s.report(d.name, w, "atlas:nolint applies to the statement right below it; with a blank line or nothing below, it has no effect")
		return
	}
	d.Stmt = slices.IndexFunc(s.Stmts, func(st ScriptStmt) bool { return st.Range.Start >= units[i].Start })
}

// badValue reports a directive argument that is not one of want.
func (s *Script) badValue(d *Directive, what string, want []string) {
	if d.Args == "" {
		s.report(d.name, source.Warning, "%s needs an argument: %s", what, strings.Join(want, " or "))
		return
	}
	msg := fmt.Sprintf("Unknown %s argument %q (want %s)", what, d.Args, strings.Join(want, " or "))
	if c := suggest.Closest(d.Args, want); c != "" {
		msg = fmt.Sprintf("Unknown %s argument %q; did you mean %q?", what, d.Args, c)
	}
	s.report(d.args(), source.Warning, "%s", msg)
}

// args is the range of the directive's arguments (its name when it has none).
func (d *Directive) args() source.Range {
	if d.Args == "" {
		return d.name
	}
	return source.Range{Start: d.argsStart, End: d.argsStart + len(d.Args)}
}
