package diff

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// views plans the views and materialized views of both realms at once,
// since a view may read views and tables of any schema. A view whose
// query or columns change is changed in place when PostgreSQL allows it
// (views_inplace.go), else dropped and created again with its indexes;
// so is a view that reads a table whose column types change (PostgreSQL
// refuses the change while the view exists), a routine or type the plan
// makes anew, or a view that is dropped, and a view using * over a view
// changed in place (its columns were fixed when it was made).
// Drops go dependents first, creations in dependency order.
func (p *planner) views(from, to *schema.Realm) {
	all := func(r *schema.Realm) []*schema.View {
		var out []*schema.View
		for _, s := range r.Schemas {
			out = append(out, s.Views...)
		}
		return out
	}
	match := func(r *schema.Realm, v *schema.View) *schema.View {
		if s := r.Schema(v.Schema.Name); s != nil {
			for _, o := range s.Views {
				if o.Name == v.Name && o.Materialized == v.Materialized {
					return o
				}
			}
		}
		return nil
	}
	fromViews, toViews := all(from), all(to)
	drop, create := map[*schema.View]bool{}, map[*schema.View]bool{}
	inPlace := map[*schema.View]*viewChange{} // by the current view
	for _, v := range toViews {
		old := match(from, v)
		if old != nil && p.sameView(old, v) {
			continue
		}
		if ch := p.viewInPlace(old, v); ch != nil {
			inPlace[old] = ch
			continue
		}
		create[v] = true
		if old != nil {
			drop[old] = true
		}
	}
	for _, v := range fromViews {
		if match(to, v) == nil {
			drop[v] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for _, v := range fromViews {
			if drop[v] || !p.readsRetyped(v) && !p.readsRemade(v.Def) && !slices.ContainsFunc(fromViews, func(o *schema.View) bool {
				return mentions(v.Def, o.Name) && (drop[o] || inPlace[o] != nil && strings.Contains(v.Def, "*"))
			}) {
				continue
			}
			drop[v], grew = true, true
			delete(inPlace, v)
			if n := match(to, v); n != nil {
				create[n] = true
			}
		}
	}
	dropped := orderViews(slices.DeleteFunc(slices.Clone(fromViews), func(v *schema.View) bool { return !drop[v] }))
	for i := len(dropped) - 1; i >= 0; i-- {
		v := dropped[i]
		p.add(dropViews, dropView(v), createView(v), v.Materialized && match(to, v) == nil)
	}
	changed := map[*schema.View]*viewChange{} // by the desired view
	for _, ch := range inPlace {
		changed[ch.to] = ch
	}
	for _, v := range orderViews(slices.DeleteFunc(slices.Clone(toViews), func(v *schema.View) bool { return !create[v] && changed[v] == nil })) {
		if ch := changed[v]; ch != nil {
			p.changeView(ch)
			continue
		}
		p.addIn(v.Schema, v.Def, createViews, createView(v), dropView(v), false)
		p.viewExtras(&schema.View{Schema: v.Schema, Name: v.Name, Materialized: v.Materialized}, v)
	}
	for _, v := range toViews {
		if old := match(from, v); old != nil && !create[v] && changed[v] == nil {
			p.viewOptions(old, v)
			p.viewExtras(old, v)
		}
	}
}

// readsRetyped reports whether a view's query names a table whose column
// types this plan changes.
func (p *planner) readsRetyped(v *schema.View) bool {
	for t := range p.retyped {
		if mentions(v.Def, t.Name) {
			return true
		}
	}
	return false
}

// readsRemade reports whether SQL text names a routine or a type the
// plan makes anew: what uses them must go first and come back after.
func (p *planner) readsRemade(sql string) bool {
	if namesAny(sql, p.remade.remadeNames) {
		return true
	}
	for _, r := range p.remade.types {
		if mentions(sql, r.to.name()) {
			return true
		}
	}
	return false
}

// namesAny reports whether SQL text has a word of names.
func namesAny(sql string, names map[string]bool) bool {
	return len(names) > 0 && slices.ContainsFunc(words(sql), func(w string) bool { return names[w] })
}

// words lists the words of SQL text that may name something, lower case.
func words(sql string) []string {
	return strings.FieldsFunc(strings.ToLower(sql), func(r rune) bool {
		return !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
}

// viewExtras plans a view's indexes (materialized views), triggers and
// comment.
func (p *planner) viewExtras(from, to *schema.View) {
	for _, ix := range from.Indexes {
		if n := findIndex(to.Indexes, ix.Name); n == nil || !p.sameIndex(ix, n) {
			p.add(dropDependents, "DROP INDEX "+qname(from.Schema, ix.Name), createIndex(from.Schema, from.Name, ix), false)
		}
	}
	for _, ix := range to.Indexes {
		if o := findIndex(from.Indexes, ix.Name); o == nil || !p.sameIndex(o, ix) {
			p.add(createTriggers, createIndex(to.Schema, to.Name, ix), "DROP INDEX "+qname(to.Schema, ix.Name), false)
		}
	}
	p.triggersAndPolicies(to.Schema, to.Name, from.Triggers, to.Triggers, nil, nil)
	what := "VIEW " + qname(to.Schema, to.Name)
	if to.Materialized {
		what = "MATERIALIZED " + what
	}
	p.commentChange(what, from.Comment, to.Comment)
	for _, c := range to.Columns {
		before := ""
		if o := columnNamed(from.Columns, c.Name); o != nil {
			before = o.Comment
		}
		p.commentChange("COLUMN "+qname(to.Schema, to.Name)+"."+ident(c.Name), before, c.Comment)
	}
}

// sameView reports whether two views have the same query and column
// names; their options may differ (viewOptions alters them).
func (p *planner) sameView(a, b *schema.View) bool {
	if !p.sameQuery(a.Def, b.Def) || len(a.Columns) != len(b.Columns) {
		return false
	}
	for i := range a.Columns {
		if a.Columns[i].Name != b.Columns[i].Name {
			return false
		}
	}
	return true
}

func createView(v *schema.View) string {
	kind := "VIEW"
	if v.Materialized {
		kind = "MATERIALIZED VIEW"
	}
	s := "CREATE " + kind + " " + qname(v.Schema, v.Name)
	if len(v.Columns) > 0 {
		names := make([]string, len(v.Columns))
		for i, c := range v.Columns {
			names[i] = c.Name
		}
		s += " (" + idents(names) + ")"
	}
	var opts []string
	for _, o := range viewOptionList(v) {
		if o[0] != "check_option" {
			opts = append(opts, o[0]+" = "+o[1])
		}
	}
	if len(opts) > 0 {
		s += " WITH (" + strings.Join(opts, ", ") + ")"
	}
	s += " AS " + strings.TrimSuffix(strings.TrimSpace(v.Def), ";")
	if v.CheckOption != "" {
		s += " WITH " + v.CheckOption + " CHECK OPTION"
	}
	return s
}

func dropView(v *schema.View) string {
	if v.Materialized {
		return "DROP MATERIALIZED VIEW " + qname(v.Schema, v.Name)
	}
	return "DROP VIEW " + qname(v.Schema, v.Name)
}

// orderViews puts a view after the views its query names.
func orderViews(views []*schema.View) []*schema.View {
	var out []*schema.View
	done := map[*schema.View]bool{}
	var visit func(v *schema.View, depth int)
	visit = func(v *schema.View, depth int) {
		if done[v] || depth > len(views) {
			return
		}
		for _, o := range views {
			if o != v && mentions(v.Def, o.Name) {
				visit(o, depth+1)
			}
		}
		if !done[v] {
			done[v] = true
			out = append(out, v)
		}
	}
	for _, v := range views {
		visit(v, 0)
	}
	return out
}

// mentions reports whether SQL text names name as a word, quoted or not,
// in any case.
func mentions(sql, name string) bool {
	if name == "" {
		return false
	}
	text, name := strings.ToLower(sql), strings.ToLower(name)
	word := func(b byte) bool { return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if start > 0 && text[start-1] == '"' {
			start--
		}
		if end < len(text) && text[end] == '"' {
			end++
		}
		if (start == 0 || !word(text[start-1]) && text[start-1] != '"') && (end == len(text) || !word(text[end])) {
			return true
		}
		i += j + 1
	}
}
