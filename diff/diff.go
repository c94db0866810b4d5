// Package diff plans migrations: given two models of a database (from HCL,
// SQL, a migration directory or a live database), it lists the statements
// that turn the first into the second, in an order PostgreSQL accepts,
// each marked destructive or not and with the statement that undoes it
// where there is one. It needs no database: the models are compared
// field by field, after both sides were normalised the same way by the
// packages that made them.
package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// Change is one statement of a plan.
type Change struct {
	SQL string // the statement, without its terminating semicolon
	// Reverse undoes it; empty when nothing can (a dropped column's data).
	Reverse string
	// Destructive: it drops an object or data that the reverse cannot
	// bring back.
	Destructive bool
	phase       phase
	// path is the schema whose objects the statement's SQL names
	// unqualified ("" for none but public's): SQL text of an object
	// resolves names in the object's schema, then public.
	path string
}

// Plan is the ordered changes between two models, and what the planner
// has to say about them (a value that cannot be removed from an enum in
// place, a table that must be re-created).
type Plan struct {
	Changes  []*Change
	Warnings []string
}

// SQL writes the plan's statements, each ended by a semicolon on its own
// line; empty when the models are equal.
func (p *Plan) SQL() string {
	var b strings.Builder
	for _, c := range p.Changes {
		b.WriteString(c.SQL + ";\n")
	}
	return b.String()
}

// Options tunes comparison.
type Options struct {
	// NormalizeExpr returns the canonical text of an SQL expression
	// (defaults, checks, predicates, index expressions): PostgreSQL's
	// deparsed form, say. Without it, expressions compare with blanks
	// collapsed.
	NormalizeExpr func(string) string
	// NormalizeQuery does the same for view queries and routine bodies.
	NormalizeQuery func(string) string
	// CurrentRole is the role the plan runs as, when known (it is when one
	// side is a database: the role that read it). PostgreSQL stores the
	// role that CURRENT_USER, CURRENT_ROLE or SESSION_USER names in a
	// policy's roles, so with it those compare as that role.
	CurrentRole string
	// ServerVersion is the server_version_num of the PostgreSQL the plan
	// is for (150004), 0 when not known. The plan then uses only what that
	// version accepts (CREATE OR REPLACE TRIGGER needs 14), and warns of
	// what the desired schema needs a later one for; when not known it
	// may use anything PostgreSQL 15 accepts.
	ServerVersion int
}

// phase orders the kinds of changes so that every statement finds what it
// needs: schemas and types before the tables using them, tables before
// foreign keys and views, functions before triggers; drops in the
// opposite order.
type phase int

const (
	dropViews        phase = iota // first: a view blocks changes to what it reads
	detachPartitions              // before what was inherited is changed (partitions.go)
	createSchemas
	createExtensions
	createTypes
	createSequences
	dropDependents     // foreign keys, views, triggers, policies, indexes that change or go
	dropConstraints    // keys and checks that change or go: their names are free again
	dropTables         // before tables and indexes are created: they may reuse names
	dropRemadeRoutines // routines made anew, once nothing using them stays
	createEarlyRoutines
	convertColumns // columns of the types made anew (convert.go)
	alterTables
	attachPartitions // partitions created or attached, parents first (partitions.go)
	createIndexes
	addForeignKeys
	createRoutines
	createViews
	createTriggers
	setComments
	dropRoutines
	dropSequences
	dropTypes
	dropSchemas
	dropExtensions
)

// Compute plans the changes that turn from into to.
func Compute(from, to *schema.Realm, opts Options) *Plan {
	p := &planner{opts: opts, out: &Plan{}, norm: map[string]string{}, retyped: map[*schema.Table]bool{}, touched: map[string]*tableChanges{}, names: map[*schema.Schema]map[string]bool{}}
	if from == nil {
		from = &schema.Realm{}
	}
	if to == nil {
		to = &schema.Realm{}
	}
	p.from = from
	p.extensions(from, to)
	p.types(from, to)
	p.routines(from, to)
	for _, ts := range to.Schemas {
		fs := from.Schema(ts.Name)
		if fs == nil {
			fs = &schema.Schema{Name: ts.Name}
			if ts.Name != "public" {
				p.add(createSchemas, "CREATE SCHEMA "+ident(ts.Name), "DROP SCHEMA "+ident(ts.Name), false)
			}
		}
		p.schema(fs, ts)
	}
	for _, fs := range from.Schemas {
		if to.Schema(fs.Name) == nil {
			p.schema(fs, &schema.Schema{Name: fs.Name})
			if fs.Name != "public" {
				p.add(dropSchemas, "DROP SCHEMA "+ident(fs.Name), "CREATE SCHEMA "+ident(fs.Name), true)
			}
		}
	}
	p.partitions(from, to)
	p.foreignKeys(from, to)
	p.views(from, to)
	p.versionWarnings(to)
	slices.SortStableFunc(p.out.Changes, func(a, b *Change) int { return int(a.phase) - int(b.phase) })
	p.out.Changes = searchPaths(p.out.Changes)
	return p.out
}

