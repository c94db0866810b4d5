package schema

import (
	"math/big"
	"regexp"
	"slices"
	"strings"
)

// The Normalize methods put what PostgreSQL means into one form, so that
// the HCL decoder and the SQL loader store the same thing for the same
// meaning: words upper case, and a setting equal to PostgreSQL's default
// stored as the zero value (Method "" for BTREE, NullsDistinct nil for
// NULLS DISTINCT, …), whether the source spells the default or leaves it
// out.

// Normalize normalises every object of the realm that has a Normalize
// method. Readers that build a realm whole (the SQL loader, inspect) call
// it once at the end; the HCL decoder normalises each object it decodes.
// Normalising twice changes nothing.
func (r *Realm) Normalize() {
	for _, s := range r.Schemas {
		for _, t := range s.Tables {
			t.NormalizeWith(r.Columns(t))
			// A default of a domain column is stored cast to the
			// domain's base type ('ok'::text).
			for _, c := range t.Columns {
				if base := r.baseType(c.Type); !base.Equal(c.Type) {
					c.Default = NormalizeDefault(c.Default, base)
				}
			}
		}
		for _, v := range s.Views {
			v.Normalize()
		}
		for _, d := range s.Domains {
			d.Normalize()
		}
		for _, c := range s.Composites {
			c.Normalize()
		}
		for _, f := range s.Funcs {
			f.Normalize()
		}
		for _, q := range s.Sequences {
			q.Normalize()
		}
	}
}

// baseType is the type a domain type stands for, through domains over
// domains; other types, and domains the realm does not hold, are
// themselves.
func (r *Realm) baseType(t Type) Type {
	for range 10 {
		if t.UserKind != "domain" || t.Array > 0 {
			return t
		}
		s := r.Schema(t.UserSchema)
		if s == nil {
			return t
		}
		i := slices.IndexFunc(s.Domains, func(d *Domain) bool { return d.Name == t.Name })
		if i < 0 {
			return t
		}
		t = s.Domains[i].Type
	}
	return t
}

// Normalize normalises a table: its columns' defaults (NormalizeDefault),
// identities and COLLATE naming the type's own collation; its keys,
// indexes and partition key, whose parts drop the operator classes and
// collations that are their column's defaults (normalizeKeyParts); its
// constraints, triggers and policies.
func (t *Table) Normalize() { t.NormalizeWith(t.Columns) }

// NormalizeWith normalises t with cols as its columns (a partition's are
// its root's).
func (t *Table) NormalizeWith(cols []*Column) {
	for _, c := range t.Columns {
		normalizeColumnCollation(c)
		c.Default = NormalizeDefault(c.Default, c.Type)
		if c.Identity != nil {
			c.Identity.Normalize(c.Type)
		}
	}
	if t.PrimaryKey != nil {
		t.PrimaryKey.Normalize()
		normalizeKeyParts(t.PrimaryKey.Parts, t.PrimaryKey.Method, cols)
	}
	for _, ix := range t.Indexes {
		ix.Normalize()
		normalizeKeyParts(ix.Parts, ix.Method, cols)
	}
	if t.Partition != nil {
		normalizePartition(t.Partition, cols)
	}
	for _, fk := range t.ForeignKeys {
		fk.Normalize()
	}
	for _, ex := range t.Excludes {
		ex.Normalize()
	}
	for _, tr := range t.Triggers {
		tr.Normalize()
	}
	for _, p := range t.Policies {
		p.Normalize()
	}
}

// Normalize normalises a view's indexes (a materialized view's) and
// triggers.
func (v *View) Normalize() {
	for _, ix := range v.Indexes {
		ix.Normalize()
		normalizeKeyParts(ix.Parts, ix.Method, v.Columns)
	}
	for _, tr := range v.Triggers {
		tr.Normalize()
	}
}

// Normalize normalises a domain's default.
func (d *Domain) Normalize() { d.Default = NormalizeDefault(d.Default, d.Type) }

