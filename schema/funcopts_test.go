package schema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeConfigValue(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"search_path", "public,pg_temp", "public, pg_temp"},
		{"search_path", `"$user", Public, "My S"`, `"$user", public, "My S"`},
		{"search_path", `"a""b"`, `"a""b"`},
		{"search_path", `public pg_temp`, `public pg_temp`}, // not a list: kept
		{"work_mem", "64MB", "64MB"},
		{"DateStyle", "ISO, MDY", "ISO, MDY"},
	} {
		assert.Equal(t, c.want, NormalizeConfigValue(c.name, c.in), "%s = %s", c.name, c.in)
	}
	assert.Equal(t, "TimeZone", ConfigName("timezone"))
	assert.Equal(t, "work_mem", ConfigName("Work_Mem"))
}

// TestNormalizeCostRows: COST and ROWS equal to PostgreSQL's defaults
// read as none.
func TestNormalizeCostRows(t *testing.T) {
	sql := &Func{Lang: "sql", Cost: 100, Rows: 1000, ReturnSet: true}
	sql.Normalize()
	assert.Zero(t, sql.Cost)
	assert.Zero(t, sql.Rows)
	c := &Func{Lang: "c", Cost: 100, Rows: 5}
	c.Normalize()
	assert.Equal(t, 100.0, c.Cost, "C functions cost 1 by default")
	assert.Zero(t, c.Rows, "ROWS only for set-returning functions")
	p := &Func{Kind: Procedure, Lang: "sql", Cost: 100, Config: []FuncConfig{{"work_mem", "1MB"}, {"SEARCH_PATH", "a,b"}}}
	p.Normalize()
	assert.Zero(t, p.Cost)
	assert.Equal(t, []FuncConfig{{"search_path", "a, b"}, {"work_mem", "1MB"}}, p.Config)
}
