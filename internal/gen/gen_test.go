package gen

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSchemaSize(t *testing.T) {
	for _, n := range []int{10, 1000, 5000} {
		got := strings.Count(Schema(n), "\n")
		assert.GreaterOrEqual(t, got, n)
		assert.Less(t, got, n+60, "overshoots by at most one table and view")
	}
	assert.Equal(t, Schema(300), Schema(300), "deterministic")
}

func TestSchemaSQL(t *testing.T) {
	s := SchemaSQL(20000, 500)
	lines := strings.Count(s, "\n")
	assert.InDelta(t, 20000, lines, 200)
	assert.Equal(t, 500, strings.Count(s, "<<-SQL"))
}
