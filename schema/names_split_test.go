package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitName(t *testing.T) {
	for _, tc := range []struct {
		in     string
		parts  []string
		quoted bool
		ok     bool
	}{
		{"users", []string{"users"}, false, true},
		{"Public.Users", []string{"public", "users"}, false, true},
		{`"My Schema"."T"`, []string{"My Schema", "T"}, true, true},
		{`app."say ""hi"""`, []string{"app", `say "hi"`}, true, true},
		{" a$1.b_2 ", []string{"a$1", "b_2"}, false, true},
		{"1abc", nil, false, false},
		{"a.", nil, false, false},
		{`"unclosed`, nil, false, false},
		{`""`, nil, false, false},
		{"a b", nil, false, false},
	} {
		parts, quoted, ok := SplitName(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.parts, parts, tc.in)
		assert.Equal(t, tc.quoted, quoted, tc.in)
	}
}
