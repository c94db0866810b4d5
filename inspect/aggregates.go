package inspect

import (
	"maps"
	"slices"

	"github.com/schema-ls/schema-ls/schema"
)

// readAggregates reads the definitions of the aggregates read, by pg_proc
// oid: state type and function, final and combine functions, initial
// value and sort operator.
func (in *inspector) readAggregates(aggs map[uint32]*schema.Func) error {
	if len(aggs) == 0 {
		return nil
	}
	return in.query(`
SELECT a.aggfnoid::oid, tn.nspname, t.proname, a.aggtranstype, format_type(a.aggtranstype, NULL),
       coalesce(fn.nspname, ''), coalesce(f.proname, ''), coalesce(cn.nspname, ''), coalesce(c.proname, ''),
       a.agginitval, coalesce(o.oprname, '')
  FROM pg_aggregate a
  JOIN pg_proc t ON t.oid = a.aggtransfn
  JOIN pg_namespace tn ON tn.oid = t.pronamespace
  LEFT JOIN pg_proc f ON f.oid = a.aggfinalfn
  LEFT JOIN pg_namespace fn ON fn.oid = f.pronamespace
  LEFT JOIN pg_proc c ON c.oid = a.aggcombinefn
  LEFT JOIN pg_namespace cn ON cn.oid = c.pronamespace
  LEFT JOIN pg_operator o ON o.oid = a.aggsortop
 WHERE a.aggfnoid::oid = ANY($1::oid[])`, func(scan func(...any) error) error {
		var oid, stype uint32
		var stypeName string
		ag := &schema.AggDef{}
		if err := scan(&oid, &ag.StateFunc.Schema, &ag.StateFunc.Name, &stype, &stypeName,
			&ag.FinalFunc.Schema, &ag.FinalFunc.Name, &ag.CombineFunc.Schema, &ag.CombineFunc.Name,
			&ag.InitCond, &ag.SortOp); err != nil {
			return err
		}
		ag.StateType = in.typ(stype, stypeName)
		aggs[oid].Agg = ag
		return nil
	}, slices.Collect(maps.Keys(aggs)))
}
