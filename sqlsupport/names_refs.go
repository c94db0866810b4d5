package sqlsupport

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// target walks the relation a data-modifying statement changes and
// returns the scope its other clauses see.
func (w *walker) target(rv *pg_query.RangeVar, sc *scope) *scope {
	inner := &scope{parent: sc}
	if rv != nil {
		inner.rels = append(inner.rels, w.relation(rv, sc))
	}
	return inner
}

// targetColumns checks the column names an INSERT lists or an UPDATE sets.
func (w *walker) targetColumns(list []*pg_query.Node, r *rel) {
	for _, n := range list {
		rt := n.GetResTarget()
		if rt == nil || rt.Name == "" || r == nil || r.cols == nil {
			continue
		}
		rng := source.Range{Start: int(rt.Location), End: int(rt.Location)}
		if names := w.nameRanges(int(rt.Location), 1); len(names) > 0 {
			rng = names[0]
		}
		w.columnUse(r, rt.Name, rng)
	}
}

func (w *walker) insertStmt(s *pg_query.InsertStmt, sc *scope) {
	sc = w.with(s.WithClause, sc)
	inner := w.target(s.Relation, sc)
	w.targetColumns(s.Cols, firstRel(inner))
	w.node(s.SelectStmt, sc)
	if oc := s.OnConflictClause; oc != nil {
		conflict := &scope{parent: inner, rels: []*rel{relWithName(firstRel(inner), "excluded")}}
		if oc.Infer != nil {
			w.fields(oc.Infer.ProtoReflect(), inner)
		}
		w.targetColumns(oc.TargetList, firstRel(inner))
		for _, t := range oc.TargetList {
			w.node(t.GetResTarget().GetVal(), conflict)
		}
		w.node(oc.WhereClause, conflict)
	}
	for _, n := range s.ReturningList {
		w.node(n, inner)
	}
}

func firstRel(sc *scope) *rel {
	if len(sc.rels) == 0 {
		return nil
	}
	return sc.rels[0]
}

func relWithName(r *rel, name string) *rel {
	if r == nil {
		return &rel{name: name}
	}
	c := *r
	c.name = name
	return &c
}

func (w *walker) updateStmt(s *pg_query.UpdateStmt, sc *scope) {
	sc = w.with(s.WithClause, sc)
	inner := w.target(s.Relation, sc)
	for _, f := range s.FromClause {
		w.fromItem(f, inner)
	}
	w.targetColumns(s.TargetList, firstRel(inner))
	for _, t := range s.TargetList {
		w.node(t.GetResTarget().GetVal(), inner)
	}
	w.node(s.WhereClause, inner)
	for _, n := range s.ReturningList {
		w.node(n, inner)
	}
}

func (w *walker) deleteStmt(s *pg_query.DeleteStmt, sc *scope) {
	sc = w.with(s.WithClause, sc)
	inner := w.target(s.Relation, sc)
	for _, f := range s.UsingClause {
		w.fromItem(f, inner)
	}
	w.node(s.WhereClause, inner)
	for _, n := range s.ReturningList {
		w.node(n, inner)
	}
}

func (w *walker) mergeStmt(s *pg_query.MergeStmt, sc *scope) {
	sc = w.with(s.WithClause, sc)
	inner := w.target(s.Relation, sc)
	w.fromItem(s.SourceRelation, inner)
	w.node(s.JoinCondition, inner)
	for _, n := range s.MergeWhenClauses {
		mw := n.GetMergeWhenClause()
		if mw == nil {
			continue
		}
		w.node(mw.Condition, inner)
		w.targetColumns(mw.TargetList, firstRel(inner))
		for _, t := range mw.TargetList {
			w.node(t.GetResTarget().GetVal(), inner)
		}
		for _, v := range mw.Values {
			w.node(v, inner)
		}
	}
	for _, n := range s.ReturningList {
		w.node(n, inner)
	}
}

