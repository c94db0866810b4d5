package diff

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// sequences plans CREATE, ALTER and DROP SEQUENCE. A sequence owned by a
// column goes with it (DROP COLUMN, DROP TABLE): one whose owner goes is
// not dropped again, and one that stays is released before.
func (p *planner) sequences(from, to *schema.Schema) {
	for _, q := range to.Sequences {
		name := qname(q.Schema, q.Name)
		old := findSequence(from.Sequences, q.Name)
		if old == nil {
			p.add(createSequences, "CREATE SEQUENCE "+name+sequenceOptions(q, nil), "DROP SEQUENCE "+name, false)
			if q.OwnedBy != "" {
				p.add(addForeignKeys, "ALTER SEQUENCE "+name+" OWNED BY "+ownedBy(q), "", false)
			}
			p.typeComment("SEQUENCE", q.Schema, q.Name, "", q.Comment)
			continue
		}
		if opts := sequenceOptions(q, old); opts != "" {
			// Bounds that move past where the sequence may stand make
			// PostgreSQL refuse them unless it restarts.
			if effectiveMin(q) > effectiveMin(old) || effectiveMax(q) < effectiveMax(old) {
				opts += " RESTART"
				p.warn(fmt.Sprintf("sequence %s: its bounds narrow, so it restarts at its start; values it handed out before may come again", name))
			}
			p.add(createSequences, "ALTER SEQUENCE "+name+opts, "ALTER SEQUENCE "+name+sequenceOptions(old, q), false)
		}
		p.sequenceOwner(old, q, from, to)
		p.typeComment("SEQUENCE", q.Schema, q.Name, old.Comment, q.Comment)
	}
	for _, q := range from.Sequences {
		if findSequence(to.Sequences, q.Name) == nil && !ownerGoes(q, from, to) {
			p.add(dropSequences, "DROP SEQUENCE "+qname(q.Schema, q.Name), "CREATE SEQUENCE "+qname(q.Schema, q.Name)+sequenceOptions(q, nil), true)
		}
	}
}

// sequenceOwner plans OWNED BY: NONE before the old owner goes (or its
// table is re-created), the new owner once its column exists.
func (p *planner) sequenceOwner(old, q *schema.Sequence, from, to *schema.Schema) {
	goes := ownerGoes(old, from, to)
	if old.OwnedBy == q.OwnedBy && !goes {
		return
	}
	name := "ALTER SEQUENCE " + qname(q.Schema, q.Name) + " OWNED BY "
	before := "NONE"
	if old.OwnedBy != "" {
		before = ownedBy(old)
	}
	if old.OwnedBy != "" && (q.OwnedBy == "" || goes) {
		p.add(dropDependents, name+"NONE", name+before, false)
		before = "NONE"
	}
	if q.OwnedBy != "" {
		p.add(addForeignKeys, name+ownedBy(q), name+before, false)
	}
}

// ownerGoes reports whether the column owning q is dropped, or its table
// dropped or created again: either takes q with it.
func ownerGoes(q *schema.Sequence, from, to *schema.Schema) bool {
	table, col, _ := strings.Cut(q.OwnedBy, ".")
	ft, tt := from.Table(table), to.Table(table)
	return q.OwnedBy != "" && ft != nil && (tt == nil || tt.Column(col) == nil || !samePartition(ft.Partition, tt.Partition))
}

func findSequence(list []*schema.Sequence, name string) *schema.Sequence {
	for _, q := range list {
		if q.Name == name {
			return q
		}
	}
	return nil
}

// effectiveMin and effectiveMax are a sequence's bounds, defaults
// included (an ascending sequence starts at 1, a descending one ends at
// -1).
func effectiveMin(q *schema.Sequence) int64 {
	switch {
	case q.Min != nil:
		return *q.Min
	case q.Increment != nil && *q.Increment < 0:
		return math.MinInt64
	}
	return 1
}

func effectiveMax(q *schema.Sequence) int64 {
	switch {
	case q.Max != nil:
		return *q.Max
	case q.Increment != nil && *q.Increment < 0:
		return -1
	}
	return math.MaxInt64
}

func sameInt(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// defaultStart is where PostgreSQL starts a sequence when START is left
// out: its minimum when it ascends, its maximum when it descends.
func defaultStart(q *schema.Sequence) int64 {
	if q.Increment != nil && *q.Increment < 0 {
		if q.Max != nil {
			return *q.Max
		}
		return -1
	}
	if q.Min != nil {
		return *q.Min
	}
	return 1
}

func ownedBy(q *schema.Sequence) string {
	table, col, _ := strings.Cut(q.OwnedBy, ".")
	return qname(q.Schema, table) + "." + ident(col)
}

// sequenceOptions writes the options of q that differ from old (all of
// them when old is nil).
func sequenceOptions(q, old *schema.Sequence) string {
	var b strings.Builder
	// reset is how an option goes back to its default.
	num := func(label, reset string, v, was *int64) {
		switch {
		case v != nil && (old == nil || was == nil || *v != *was):
			b.WriteString(" " + label + " " + strconv.FormatInt(*v, 10))
		case v == nil && old != nil && was != nil:
			b.WriteString(" " + reset)
		}
	}
	if old == nil && q.Type.Name != "" || old != nil && !old.Type.Equal(q.Type) {
		t := q.Type
		if t.Name == "" {
			t = schema.Type{Name: "bigint"}
		}
		b.WriteString(" AS " + t.String())
	}
	var wasInc, wasMin, wasMax, wasStart, wasCache *int64
	if old != nil {
		wasInc, wasMin, wasMax, wasStart, wasCache = old.Increment, old.Min, old.Max, old.Start, old.Cache
	}
	num("INCREMENT BY", "INCREMENT BY 1", q.Increment, wasInc)
	num("MINVALUE", "NO MINVALUE", q.Min, wasMin)
	num("MAXVALUE", "NO MAXVALUE", q.Max, wasMax)
	switch {
	case q.Start != nil && (old == nil || wasStart == nil || *q.Start != *wasStart):
		b.WriteString(" START WITH " + strconv.FormatInt(*q.Start, 10))
	case q.Start == nil && old != nil && (wasStart != nil || !sameInt(q.Min, wasMin) || !sameInt(q.Max, wasMax) || !sameInt(q.Increment, wasInc)):
		// The default start follows the bounds and direction: say it, or
		// the old start may fall outside the new bounds.
		b.WriteString(" START WITH " + strconv.FormatInt(defaultStart(q), 10))
	}
	if q.Cache != nil && (old == nil || wasCache == nil || *q.Cache != *wasCache) {
		b.WriteString(" CACHE " + strconv.FormatInt(*q.Cache, 10))
	} else if q.Cache == nil && wasCache != nil {
		b.WriteString(" CACHE 1")
	}
	if q.Cycle && (old == nil || !old.Cycle) {
		b.WriteString(" CYCLE")
	} else if !q.Cycle && old != nil && old.Cycle {
		b.WriteString(" NO CYCLE")
	}
	return b.String()
}
