package sqlsupport_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/schema"
)

// TestAggregateFollowsItsFunctions: renaming a support function or its
// schema renames it in the aggregate; dropping it needs CASCADE, which
// drops the aggregate.
func TestAggregateFollowsItsFunctions(t *testing.T) {
	sql := `CREATE SCHEMA s;
CREATE FUNCTION s.plus(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE AGGREGATE s.total(int) (SFUNC = s.plus, STYPE = int);
ALTER FUNCTION s.plus(int, int) RENAME TO add;
ALTER SCHEMA s RENAME TO t;
DROP FUNCTION t.add(int, int)`
	l := load(sql)
	assert.Equal(t, []string{`error sql-replay: Cannot drop function "add": aggregate total calls it (use CASCADE) @ DROP FUNCTION t.add(int, int)`}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("t")
	require.Len(t, s.Funcs, 2)
	assert.Equal(t, schema.FuncRef{Schema: "t", Name: "add"}, s.Funcs[1].Agg.StateFunc)

	l = load(sql + " CASCADE")
	assert.Empty(t, l.Diags["x.sql"])
	assert.Empty(t, l.Realm.Schema("t").Funcs)
}
