package source

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMapperLineBreaks(t *testing.T) {
	m := NewMapper("a\nb\r\nc\rd")
	assert.Equal(t, 4, m.LineCount())
	for _, tc := range []struct{ off, line int }{{0, 0}, {1, 0}, {2, 1}, {3, 1}, {4, 1}, {5, 2}, {7, 3}, {8, 3}, {99, 3}} {
		assert.Equal(t, tc.line, m.Line(tc.off), "line of offset %d", tc.off)
	}
	assert.Equal(t, 3, m.LineEnd(1), "line end excludes \\r\\n")
	assert.Equal(t, 6, m.LineEnd(2), "line end excludes a lone \\r")
	assert.Equal(t, 8, m.LineEnd(3))
}

func TestMapperColumns(t *testing.T) {
	// "é" is 2 bytes / 1 UTF-16 unit; "😀" 4 bytes / 2 units (a surrogate pair).
	text := "xé😀y\n"
	m := NewMapper(text)
	y := len("xé😀")
	for _, tc := range []struct {
		enc Encoding
		col int
	}{{UTF8, 7}, {UTF16, 4}, {Runes, 3}} {
		line, col := m.Position(y, tc.enc)
		assert.Equal(t, 0, line)
		assert.Equal(t, tc.col, col, "column of y in %s", tc.enc)
		off, ok := m.Offset(0, tc.col, tc.enc)
		assert.True(t, ok)
		assert.Equal(t, y, off, "offset of y from %s", tc.enc)
	}
}

func TestMapperClamps(t *testing.T) {
	m := NewMapper("ab😀\r\ncd")
	off, ok := m.Offset(0, 3, UTF16) // inside the surrogate pair
	assert.False(t, ok)
	assert.Equal(t, 2, off, "stays before the pair")
	off, ok = m.Offset(0, 99, UTF16)
	assert.False(t, ok)
	assert.Equal(t, 6, off, "past the end of the line: its end, before \\r\\n")
	off, ok = m.Offset(9, 0, UTF16)
	assert.False(t, ok)
	assert.Equal(t, len(m.Text()), off)
	line, col := m.Position(7, UTF16) // between \r and \n
	assert.Equal(t, 0, line)
	assert.Equal(t, 4, col)
	line, col = m.Position(3, UTF8) // inside the emoji's bytes
	assert.Equal(t, 0, line)
	assert.Equal(t, 2, col)
}

func TestRuneOffsetToByte(t *testing.T) {
	assert.Equal(t, 0, RuneOffsetToByte("é😀x", 0))
	assert.Equal(t, 6, RuneOffsetToByte("é😀x", 2))
	assert.Equal(t, 7, RuneOffsetToByte("é😀x", 10))
}

// FuzzMapper checks that every character boundary survives a round trip
// through every encoding.
func FuzzMapper(f *testing.F) {
	for _, s := range []string{"", "a\nb", "é😀\r\nx\ry", "\xff\xfe\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m := NewMapper(text)
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			for _, enc := range []Encoding{UTF8, UTF16, Runes} {
				line, col := m.Position(off, enc)
				back, _ := m.Offset(line, col, enc)
				require.LessOrEqual(t, back, off)
				if off <= m.LineEnd(line) {
					require.Equal(t, off, back, "offset %d via %s %d:%d", off, enc, line, col)
				}
			}
		}
	})
}
