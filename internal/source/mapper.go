// Package source holds the position types every feature package shares and
// the one Mapper that converts between coordinate systems.
//
// The coordinate systems in this project:
//
//   - byte offset: 0-based index into the file's bytes. Every feature package
//     (hclschema, sqlsupport, workspace) speaks byte offsets; Range uses them.
//   - HCL positions: hcl.Pos carries a byte offset (used) plus a line and a
//     grapheme column (not used: graphemes are not what any client counts).
//   - pg_query's Cursorpos: a 1-based character (rune) offset into the string
//     that was parsed; convert with RuneOffsetToByte.
//   - LSP positions: 0-based line and a column in UTF-16 code units, or in
//     bytes when utf-8 is negotiated (Encoding).
//   - CLI positions: 1-based line and 1-based column in characters (runes).
//
// Lines end at "\n", "\r\n" or a lone "\r", as the LSP specification says.
// No other package converts between these forms by hand.
package source

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is the unit a column is counted in.
type Encoding int

const (
	// UTF16 counts UTF-16 code units (LSP's default).
	UTF16 Encoding = iota
	// UTF8 counts bytes.
	UTF8
	// Runes counts Unicode code points (CLI output, pg_query).
	Runes
)

func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case Runes:
		return "utf-32"
	default:
		return "utf-16"
	}
}

// Mapper indexes the lines of one text. It is immutable and safe for
// concurrent use.
type Mapper struct {
	text       string
	lineStarts []int // byte offset of the first byte of each line
}

// NewMapper indexes text.
func NewMapper(text string) *Mapper {
	starts := make([]int, 1, 64)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Mapper{text: text, lineStarts: starts}
}

// Text is the indexed text.
func (m *Mapper) Text() string { return m.text }

// LineCount is the number of lines; a text ending in a newline has an empty
// last line.
func (m *Mapper) LineCount() int { return len(m.lineStarts) }

// LineStart is the byte offset of the start of 0-based line.
func (m *Mapper) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lineStarts) {
		return len(m.text)
	}
	return m.lineStarts[line]
}

// LineEnd is the byte offset of the end of 0-based line, before its
// terminator.
func (m *Mapper) LineEnd(line int) int {
	if line < 0 {
		line = 0
	}
	if line+1 >= len(m.lineStarts) {
		return len(m.text)
	}
	end := m.lineStarts[line+1]
	if end > 0 && m.text[end-1] == '\n' {
		end--
	}
	if end > m.lineStarts[line] && m.text[end-1] == '\r' {
		end--
	}
	return end
}

// Line is the 0-based line holding byte offset off (clamped into the text).
func (m *Mapper) Line(off int) int {
	off = m.clamp(off)
	return sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > off }) - 1
}

// Position converts a byte offset into a 0-based line and a 0-based column
// counted in enc. An offset inside a line terminator or inside a UTF-8
// sequence is moved back to the nearest character boundary.
func (m *Mapper) Position(off int, enc Encoding) (line, col int) {
	off = m.clamp(off)
	line = m.Line(off)
	start := m.lineStarts[line]
	if end := m.LineEnd(line); off > end {
		off = end
	}
	for off > start && off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		off--
	}
	return line, countUnits(m.text[start:off], enc)
}

// Offset converts a 0-based line and column counted in enc into a byte
// offset. A column past the end of the line clamps to the line's end (LSP
// says so); a line past the end clamps to the end of the text. ok is false
// when the position had to be clamped.
func (m *Mapper) Offset(line, col int, enc Encoding) (off int, ok bool) {
	if line < 0 || col < 0 {
		return 0, false
	}
	if line >= len(m.lineStarts) {
		return len(m.text), false
	}
	start, end := m.lineStarts[line], m.LineEnd(line)
	off = start
	units := 0
	for off < end && units < col {
		r, size := utf8.DecodeRuneInString(m.text[off:])
		n := runeUnits(r, size, enc)
		if units+n > col {
			// col points inside a surrogate pair: stay before it.
			return off, false
		}
		units += n
		off += size
	}
	return off, units == col
}

// RuneOffsetToByte converts a 0-based rune offset into s to a byte offset.
func RuneOffsetToByte(s string, runes int) int {
	off := 0
	for i := 0; i < runes && off < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}

func (m *Mapper) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(m.text) {
		return len(m.text)
	}
	return off
}

func countUnits(s string, enc Encoding) int {
	switch enc {
	case UTF8:
		return len(s)
	case Runes:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeUnits(r, size, UTF16)
		i += size
	}
	return n
}

func runeUnits(r rune, size int, enc Encoding) int {
	switch enc {
	case UTF8:
		return size
	case Runes:
		return 1
	}
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1 // invalid UTF-8 byte: clients see one U+FFFD
}
