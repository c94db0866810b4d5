package inspect

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// readRoutines reads functions, procedures and aggregates (of the normal
// kind: ordered-set aggregates are left out).
func (in *inspector) readRoutines() error {
	sqlBody := "''"
	if in.version >= 140000 {
		sqlBody = "coalesce(CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) END, '')"
	}
	aggs := map[uint32]*schema.Func{}
	err := in.query(`
SELECT p.pronamespace, p.proname, p.prokind::text, coalesce(p.proargnames, '{}'), coalesce(p.proargmodes::text[], '{}'),
       array(SELECT t FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY u(t, i) ORDER BY i),
       array(SELECT format_type(t, NULL) FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY u(t, i) ORDER BY i),
       p.pronargdefaults, coalesce(pg_get_expr(p.proargdefaults, 0, true), ''),
       p.prorettype, format_type(p.prorettype, NULL), p.proretset, upper(l.lanname),
       coalesce(p.prosrc, ''), coalesce(p.probin, ''), `+sqlBody+`,
       p.provolatile::text, p.proisstrict, p.prosecdef, p.proparallel::text, p.proleakproof,
       coalesce(obj_description(p.oid, 'pg_proc'), ''), p.oid, p.procost::text, p.prorows::text, coalesce(p.proconfig, '{}')
  FROM pg_proc p
  JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = ANY($1::oid[]) AND `+notExtension("pg_proc", "p.oid")+`
   AND NOT EXISTS (SELECT FROM pg_aggregate a WHERE a.aggfnoid = p.oid AND a.aggkind <> 'n')
 ORDER BY p.proname, p.oid`, func(scan func(...any) error) error {
		var ns, ret, oid uint32
		var kind, defaults, retFormatted, src, bin, body, volatility, parallel, cost, rows string
		var names, modes, typeNames, config []string
		var types []uint32
		var nDefaults int16
		var definer bool
		f := &schema.Func{}
		if err := scan(&ns, &f.Name, &kind, &names, &modes, &types, &typeNames, &nDefaults, &defaults,
			&ret, &retFormatted, &f.ReturnSet, &f.Lang, &src, &bin, &body, &volatility, &f.Strict, &definer, &parallel,
			&f.Leakproof, &f.Comment, &oid, &cost, &rows, &config); err != nil {
			return err
		}
		f.Schema = in.schemas[ns]
		f.Schema.Funcs = append(f.Schema.Funcs, f)
		f.Parallel = map[string]string{"s": "SAFE", "r": "RESTRICTED", "u": "UNSAFE"}[parallel]
		in.routineArgs(f, names, modes, types, typeNames, splitTop(defaults), int(nDefaults))
		switch kind {
		case "a":
			f.Kind = schema.Aggregate
			f.Lang, f.ReturnSet, f.Strict, f.Leakproof = "", false, false, false
			aggs[oid] = f
			return nil
		case "p":
			f.Kind = schema.Procedure
			f.ReturnSet = false
		default:
			if len(f.ReturnTable) > 0 {
				f.ReturnSet = false // RETURNS TABLE says so
			} else {
				t := in.typ(ret, retFormatted)
				f.Return = &t
			}
		}
		f.Cost, _ = strconv.ParseFloat(cost, 64)
		f.Rows, _ = strconv.ParseFloat(rows, 64)
		for _, c := range config {
			name, value, _ := strings.Cut(c, "=")
			f.Config = append(f.Config, schema.FuncConfig{Name: name, Value: value})
		}
		f.Volatility = map[string]string{"i": "IMMUTABLE", "s": "STABLE", "v": "VOLATILE"}[volatility]
		if definer {
			f.Security = "DEFINER"
		}
		switch {
		case body != "":
			f.Body = body
		case bin != "":
			f.Body = bin + ", " + src
		default:
			f.Body = strings.TrimSpace(src)
		}
		return nil
	}, in.schemaOIDs())
	if err != nil {
		return err
	}
	return in.readAggregates(aggs)
}

// routineArgs fills in a routine's arguments (and RETURNS TABLE columns)
// from pg_proc's arrays; the last n input arguments have the defaults.
func (in *inspector) routineArgs(f *schema.Func, names, modes []string, types []uint32, typeNames, defaults []string, n int) {
	var inputs []*schema.FuncArg
	for k, oid := range types {
		name, mode := "", "i"
		if k < len(names) {
			name = names[k]
		}
		if k < len(modes) {
			mode = modes[k]
		}
		t := in.typ(oid, typeNames[k])
		if mode == "t" {
			f.ReturnTable = append(f.ReturnTable, &schema.Column{Name: name, Type: t})
			continue
		}
		a := &schema.FuncArg{Name: name, Type: t, Mode: map[string]string{"i": "IN", "o": "OUT", "b": "INOUT", "v": "VARIADIC"}[mode]}
		f.Args = append(f.Args, a)
		if mode != "o" {
			inputs = append(inputs, a)
		}
	}
	if n > len(inputs) || n != len(defaults) {
		return
	}
	for k, a := range inputs[len(inputs)-n:] {
		a.Default = defaultExpr(defaults[k], a.Type)
	}
}