// searchPaths sets search_path around each run of changes whose SQL
// names objects of another schema than public unqualified, and resets it
// after.
func searchPaths(changes []*Change) []*Change {
	var out []*Change
	cur := ""
	for _, c := range append(changes, &Change{}) {
		if c.path != cur {
			if cur != "" {
				out = append(out, &Change{SQL: "RESET search_path", phase: c.phase})
			}
			if c.path != "" {
				out = append(out, &Change{SQL: "SET search_path TO " + ident(c.path) + ", public", phase: c.phase})
			}
			cur = c.path
		}
		if c.SQL != "" {
			out = append(out, c)
		}
	}
	return out
}

type planner struct {
	opts Options
	out  *Plan
	from *schema.Realm // the current model, for what is changed in place
	// norm memoises normalised expressions and queries: a plan compares
	// the same text many times (an unchanged table's every default).
	norm map[string]string
	// retyped are the tables whose column types the plan changes (or that
	// it re-creates): views reading them are dropped and created again.
	retyped map[*schema.Table]bool
	// touched records, by qualified name, what the plan does to tables
	// that foreign keys depend on.
	touched map[string]*tableChanges
	// names memoises namesOf.
	names map[*schema.Schema]map[string]bool
	// remade is what the plan makes anew: types and routines (types.go).
	remade remade
}

func (p *planner) add(ph phase, sql, reverse string, destructive bool) {
	p.out.Changes = append(p.out.Changes, &Change{SQL: sql, Reverse: reverse, Destructive: destructive, phase: ph})
}

// addIn adds a change whose SQL (text) belongs to an object of schema s:
// it runs with s first in search_path when text names an object of s
// without qualifying it.
func (p *planner) addIn(s *schema.Schema, text string, ph phase, sql, reverse string, destructive bool) {
	p.add(ph, sql, reverse, destructive)
	p.resolving(s, text)
}

// resolving marks the change added last as one whose SQL texts belong to
// an object of schema s (addIn).
func (p *planner) resolving(s *schema.Schema, texts ...string) {
	if s != nil && s.Name != "public" && namesUnqualified(strings.Join(texts, "\n"), p.namesOf(s)) {
		p.out.Changes[len(p.out.Changes)-1].path = s.Name
	}
}

// namesOf is the set of the names, lower case, of the objects of schema s
// (memoised per plan).
func (p *planner) namesOf(s *schema.Schema) map[string]bool {
	if names, ok := p.names[s]; ok {
		return names
	}
	names := map[string]bool{}
	for _, o := range s.Objects() {
		names[strings.ToLower(o.Name)] = true
	}
	p.names[s] = names
	return names
}

// namesUnqualified reports whether SQL text names one of names (a
// schema's objects) without a schema.
func namesUnqualified(text string, names map[string]bool) bool {
	lower := strings.ToLower(text)
	for _, w := range words(text) {
		if !names[w] {
			continue
		}
		// Any occurrence not right after a dot.
		for i := strings.Index(lower, w); i >= 0; {
			before := strings.TrimRight(lower[:i], `"`)
			if !strings.HasSuffix(before, ".") {
				return true
			}
			j := strings.Index(lower[i+1:], w)
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	return false
}

func (p *planner) warn(format string) { p.out.Warnings = append(p.out.Warnings, format) }

// sameExpr compares SQL expressions as PostgreSQL would store them.
func (p *planner) sameExpr(a, b string) bool {
	return a == b || p.normalized("e", a, p.opts.NormalizeExpr) == p.normalized("e", b, p.opts.NormalizeExpr)
}

func (p *planner) sameQuery(a, b string) bool {
	return a == b || p.normalized("q", a, p.opts.NormalizeQuery) == p.normalized("q", b, p.opts.NormalizeQuery)
}

// normalized is text in the form f gives it (blanks collapsed without f),
// memoised by kind and text.
func (p *planner) normalized(kind, text string, f func(string) string) string {
	key := kind + text
	if n, ok := p.norm[key]; ok {
		return n
	}
	n := collapse(text)
	if f != nil {
		n = f(text)
	}
	p.norm[key] = n
	return n
}

// collapse folds runs of blanks into one space and drops a final
// semicolon.
func collapse(s string) string {
	return strings.TrimSuffix(strings.Join(strings.Fields(s), " "), ";")
}

// schema plans the changes within one schema (from is empty when the
// schema is new, to when it goes).
func (p *planner) schema(from, to *schema.Schema) {
	p.sequences(from, to)
	p.tables(from, to)
	if from.Comment != to.Comment && to.Name != "" && (to.Pos != (schema.Pos{}) || to.Comment != "") {
		p.add(setComments, commentOn("SCHEMA "+ident(to.Name), to.Comment), commentOn("SCHEMA "+ident(to.Name), from.Comment), false)
	}
}
