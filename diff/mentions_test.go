package diff

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		sql, name string
		want      bool
	}{
		{"SELECT a FROM t", "t", true},
		{"SELECT a FROM public.t", "t", true},
		{`SELECT a FROM "T"`, "t", true},
		{`SELECT a FROM public."Orders" o`, "orders", true},
		{"SELECT a FROM ts", "t", false},
		{"SELECT a FROM t_old", "t", false},
		{"SELECT $1 FROM x", "1", false},
		{"SELECT t$1 FROM x", "t", false},
		{"SELECT a FROM tt JOIN t ON true", "t", true},
		{"", "t", false},
		{"SELECT 1", "", false},
	} {
		assert.Equal(t, c.want, mentions(c.sql, c.name), "%q in %q", c.name, c.sql)
	}
}