// readTriggers reads the triggers of tables and views, those PostgreSQL
// makes for foreign keys aside.
func (in *inspector) readTriggers() error {
	return in.query(`
SELECT t.tgrelid, t.tgname, t.tgtype, string_to_array(t.tgattr::text, ' ')::int2[], t.tgnargs, t.tgargs,
       fn.nspname, f.proname, pg_get_triggerdef(t.oid, true), coalesce(obj_description(t.oid, 'pg_trigger'), ''),
       coalesce(t.tgoldtable::text, ''), coalesce(t.tgnewtable::text, ''), t.tgconstraint <> 0, t.tgdeferrable, t.tginitdeferred
  FROM pg_trigger t
  JOIN pg_proc f ON f.oid = t.tgfoid
  JOIN pg_namespace fn ON fn.oid = f.pronamespace
 WHERE t.tgrelid = ANY($1::oid[]) AND NOT t.tgisinternal AND `+in.notClonedTrigger()+`
 ORDER BY t.tgname`, func(scan func(...any) error) error {
		var rel uint32
		var typ, nargs int16
		var cols []int16
		var args []byte
		var def string
		tr := &schema.Trigger{}
		if err := scan(&rel, &tr.Name, &typ, &cols, &nargs, &args, &tr.FuncSchema, &tr.FuncName, &def, &tr.Comment,
			&tr.OldTable, &tr.NewTable, &tr.Constraint, &tr.Deferrable, &tr.InitiallyDeferred); err != nil {
			return err
		}
		r := in.rels[rel]
		tr.ForEachRow = typ&1 != 0
		switch {
		case typ&2 != 0:
			tr.Timing = "BEFORE"
		case typ&64 != 0:
			tr.Timing = "INSTEAD OF"
		default:
			tr.Timing = "AFTER"
		}
		for _, ev := range []struct {
			bit  int16
			name string
		}{{4, "INSERT"}, {16, "UPDATE"}, {8, "DELETE"}, {32, "TRUNCATE"}} {
			if typ&ev.bit != 0 {
				tr.Events = append(tr.Events, ev.name)
			}
		}
		if len(cols) > 0 {
			tr.UpdateOf = r.colNames(cols)
		}
		for k, a := range bytes.Split(args, []byte{0}) {
			if k < int(nargs) {
				tr.Args = append(tr.Args, string(a))
			}
		}
		tr.When = stripParens(whenClause(def))
		if r.table != nil {
			r.table.Triggers = append(r.table.Triggers, tr)
		} else if r.view != nil {
			r.view.Triggers = append(r.view.Triggers, tr)
		}
		return nil
	}, in.oids("rpvm"))
}

// readPolicies reads row-level security policies.
func (in *inspector) readPolicies() error {
	return in.query(`
SELECT p.polrelid, p.polname, p.polpermissive, p.polcmd::text,
       array(SELECT CASE WHEN u.role = 0 THEN 'PUBLIC' ELSE r.rolname::text END
               FROM unnest(p.polroles) u(role) LEFT JOIN pg_roles r ON r.oid = u.role),
       coalesce(pg_get_expr(p.polqual, p.polrelid, true), ''), coalesce(pg_get_expr(p.polwithcheck, p.polrelid, true), ''),
       coalesce(obj_description(p.oid, 'pg_policy'), '')
  FROM pg_policy p
 WHERE p.polrelid = ANY($1::oid[])
 ORDER BY p.polname`, func(scan func(...any) error) error {
		var rel uint32
		var permissive bool
		var cmd string
		p := &schema.Policy{}
		if err := scan(&rel, &p.Name, &permissive, &cmd, &p.To, &p.Using, &p.Check, &p.Comment); err != nil {
			return err
		}
		if !permissive {
			p.As = "RESTRICTIVE"
		}
		p.For = map[string]string{"r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}[cmd]
		p.Using, p.Check = stripParens(p.Using), stripParens(p.Check)
		t := in.rels[rel].table
		t.Policies = append(t.Policies, p)
		return nil
	}, in.oids("rp"))
}
