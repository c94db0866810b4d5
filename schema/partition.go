package schema

import (
	"math/big"
	"strings"
	"time"
)

// Partitions. A partition (Table.PartitionOf) names its parent; its
// columns are those of the table at the root of its chain of parents.

// Parent returns the table t is a partition of, or nil.
func (r *Realm) Parent(t *Table) *Table {
	if t == nil || t.PartitionOf == nil {
		return nil
	}
	if s := r.Schema(t.PartitionOf.Schema); s != nil {
		return s.Table(t.PartitionOf.Table)
	}
	return nil
}

// Root returns the table whose columns t has: t itself unless it is a
// partition, else the root of its parents; nil when a parent is missing
// or the parents form a cycle.
func (r *Realm) Root(t *Table) *Table {
	for range 64 {
		if t == nil || t.PartitionOf == nil {
			return t
		}
		t = r.Parent(t)
	}
	return nil
}

// Columns returns the columns of t: a partition's are its root's.
func (r *Realm) Columns(t *Table) []*Column {
	if root := r.Root(t); root != nil {
		return root.Columns
	}
	return nil
}

// Depth is how many parents t has: 0 for a table that is no partition.
func (r *Realm) Depth(t *Table) int {
	n := 0
	for p := r.Parent(t); p != nil && n < 64; p = r.Parent(p) {
		n++
	}
	return n
}

// KeyTypes returns the types of the parts of t's partition key, a zero
// Type for an expression or a column not found.
func (r *Realm) KeyTypes(t *Table) []Type {
	if t == nil || t.Partition == nil {
		return nil
	}
	cols := r.Columns(t)
	out := make([]Type, len(t.Partition.Parts))
	for i, p := range t.Partition.Parts {
		for _, c := range cols {
			if p.Column != "" && c.Name == p.Column {
				out[i] = c.Type
			}
		}
	}
	return out
}

// BoundValue spells a literal of a partition bound as PostgreSQL prints
// it (pg_get_expr of relpartbound) for a key part of type t: lit is the
// literal's text, str whether it was written as a string. A value of
// type integer or numeric with a fraction is bare (negative integers
// quoted), a boolean is true or false, anything else is the quoted
// output of its type, where canonicalLiteral knows it; a timestamptz
// without a zone is taken to be UTC and printed in UTC, as inspect reads
// it. A zero t (a key expression) keeps the literal as written.
func BoundValue(lit string, str bool, t Type) string {
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	if t.Array > 0 || t.Raw != "" {
		return quote(lit)
	}
	if t.UserKind == "" && t.Name == "" { // unknown: as written
		switch {
		case str:
			return quote(lit)
		case strings.HasPrefix(lit, "-"):
			return quote(lit)
		}
		return lit
	}
	v := strings.Trim(lit, pgSpace)
	if base, ok := SerialBase(t); ok {
		t = base
	}
	switch t.Name {
	case "integer":
		if n, ok := wholeNumber(v); ok {
			if strings.HasPrefix(n, "-") {
				return quote(n)
			}
			return n
		}
	case "smallint", "bigint":
		if n, ok := wholeNumber(v); ok {
			return quote(n)
		}
	case "numeric":
		if numberRe.MatchString(v) && !strings.ContainsAny(v, "eE") {
			n := decimalText(v)
			if strings.Contains(n, ".") && !strings.HasPrefix(n, "-") {
				return n
			}
			return quote(n)
		}
	case "boolean":
		if b, ok := boolText(v); ok {
			return b
		}
	case "timestamp with time zone":
		if s, ok := timestamptzUTC(v); ok {
			return quote(s)
		}
	case "uuid":
		return quote(strings.ToLower(v))
	case "character":
		if len(t.Args) == 1 && len([]rune(lit)) < t.Args[0] {
			return quote(lit + strings.Repeat(" ", t.Args[0]-len([]rune(lit))))
		}
	default:
		if out, _, ok := canonicalLiteral(lit, t); ok {
			return quote(out)
		}
	}
	return quote(lit)
}

// wholeNumber reads a whole number, sign and leading zeros dropped.
func wholeNumber(v string) (string, bool) {
	n, ok := new(big.Int).SetString(strings.TrimPrefix(v, "+"), 10)
	if !ok {
		return "", false
	}
	return n.String(), true
}

// decimalText spells a decimal number as numeric_out does: no sign for
// positive numbers, no leading zeros, the fraction's digits kept.
func decimalText(v string) string {
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimLeft(v, "+-")
	whole, frac, dot := strings.Cut(v, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	out := whole
	if dot && frac != "" {
		out += "." + frac
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

// timestamptzUTC reads an ISO timestamp with an optional zone (Z, UTC,
// ±hh, ±hh:mm, ±hhmm; none is UTC) and prints it in UTC as PostgreSQL
// does with TimeZone UTC: "yyyy-mm-dd hh:mm:ss[.frac]+00".
func timestamptzUTC(v string) (string, bool) {
	s, offset := v, 0
	switch {
	case strings.HasSuffix(s, "Z"):
		s = s[:len(s)-1]
	case strings.HasSuffix(strings.ToUpper(s), "UTC"):
		s = strings.TrimSpace(s[:len(s)-3])
	default:
		if i := strings.LastIndexAny(s, "+-"); i > 10 {
			zone := strings.ReplaceAll(s[i+1:], ":", "")
			if len(zone) != 2 && len(zone) != 4 || strings.Trim(zone, "0123456789") != "" {
				return "", false
			}
			offset = atoi(zone[:2]) * 3600
			if len(zone) == 4 {
				offset += atoi(zone[2:]) * 60
			}
			if s[i] == '-' {
				offset = -offset
			}
			s = strings.TrimSpace(s[:i])
		}
	}
	local, ok := timestampText(s)
	if !ok {
		return "", false
	}
	if offset == 0 {
		return local + "+00", true
	}
	date, frac, _ := strings.Cut(local, ".")
	at, err := time.Parse("2006-01-02 15:04:05", date)
	if err != nil {
		return "", false
	}
	out := at.Add(-time.Duration(offset) * time.Second).Format("2006-01-02 15:04:05")
	if frac != "" {
		out += "." + frac
	}
	return out + "+00", true
}

// SerialBase is the integer type a serial type (smallserial, serial,
// bigserial) stands for; ok is false for other types.
func SerialBase(t Type) (Type, bool) {
	base := map[string]string{"smallserial": "smallint", "serial": "integer", "bigserial": "bigint"}[t.Name]
	if base == "" || t.UserKind != "" || t.Array > 0 {
		return Type{}, false
	}
	return Type{Name: base}, true
}
