package hclschema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func apply(old string, edits []Edit) string {
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		old = old[:e.Range.Start] + e.Text + old[e.Range.End:]
	}
	return old
}

func TestFormat(t *testing.T) {
	src := "table \"t\" {\nschema=schema.public\n  column \"id\" {\n  type = int\n    null    = false\n  }\n}\n"
	out, err := Format(Parse("t.hcl", []byte(src)))
	require.NoError(t, err)
	assert.Equal(t, "table \"t\" {\n  schema = schema.public\n  column \"id\" {\n    type = int\n    null = false\n  }\n}\n", string(out))
	_, err = Format(Parse("t.hcl", []byte("table {")))
	assert.ErrorIs(t, err, ErrSyntax)
}

func TestLineEdits(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{"a\nb\nc\n", "a\nB\nc\n"},
		{"a\nb\nc\n", "a\nc\n"},
		{"a\nc\n", "a\nb\nc\n"},
		{"x\ny\n", "p\nq\nr\n"},
		{"", "a\n"},
		{"a\nb", "a\nb\n"},
		{"same\n", "same\n"},
	} {
		edits := LineEdits(tc.old, tc.new)
		assert.Equal(t, tc.new, apply(tc.old, edits), "%q -> %q", tc.old, tc.new)
		if tc.old == tc.new {
			assert.Empty(t, edits)
		}
	}
	edits := LineEdits("a\nb\nc\nd\n", "a\nB\nc\nD\n")
	require.Len(t, edits, 2, "two separate changed runs")
	assert.True(t, strings.HasPrefix(edits[0].Text, "B"))
}
