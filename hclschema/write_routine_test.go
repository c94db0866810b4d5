package hclschema

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWriteRoutineOptions: aggregates with their state and support
// functions (blocks of the realm as references, others as strings),
// routine SET, COST and ROWS, and an extension's comment round-trip.
func TestWriteRoutineOptions(t *testing.T) {
	out := roundTrip(t, load(t, `
CREATE SCHEMA app;
CREATE EXTENSION pgcrypto SCHEMA app;
COMMENT ON EXTENSION pgcrypto IS 'crypto';
CREATE FUNCTION app.half(n int) RETURNS numeric LANGUAGE sql AS 'SELECT n / 2.0';
CREATE AGGREGATE app.total(int) (SFUNC = int4pl, STYPE = int, FINALFUNC = app.half, COMBINEFUNC = int4pl, INITCOND = '0', SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE app.counts(*) (SFUNC = int8inc, STYPE = bigint);
CREATE FUNCTION app.secure() RETURNS SETOF int LANGUAGE sql SECURITY DEFINER SET search_path = app, pg_temp COST 0.5 ROWS 5 AS 'SELECT 1';
`))
	for _, want := range []string{
		`comment = "crypto"`, `state_func    = "int4pl"`, `final_func    = function.half`, `combine_func  = "int4pl"`,
		`initial_value = "0"`, `sort_op       = "<"`, `parallel      = SAFE`, `aggregate "counts" {`,
		"set \"search_path\" {\n    value = \"app, pg_temp\"\n  }", `cost       = 0.5`, `rows       = 5`,
	} {
		assert.Contains(t, out, want)
	}
}
