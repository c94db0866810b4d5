package workspace

import (
	"strings"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// Archive is a txtar file with the byte offsets txtar.Parse does not give:
// the leading comment, then sections, each a "-- name --" header line and
// the data up to the next header.
type Archive struct {
	Text     string
	Comment  source.Range
	Sections []Section
}

// Section is one file of an archive.
type Section struct {
	Name   string
	Header source.Range // the header line, without its line break
	Data   source.Range // the section's content
}

// Content is the section's text.
func (s Section) Content(a *Archive) string { return a.Text[s.Data.Start:s.Data.End] }

// ParseArchive splits text the way golang.org/x/tools/txtar does: a header
// is a line "-- NAME --" with a non-empty name, CRLF accepted.
func ParseArchive(text string) *Archive {
	a := &Archive{Text: text}
	cur := -1 // index of the open section
	off := 0
	for off < len(text) {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		line := text[off:]
		if end >= 0 {
			next = off + end + 1
			line = strings.TrimSuffix(text[off:off+end], "\r")
		}
		if name, ok := headerName(line); ok {
			if cur >= 0 {
				a.Sections[cur].Data.End = off
			} else {
				a.Comment = source.Range{Start: 0, End: off}
			}
			a.Sections = append(a.Sections, Section{
				Name:   name,
				Header: source.Range{Start: off, End: off + len(line)},
				Data:   source.Range{Start: next, End: next},
			})
			cur = len(a.Sections) - 1
		}
		off = next
	}
	if cur >= 0 {
		a.Sections[cur].Data.End = len(text)
	} else {
		a.Comment = source.Range{Start: 0, End: len(text)}
	}
	return a
}

func headerName(line string) (string, bool) {
	if !strings.HasPrefix(line, "-- ") || !strings.HasSuffix(line, " --") || len(line) < len("-- ")+len(" --") {
		return "", false
	}
	name := strings.TrimSpace(line[len("-- ") : len(line)-len(" --")])
	return name, name != ""
}

// hclSection parses an .hcl section; its ranges are relative to the section.
func (a *Archive) hclSection(s Section) *hclschema.File {
	return hclschema.Parse(s.Name, []byte(s.Content(a)))
}

// sqlSection reads a .sql section; its ranges are relative to the section.
func (a *Archive) sqlSection(s Section) *sqlsupport.Script {
	return sqlsupport.ParseScript(s.Content(a))
}

func (a *Archive) diagnostics() []source.Diagnostic {
	var out []source.Diagnostic
	for _, s := range a.Sections {
		var diags []source.Diagnostic
		switch KindOf(s.Name) {
		case KindHCL:
			_, _, diags = checkHCL(s.Name, s.Content(a), nil)
		case KindSQL:
			diags = a.sqlSection(s).Diagnostics()
		}
		for _, d := range diags {
			d.Range = shift(d.Range, s.Data.Start)
			out = append(out, d)
		}
	}
	return out
}

func shift(r source.Range, by int) source.Range {
	return source.Range{Start: r.Start + by, End: r.End + by}
}