// Normalize clears a composite's field COLLATE that names the field
// type's own collation.
func (c *Composite) Normalize() {
	for _, f := range c.Fields {
		normalizeColumnCollation(f)
	}
}

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

// Normalize normalises a routine's words and defaults (COST, ROWS and
// SET too: normalizeOptions), its arguments' by NormalizeDefault, and spells out the result a function with OUT
// arguments and no RETURNS has: the type of its one OUT argument, or
// record.
func (f *Func) Normalize() {
	f.Lang = strings.ToUpper(f.Lang)
	f.Volatility = unlessDefault(f.Volatility, "VOLATILE")
	f.Security = unlessDefault(f.Security, "INVOKER")
	f.Parallel = unlessDefault(f.Parallel, "UNSAFE")
	f.normalizeOptions()
	var out []*FuncArg
	for _, a := range f.Args {
		a.Mode = unlessDefault(a.Mode, "IN")
		a.Default = NormalizeDefault(a.Default, a.Type)
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

// Normalize normalises a policy's words and defaults, and keeps only
// PUBLIC when the roles include it, as PostgreSQL does.
func (p *Policy) Normalize() {
	p.As = unlessDefault(p.As, "PERMISSIVE")
	p.For = unlessDefault(p.For, "ALL")
	// PostgreSQL ignores the other roles when PUBLIC is among them (every
	// role is a member of PUBLIC) and stores PUBLIC alone.
	if slices.ContainsFunc(p.To, func(r string) bool { return strings.EqualFold(r, "PUBLIC") }) {
		p.To = nil
	}
	slices.Sort(p.To) // roles are a set
}

// Normalize puts a trigger's events in one order: INSERT, UPDATE,
// DELETE, TRUNCATE; INITIALLY DEFERRED makes it DEFERRABLE.
func (t *Trigger) Normalize() {
	t.Timing = strings.ToUpper(t.Timing)
	t.Deferrable = t.Deferrable || t.InitiallyDeferred
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
	inc := int64(1)
	if s.Increment != nil {
		inc = *s.Increment
	}
	defMin, defMax := SequenceBounds(s.Type, inc)
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

// DefaultPublicComment is the comment PostgreSQL gives the public
// schema of a new database. A catalog cannot tell it from the same
// comment set by COMMENT ON SCHEMA; inspect reads it as no comment.
const DefaultPublicComment = "standard public schema"

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

var numberRe = regexp.MustCompile(`^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$`)

// NormalizeDefault returns the default e of a column, domain or routine
// argument of type t in the one form PostgreSQL's catalog allows.
// PostgreSQL stores DEFAULT 'a' and DEFAULT 'a'::text on a text column
// alike, as 'a'::text, DEFAULT -1 on an integer column as '-1'::integer,
// and DEFAULT '7' on an integer column as 7. So:
//
//   - SQL text that is a literal cast to t itself (modifiers aside:
//     'x'::character varying on a varchar(10)), or a typed literal
//     (interval '2 hours'), is that literal: a string, or a number for a
//     numeric type;
//   - on a numeric type (smallint, integer, bigint, numeric, real, double
//     precision), a number cast to any of them ('1500'::numeric on a
//     double precision column, where PostgreSQL hides the implicit cast)
//     is a number, and so is a string literal that is a number;
//   - a bare number is a number, true and false are bools;
//   - a string of type boolean, date, timestamp, time, interval or jsonb
//     is spelled as PostgreSQL prints the value back, where
//     canonicalLiteral knows how: 'yes' is true, '2 hours' '02:00:00'.
//
// Other SQL, and literals cast to other types, are returned unchanged; e
// is never modified.
func NormalizeDefault(e *Expr, t Type) *Expr {
	if e == nil {
		return e
	}
	v := strings.TrimSpace(e.Value)
	numeric := isNumericType(t)
	out := *e
	switch {
	case e.Kind == ExprString && numeric && numberRe.MatchString(v):
		out.Kind, out.Value = ExprNumber, numberText(v)
	case e.Kind == ExprString:
	case e.Kind != ExprSQL:
		return e
	case v == "true" || v == "false":
		out.Kind, out.Value = ExprBool, v
	case numberRe.MatchString(v):
		out.Kind, out.Value = ExprNumber, numberText(v)
	default:
		lit, typ, quoted, ok := castLiteral(v)
		switch {
		case !ok:
			return e
		case numeric && numberRe.MatchString(lit) && (castTypeIs(typ, t) || isNumericTypeText(typ)):
			out.Kind, out.Value = ExprNumber, numberText(lit)
		case quoted && castTypeIs(typ, t):
			out.Kind, out.Value = ExprString, lit
		default:
			return e
		}
	}
	if out.Kind == ExprString {
		if text, kind, ok := canonicalLiteral(out.Value, t); ok {
			out.Kind, out.Value = kind, text
		}
	}
	if out == *e {
		return e
	}
	return &out
}

// numericTypes are the built-in types whose literals are numbers.
var numericTypes = map[string]bool{"smallint": true, "integer": true, "bigint": true, "numeric": true, "real": true, "double precision": true}

// isNumericType reports whether t is one of numericTypes.
func isNumericType(t Type) bool {
	return t.UserKind == "" && t.Raw == "" && t.Array == 0 && numericTypes[t.Name]
}

// isNumericTypeText reports whether the type a cast names is one of
// numericTypes.
func isNumericTypeText(typ string) bool {
	t, ok := ParseSQLType(typ)
	return ok && isNumericType(t)
}

// numberText spells a number literal as the SQL loader and the HCL
// decoder do (NumberText).
func numberText(v string) string {
	f, _, err := big.ParseFloat(v, 10, 512, big.ToNearestEven)
	if err != nil {
		return v
	}
	return NumberText(f)
}

// castLiteral splits 'literal'::type, type 'literal' or number::type
// into the literal's value and the type's text; quoted tells whether the
// literal was a string.
func castLiteral(v string) (lit, typ string, quoted, ok bool) {
	q := strings.IndexByte(v, '\'')
	switch {
	case q == 0:
		lit, rest, ok := quotedLiteral(v)
		rest, cast := strings.CutPrefix(rest, "::")
		if !ok || !cast {
			return "", "", false, false
		}
		return lit, strings.TrimSpace(rest), true, true
	case q > 0:
		lit, rest, ok := quotedLiteral(v[q:])
		typ := strings.TrimSpace(v[:q])
		if !ok || rest != "" || typ == "" {
			return "", "", false, false
		}
		return lit, typ, true, true
	}
	lit, typ, ok = strings.Cut(v, "::")
	if !ok || !numberRe.MatchString(lit) {
		return "", "", false, false
	}
	return lit, strings.TrimSpace(typ), false, true
}

// quotedLiteral reads the string literal v starts with, quotes doubled
// inside, and returns its value and the text after it.
func quotedLiteral(v string) (lit, rest string, ok bool) {
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		if v[i] != '\'' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), v[i+1:], true
	}
	return "", "", false
}

// castTypeIs reports whether the type text of a cast names t, modifiers
// aside.
func castTypeIs(typ string, t Type) bool {
	arrays := 0
	for strings.HasSuffix(typ, "[]") {
		typ, arrays = strings.TrimSpace(strings.TrimSuffix(typ, "[]")), 1
	}
	switch {
	case t.UserKind != "":
		parts, _, ok := SplitName(typ)
		n := len(parts)
		return ok && n <= 2 && arrays == t.Array && parts[n-1] == t.Name && (n == 1 || parts[0] == t.UserSchema)
	case t.Raw != "":
		return strings.EqualFold(typ+strings.Repeat("[]", arrays), t.Raw)
	case typ == `"char"`:
		return t.Name == typ && arrays == t.Array
	}
	u, ok := ParseSQLType(typ)
	return ok && u.Name == t.Name && arrays == t.Array
}
