package sqlsupport_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// View options and trigger clauses the model keeps load without a
// warning; the rest still warn, and what PostgreSQL refuses fails.
func TestViewAndTriggerClauses(t *testing.T) {
	sql := `CREATE TABLE t (a int);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE VIEW v WITH (security_barrier, security_invoker = off) AS SELECT a FROM t;
CREATE VIEW w WITH (security_barrier = maybe) AS SELECT a FROM t;
ALTER VIEW v SET (security_invoker = true), OWNER TO bob;
CREATE MATERIALIZED VIEW m AS SELECT a FROM t WITH NO DATA;
ALTER MATERIALIZED VIEW m SET (fillfactor = 70);
CREATE TRIGGER tt AFTER UPDATE ON t REFERENCING OLD TABLE AS o NEW TABLE AS n EXECUTE FUNCTION f();
CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION f();
CREATE CONSTRAINT TRIGGER cf AFTER INSERT ON t FROM t FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER bad BEFORE INSERT ON t REFERENCING NEW TABLE AS n EXECUTE FUNCTION f();
CREATE TRIGGER bad2 AFTER INSERT ON t REFERENCING OLD TABLE AS o EXECUTE FUNCTION f()`
	l := load(sql)
	stmts := strings.Split(sql, ";\n")
	assert.Equal(t, []string{
		`error sql-replay: Invalid value for boolean option "security_barrier" @ ` + stmts[3],
		"warning sql-not-modelled: Not part of the schema model, ignored: OWNER TO bob @ " + stmts[4],
		"warning sql-not-modelled: Not part of the schema model, ignored: SET (fillfactor = 70) @ " + stmts[6],
		"warning sql-not-modelled: Not part of the schema model, ignored: FROM (a constraint trigger's other table) @ " + stmts[9],
		"error sql-replay: Transition tables need an AFTER trigger on one event, INSERT, UPDATE or DELETE, without a column list @ " + stmts[10],
		"error sql-replay: OLD TABLE needs a DELETE or UPDATE trigger, NEW TABLE an INSERT or UPDATE trigger @ " + stmts[11],
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	v := s.Views[0]
	assert.True(t, v.SecurityBarrier)
	assert.True(t, v.SecurityInvoker, "set by ALTER VIEW")
	assert.Equal(t, "SELECT a FROM t", s.Views[2].Def, "WITH NO DATA is not part of the query, nor of the model")
	tr := s.Table("t").Triggers
	require.Len(t, tr, 3, "the refused triggers are not made")
	assert.Equal(t, [2]string{"o", "n"}, [2]string{tr[0].OldTable, tr[0].NewTable})
	assert.True(t, tr[1].Constraint && tr[1].Deferrable && tr[1].InitiallyDeferred)
	assert.True(t, tr[2].Constraint && !tr[2].Deferrable)
}
