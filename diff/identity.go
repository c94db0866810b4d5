package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// identity plans the change of a column's identity: added, dropped, or
// altered with SET clauses.
func (p *planner) identity(table string, alter func(string, string, bool), col string, from, to *schema.Identity) {
	switch {
	case from == nil && to == nil:
	case to == nil:
		alter("ALTER COLUMN "+col+" DROP IDENTITY", "ALTER COLUMN "+col+" ADD"+identityClause(from), false)
	case from == nil:
		alter("ALTER COLUMN "+col+" ADD"+identityClause(to), "ALTER COLUMN "+col+" DROP IDENTITY", false)
	default:
		if from.Always != to.Always {
			kind := map[bool]string{true: "ALWAYS", false: "BY DEFAULT"}
			alter("ALTER COLUMN "+col+" SET GENERATED "+kind[to.Always], "ALTER COLUMN "+col+" SET GENERATED "+kind[from.Always], false)
		}
		set, reverse := identitySet(from, to), identitySet(to, from)
		if set == "" {
			return
		}
		if identityNarrows(to, from) {
			// PostgreSQL refuses bounds the sequence's value lies outside
			// of: numbering starts over.
			what := "its identity's bounds narrow"
			if (from.Increment < 0) != (to.Increment < 0) {
				what = "its identity changes direction"
			}
			p.warn(fmt.Sprintf("column %s.%s: %s, so it restarts at %d", table, col, what, to.Start))
			set += " RESTART"
		}
		if identityNarrows(from, to) {
			reverse += " RESTART"
		}
		alter("ALTER COLUMN "+col+set, "ALTER COLUMN "+col+reverse, false)
	}
}

// identityNarrows reports whether the bounds of identity to leave out
// values those of from allow.
func identityNarrows(to, from *schema.Identity) bool {
	a, b := identitySequence(to), identitySequence(from)
	return effectiveMin(a) > effectiveMin(b) || effectiveMax(a) < effectiveMax(b)
}

// identitySequence is the sequence behind an identity, for the bounds.
func identitySequence(id *schema.Identity) *schema.Sequence {
	return &schema.Sequence{Increment: &id.Increment, Min: id.Min, Max: id.Max}
}

// identitySet writes the SET clauses turning identity from into to. The
// bounds are written again when the direction changes: a bound left out
// means another value then.
func identitySet(from, to *schema.Identity) string {
	var b strings.Builder
	turns := (from.Increment < 0) != (to.Increment < 0)
	bound := func(label string, v, was *int64) {
		switch {
		case v != nil && (was == nil || *v != *was):
			fmt.Fprintf(&b, " SET %s %d", label, *v)
		case v == nil && (was != nil || turns):
			b.WriteString(" SET NO " + label)
		}
	}
	if from.Increment != to.Increment {
		fmt.Fprintf(&b, " SET INCREMENT BY %d", to.Increment)
	}
	bound("MINVALUE", to.Min, from.Min)
	bound("MAXVALUE", to.Max, from.Max)
	if from.Start != to.Start {
		fmt.Fprintf(&b, " SET START WITH %d", to.Start)
	}
	if !sameInt(from.Cache, to.Cache) {
		c := int64(1)
		if to.Cache != nil {
			c = *to.Cache
		}
		fmt.Fprintf(&b, " SET CACHE %d", c)
	}
	if from.Cycle != to.Cycle {
		b.WriteString(map[bool]string{true: " SET CYCLE", false: " SET NO CYCLE"}[to.Cycle])
	}
	return b.String()
}

// identityClause writes GENERATED … AS IDENTITY with the options that are
// not PostgreSQL's defaults.
func identityClause(id *schema.Identity) string {
	kind := "BY DEFAULT"
	if id.Always {
		kind = "ALWAYS"
	}
	s := " GENERATED " + kind + " AS IDENTITY"
	var opts []string
	num := func(label string, v int64) { opts = append(opts, label+" "+strconv.FormatInt(v, 10)) }
	if id.Start != id.DefaultStart() {
		num("START WITH", id.Start)
	}
	if id.Increment != 1 {
		num("INCREMENT BY", id.Increment)
	}
	for _, o := range []struct {
		label string
		v     *int64
	}{{"MINVALUE", id.Min}, {"MAXVALUE", id.Max}, {"CACHE", id.Cache}} {
		if o.v != nil {
			num(o.label, *o.v)
		}
	}
	if id.Cycle {
		opts = append(opts, "CYCLE")
	}
	if len(opts) > 0 {
		s += " (" + strings.Join(opts, " ") + ")"
	}
	return s
}
