package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	assert.Equal(t, "table", Closest("tabel", []string{"schema", "table", "view"}))
	assert.Equal(t, "column", Closest("colunm", []string{"column", "comment"}))
	assert.Equal(t, "", Closest("zzz", []string{"table"}))
	assert.Equal(t, "", Closest("ab", []string{"abcd"}), "short names need near matches")
	assert.Equal(t, 1, editDistance("ab", "ba"))
	assert.Equal(t, 3, editDistance("", "abc"))
}