// columnRef resolves a column reference: name, rel.name or
// schema.rel.name (rel.* and * check their qualifier only).
func (w *walker) columnRef(cr *pg_query.ColumnRef, sc *scope) {
	var names []string
	for _, f := range cr.Fields {
		if s := f.GetString_(); s != nil {
			names = append(names, s.Sval)
		}
	}
	star := len(names) < len(cr.Fields)
	ranges := w.nameRanges(int(cr.Location), len(cr.Fields))
	if len(names) == 0 || len(ranges) < len(names) {
		return
	}
	switch {
	case len(names) == 1 && !star:
		w.bareColumn(names[0], ranges[0], sc)
	case len(names) >= 2 || star:
		qual := names[len(names)-1]
		if !star {
			qual = names[len(names)-2]
		}
		if w.isParam(qual) || qual == w.ctx.Routine {
			return
		}
		r := lookupRel(sc, qual)
		if r == nil {
			if len(names) == 2 && !star && !w.opaque(sc) {
				qi := len(names) - 2
				w.uses = append(w.uses, Use{Kind: UseRelation, Range: ranges[qi], Name: qual,
					Problem: fmt.Sprintf("missing FROM-clause entry for table %q", qual)})
			}
			return
		}
		qi := len(names) - 1
		if !star {
			qi = len(names) - 2
		}
		if r.obj != nil && r.name == objName(r.obj) {
			// A qualifier naming the table itself (not an alias) is a use of it.
			w.uses = append(w.uses, Use{Kind: UseRelation, Range: ranges[qi], Name: qual, Target: r.obj})
		}
		if !star && r.cols != nil {
			w.columnUse(r, names[len(names)-1], ranges[len(names)-1])
		}
	}
}

func objName(obj any) string {
	switch o := obj.(type) {
	case *schema.Table:
		return o.Name
	case *schema.View:
		return o.Name
	}
	return ""
}

func (w *walker) isParam(name string) bool { return slices.Contains(w.ctx.Params, name) }

func lookupRel(sc *scope, name string) *rel {
	for ; sc != nil; sc = sc.parent {
		for _, r := range sc.rels {
			if r.name == name {
				return r
			}
		}
	}
	return nil
}

// opaque reports whether any entry in scope has columns not known here.
func (w *walker) opaque(sc *scope) bool {
	for ; sc != nil; sc = sc.parent {
		for _, r := range sc.rels {
			if r.cols == nil {
				return true
			}
		}
	}
	return false
}

// bareColumn resolves an unqualified name: a column of an entry in scope
// (innermost first), a parameter, VALUE, or a whole-row reference.
func (w *walker) bareColumn(name string, r source.Range, sc *scope) {
	if w.isParam(name) || w.ctx.Value && name == "value" {
		return
	}
	var known []string
	for s := sc; s != nil; s = s.parent {
		for _, rl := range s.rels {
			if rl.name == name {
				return // the whole row of an entry
			}
			if c := columnNamed(rl.cols, name); c != nil {
				w.uses = append(w.uses, Use{Kind: UseColumn, Range: r, Name: name, Target: c})
				return
			}
			for _, c := range rl.cols {
				known = append(known, c.Name)
			}
		}
	}
	if w.opaque(sc) || !hasRels(sc) {
		return
	}
	w.uses = append(w.uses, Use{Kind: UseColumn, Range: r, Name: name,
		Problem: fmt.Sprintf("column %q does not exist%s", name, suggestion(name, known))})
}

func hasRels(sc *scope) bool {
	for ; sc != nil; sc = sc.parent {
		if len(sc.rels) > 0 {
			return true
		}
	}
	return false
}

