package schema

import "math"

// SequenceBounds are the MINVALUE and MAXVALUE PostgreSQL gives a
// sequence of type t (bigint when zero) counting by increment when they
// are left out: 1 to the type's maximum ascending, the type's minimum to
// -1 descending.
func SequenceBounds(t Type, increment int64) (lo, hi int64) {
	lo, hi = math.MinInt64, math.MaxInt64
	switch t.Name {
	case "smallint":
		lo, hi = math.MinInt16, math.MaxInt16
	case "integer":
		lo, hi = math.MinInt32, math.MaxInt32
	}
	if increment < 0 {
		return lo, -1
	}
	return 1, hi
}

// Normalize clears the options of an identity on a column of type t
// that equal what PostgreSQL chooses when they are left out.
func (id *Identity) Normalize(t Type) {
	lo, hi := SequenceBounds(t, id.Increment)
	id.Min, id.Max, id.Cache = unlessInt(id.Min, lo), unlessInt(id.Max, hi), unlessInt(id.Cache, 1)
}

// DefaultStart is where an identity starts when START is left out: its
// minimum counting up, its maximum counting down.
func (id *Identity) DefaultStart() int64 {
	switch {
	case id.Increment < 0 && id.Max != nil:
		return *id.Max
	case id.Increment >= 0 && id.Min != nil:
		return *id.Min
	}
	return IdentityStart(id.Increment)
}
