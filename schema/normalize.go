package schema

import (
	"math"
	"math/big"
	"slices"
	"strings"
)

// The Normalize methods put what PostgreSQL means into one form, so that
// the HCL decoder and the SQL loader store the same thing for the same
// meaning: words upper case, and a setting equal to PostgreSQL's default
// stored as the zero value (Method "" for BTREE, NullsDistinct nil for
// NULLS DISTINCT, …), whether the source spells the default or leaves it
// out.

// Normalize normalises an index and its parts.
func (ix *Index) Normalize() {
	ix.Method = indexMethod(ix.Method)
	if ix.NullsDistinct != nil && *ix.NullsDistinct {
		ix.NullsDistinct = nil
	}
	for _, p := range ix.Parts {
		p.Normalize()
	}
}

// Normalize drops a NULLS FIRST/LAST that is the default for the part's
// direction.
func (p *IndexPart) Normalize() {
	if p.NullsFirst != nil && *p.NullsFirst == p.Desc {
		p.NullsFirst = nil
	}
}

// Normalize stores NO ACTION, the default action, as empty.
func (fk *ForeignKey) Normalize() {
	for _, a := range []*ReferenceAction{&fk.OnUpdate, &fk.OnDelete} {
		*a = ReferenceAction(strings.ToUpper(string(*a)))
		if *a == NoAction {
			*a = ""
		}
	}
}

// Normalize normalises an exclusion constraint.
func (ex *Exclude) Normalize() { ex.Method = indexMethod(ex.Method) }

func indexMethod(m string) string {
	m = strings.ToUpper(m)
	if m == "BTREE" {
		return ""
	}
	return m
}

// Normalize normalises a routine's words and defaults, and spells out
// the result a function with OUT arguments and no RETURNS has: the type
// of its one OUT argument, or record.
func (f *Func) Normalize() {
	f.Lang = strings.ToUpper(f.Lang)
	f.Volatility = unlessDefault(f.Volatility, "VOLATILE")
	f.Security = unlessDefault(f.Security, "INVOKER")
	f.Parallel = unlessDefault(f.Parallel, "UNSAFE")
	var out []*FuncArg
	for _, a := range f.Args {
		a.Mode = unlessDefault(a.Mode, "IN")
		if a.Mode == "OUT" || a.Mode == "INOUT" {
			out = append(out, a)
		}
	}
	if f.Kind == Function && f.Return == nil && len(f.ReturnTable) == 0 && len(out) > 0 {
		ret := Type{Name: "record"}
		if len(out) == 1 {
			ret = out[0].Type
		}
		f.Return = &ret
	}
}

// Normalize normalises a policy's words and defaults.
func (p *Policy) Normalize() {
	p.As = unlessDefault(p.As, "PERMISSIVE")
	p.For = unlessDefault(p.For, "ALL")
	if len(p.To) == 1 && strings.EqualFold(p.To[0], "PUBLIC") {
		p.To = nil
	}
	slices.Sort(p.To) // roles are a set
}

// Normalize puts a trigger's events in one order: INSERT, UPDATE,
// DELETE, TRUNCATE.
func (t *Trigger) Normalize() {
	t.Timing = strings.ToUpper(t.Timing)
	order := []string{"INSERT", "UPDATE", "DELETE", "TRUNCATE"}
	var events []string
	for _, e := range order {
		if slices.ContainsFunc(t.Events, func(x string) bool { return strings.EqualFold(x, e) }) {
			events = append(events, e)
		}
	}
	t.Events = events
}

// Normalize clears the options of a sequence that equal what PostgreSQL
// chooses when they are left out: type bigint, increment 1, cache 1,
// minimum and maximum by type and direction, and a start at the minimum
// (ascending) or maximum (descending).
func (s *Sequence) Normalize() {
	if s.Type.UserKind == "" && s.Type.Raw == "" && s.Type.Name == "bigint" && s.Type.Array == 0 {
		s.Type = Type{}
	}
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	switch s.Type.Name {
	case "smallint":
		lo, hi = math.MinInt16, math.MaxInt16
	case "integer":
		lo, hi = math.MinInt32, math.MaxInt32
	}
	inc := int64(1)
	if s.Increment != nil {
		inc = *s.Increment
	}
	defMin, defMax := int64(1), hi
	if inc < 0 {
		defMin, defMax = lo, -1
	}
	minv, maxv := defMin, defMax
	if s.Min != nil {
		minv = *s.Min
	}
	if s.Max != nil {
		maxv = *s.Max
	}
	start := minv
	if inc < 0 {
		start = maxv
	}
	s.Start = unlessInt(s.Start, start)
	s.Min = unlessInt(s.Min, defMin)
	s.Max = unlessInt(s.Max, defMax)
	s.Increment = unlessInt(s.Increment, 1)
	s.Cache = unlessInt(s.Cache, 1)
}

// IdentityStart is the first value of an identity column whose START is
// left out: 1 counting up, -1 counting down.
func IdentityStart(increment int64) int64 {
	if increment < 0 {
		return -1
	}
	return 1
}

func unlessDefault(w, def string) string {
	w = strings.ToUpper(w)
	if w == def {
		return ""
	}
	return w
}

func unlessInt(p *int64, def int64) *int64 {
	if p != nil && *p == def {
		return nil
	}
	return p
}

// NumberText spells a number literal one way: whole numbers in decimal
// digits (1000000, not 1e+06), others in the shortest form that reads
// back the same (0.1, 1.5e-09).
func NumberText(f *big.Float) string {
	if f.IsInt() {
		return f.Text('f', 0)
	}
	return f.Text('g', -1)
}