func columnNamed(cols []*schema.Column, name string) *schema.Column {
	for _, c := range cols {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// columnUse resolves name as a column of r.
func (w *walker) columnUse(r *rel, name string, rng source.Range) {
	if c := columnNamed(r.cols, name); c != nil {
		w.uses = append(w.uses, Use{Kind: UseColumn, Range: rng, Name: name, Target: c})
		return
	}
	var known []string
	for _, c := range r.cols {
		known = append(known, c.Name)
	}
	w.uses = append(w.uses, Use{Kind: UseColumn, Range: rng, Name: name,
		Problem: fmt.Sprintf("column %q of %s does not exist%s", name, describeRel(r), suggestion(name, known))})
}

func describeRel(r *rel) string {
	switch o := r.obj.(type) {
	case *schema.Table:
		return fmt.Sprintf("table %q", o.Name)
	case *schema.View:
		return fmt.Sprintf("view %q", o.Name)
	}
	return fmt.Sprintf("%q", r.name)
}

// funcCall resolves a function's name against the model's routines and
// PostgreSQL's built-ins, then walks its arguments.
func (w *walker) funcCall(fc *pg_query.FuncCall, sc *scope) {
	var names []string
	for _, n := range fc.Funcname {
		if s := n.GetString_(); s != nil {
			names = append(names, s.Sval)
		}
	}
	if len(names) > 0 {
		w.function(names, int(fc.Location))
	}
	for _, n := range fc.Args {
		w.node(n, sc)
	}
	for _, n := range fc.AggOrder {
		w.node(n, sc)
	}
	w.node(fc.AggFilter, sc)
	if fc.Over != nil {
		w.fields(fc.Over.ProtoReflect(), sc)
	}
}

func (w *walker) function(names []string, loc int) {
	name, sch := names[len(names)-1], ""
	if len(names) > 1 {
		sch = names[len(names)-2]
	}
	if sch == "pg_catalog" || sch == "information_schema" {
		return
	}
	ranges := w.nameRanges(loc, len(names))
	if len(ranges) == 0 {
		return
	}
	r := ranges[len(ranges)-1]
	var candidates []string
	for _, s := range w.ctx.Realm.Schemas {
		if sch != "" && s.Name != sch {
			continue
		}
		for _, f := range s.Funcs {
			if f.Name == name {
				w.uses = append(w.uses, Use{Kind: UseFunction, Range: r, Name: name, Target: f})
				return
			}
			candidates = append(candidates, f.Name)
		}
	}
	if sch == "" && builtin(name) || len(w.ctx.Realm.Extensions) > 0 && (sch == "" || w.ctx.Realm.Schema(sch) == nil) {
		return // PostgreSQL's own, or possibly an extension's
	}
	w.uses = append(w.uses, Use{Kind: UseFunction, Range: r, Name: name,
		Problem: fmt.Sprintf("function %s does not exist%s", strings.Join(names, "."), suggestion(name, candidates))})
}

//go:embed builtins.txt
var builtinsTxt string

// builtinNames are PostgreSQL's built-in function identifiers, sorted:
// a name, then its argument types, joined by _.
var builtinNames = func() []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(builtinsTxt))
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// builtin reports whether name may be a built-in function: an identifier
// is the name itself or the name followed by _ and argument types. A name
// that is a prefix of a longer built-in's (lower of lower_inc) passes too:
// a false negative is better than a false warning.
func builtin(name string) bool {
	name = strings.ToLower(name)
	i := sort.SearchStrings(builtinNames, name)
	return i < len(builtinNames) && (builtinNames[i] == name || strings.HasPrefix(builtinNames[i], name+"_"))
}

// nameRanges returns the ranges of up to n dotted name parts starting at
// loc in the current statement (quotes excluded).
func (w *walker) nameRanges(loc, n int) []source.Range {
	if loc < 0 {
		return nil
	}
	off := w.stmt.Start + loc
	if off >= len(w.text) {
		return nil
	}
	var out []source.Range
	for i := off; i < len(w.text) && len(out) < n; {
		switch c := w.text[i]; {
		case c == '"':
			end := quotedEnd(w.text, i, '"', false)
			out = append(out, source.Range{Start: i + 1, End: max(i+1, end-1)})
			i = end
		case isIdentByte(c) && !(c >= '0' && c <= '9'):
			j := i
			for j < len(w.text) && (isIdentByte(w.text[j]) || w.text[j] == '$') {
				j++
			}
			out = append(out, source.Range{Start: i, End: j})
			i = j
		case c == '*':
			out = append(out, source.Range{Start: i, End: i + 1})
			i++
		default:
			return out
		}
		// skip blanks and one dot to the next part
		for i < len(w.text) && (w.text[i] == ' ' || w.text[i] == '\n' || w.text[i] == '\t' || w.text[i] == '\r') {
			i++
		}
		if i >= len(w.text) || w.text[i] != '.' {
			return out
		}
		i++
		for i < len(w.text) && (w.text[i] == ' ' || w.text[i] == '\n' || w.text[i] == '\t' || w.text[i] == '\r') {
			i++
		}
	}
	return out
}
