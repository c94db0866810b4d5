package diff

import (
	"regexp"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// viewChange is a view changed in place: columns renamed (ALTER VIEW …
// RENAME COLUMN), then its query replaced (CREATE OR REPLACE VIEW) when
// it gains columns.
type viewChange struct {
	from, to *schema.View
	renames  [][2]string // old name, new name
	replace  bool
}

// viewInPlace returns how a view changes in place, or nil when it must be
// dropped and created again. CREATE OR REPLACE VIEW keeps the columns'
// names, types and order and may add columns at the end: the planner
// knows that only where the new query is the old one with items added at
// the end of its select list, in normal form and without a * (whose
// columns were fixed when the view was made). Names given by a column
// list that change are renamed first, when no new name is an old one.
func (p *planner) viewInPlace(old, v *schema.View) *viewChange {
	if old == nil || old.Materialized {
		return nil
	}
	oldItems, oldRest, ok := selectList(p.normalized("q", old.Def, p.opts.NormalizeQuery))
	newItems, newRest, ok2 := selectList(p.normalized("q", v.Def, p.opts.NormalizeQuery))
	if !ok || !ok2 || oldRest != newRest || len(newItems) < len(oldItems) || !slices.Equal(oldItems, newItems[:len(oldItems)]) ||
		len(old.Columns) > len(oldItems) || len(v.Columns) > len(newItems) {
		return nil
	}
	name := func(w *schema.View, items []string, i int) string {
		if i < len(w.Columns) {
			return w.Columns[i].Name
		}
		return derivedName(items[i])
	}
	ch := &viewChange{from: old, to: v, replace: len(newItems) > len(oldItems)}
	var oldNames []string
	for i := range oldItems {
		a, b := name(old, oldItems, i), name(v, newItems, i)
		if a == "" || b == "" {
			if i >= len(old.Columns) && i >= len(v.Columns) {
				continue // the same item names the same column
			}
			return nil
		}
		oldNames = append(oldNames, a)
		if a != b {
			ch.renames = append(ch.renames, [2]string{a, b})
		}
	}
	for _, r := range ch.renames {
		if slices.Contains(oldNames, r[1]) {
			return nil
		}
	}
	return ch // with neither renames nor replace when only how the columns are declared differs
}

// changeView plans a view changed in place, with its options, triggers
// and comments.
func (p *planner) changeView(ch *viewChange) {
	v, q := ch.to, qname(ch.to.Schema, ch.to.Name)
	renamed := *ch.from
	renamed.Columns = nil
	for _, c := range ch.from.Columns {
		n := *c
		for _, r := range ch.renames {
			if n.Name == r[0] {
				n.Name = r[1]
			}
		}
		renamed.Columns = append(renamed.Columns, &n)
	}
	for _, r := range ch.renames {
		p.add(createViews, "ALTER VIEW "+q+" RENAME COLUMN "+ident(r[0])+" TO "+ident(r[1]),
			"ALTER VIEW "+q+" RENAME COLUMN "+ident(r[1])+" TO "+ident(r[0]), false)
	}
	if ch.replace {
		// OR REPLACE sets every option: those left out are reset. Nothing
		// undoes it: a view's columns cannot be dropped.
		p.addIn(v.Schema, v.Def, createViews, orReplace(createView(v)), "", false)
	} else {
		p.viewOptions(&renamed, v)
	}
	p.viewExtras(&renamed, v)
}

func orReplace(create string) string {
	return strings.Replace(create, "CREATE VIEW", "CREATE OR REPLACE VIEW", 1)
}

// viewOptions plans ALTER VIEW … SET (…) and RESET (…) for a view's
// options that change.
func (p *planner) viewOptions(from, to *schema.View) {
	before, after := map[string]string{}, map[string]string{}
	for _, o := range viewOptionList(from) {
		before[o[0]] = o[1]
	}
	for _, o := range viewOptionList(to) {
		after[o[0]] = o[1]
	}
	q := qname(to.Schema, to.Name)
	// set and reset, each with what undoes it: options set back, options
	// reset (those set that were not).
	var set, setBack, unset, reset, resetBack []string
	for _, k := range []string{"check_option", "security_barrier", "security_invoker"} {
		switch a, b := before[k], after[k]; {
		case a == b:
		case b == "":
			reset, resetBack = append(reset, k), append(resetBack, k+" = "+a)
		case a == "":
			set, unset = append(set, k+" = "+b), append(unset, k)
		default:
			set, setBack = append(set, k+" = "+b), append(setBack, k+" = "+a)
		}
	}
	if len(set) > 0 {
		rev := "" // one statement cannot both set and reset
		switch {
		case len(unset) == 0:
			rev = "ALTER VIEW " + q + " SET (" + strings.Join(setBack, ", ") + ")"
		case len(setBack) == 0:
			rev = "ALTER VIEW " + q + " RESET (" + strings.Join(unset, ", ") + ")"
		}
		p.add(createViews, "ALTER VIEW "+q+" SET ("+strings.Join(set, ", ")+")", rev, false)
	}
	if len(reset) > 0 {
		p.add(createViews, "ALTER VIEW "+q+" RESET ("+strings.Join(reset, ", ")+")", "ALTER VIEW "+q+" SET ("+strings.Join(resetBack, ", ")+")", false)
	}
}

// viewOptionList lists a view's options as name and value.
func viewOptionList(v *schema.View) [][2]string {
	var out [][2]string
	if v.CheckOption != "" && !v.Materialized {
		out = append(out, [2]string{"check_option", strings.ToLower(v.CheckOption)})
	}
	if v.SecurityBarrier {
		out = append(out, [2]string{"security_barrier", "true"})
	}
	if v.SecurityInvoker {
		out = append(out, [2]string{"security_invoker", "true"})
	}
	return out
}

// selectList splits a query "SELECT a, b FROM …" into its select list's
// items and the rest ("FROM …"); ok is false for other queries and for
// any with a * item (SELECT *, t.*) or a comment.
func selectList(q string) (items []string, rest string, ok bool) {
	q = strings.TrimSpace(q)
	if len(q) < 7 || !strings.EqualFold(q[:7], "SELECT ") || strings.Contains(q, "--") {
		return nil, "", false
	}
	defer func() {
		// A * takes the columns there were when the view was made.
		if slices.ContainsFunc(items, func(it string) bool { return it == "*" || strings.HasSuffix(it, ".*") }) {
			items, rest, ok = nil, "", false
		}
	}()
	depth, start := 0, 7
	for i := 7; i < len(q); i++ {
		switch c := q[i]; {
		case c == '\'' || c == '"':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				return nil, "", false
			}
			i += j + 1 // a doubled quote is two quoted strings: the same
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case depth == 0 && c == ',':
			items = append(items, strings.TrimSpace(q[start:i]))
			start = i + 1
		case depth == 0 && c == ' ' && clauseAt(q[i+1:]):
			return append(items, strings.TrimSpace(q[start:i])), q[i+1:], true
		}
	}
	return append(items, strings.TrimSpace(q[start:])), "", true
}

var clauseRe = regexp.MustCompile(`(?i)^(FROM|WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH|UNION|INTERSECT|EXCEPT|FOR|INTO)\b`)

// clauseAt reports whether text starts with a key word ending a select
// list (all reserved: no column is named so unquoted).
func clauseAt(text string) bool { return clauseRe.MatchString(text) }

var (
	aliasRe  = regexp.MustCompile(`(?i)\sAS\s+("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)$`)
	colRefRe = regexp.MustCompile(`(?i)^(?:(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.)*("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)$`)
	// A function call is named after the function.
	callRe = regexp.MustCompile(`(?i)^(?:(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.)*("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\((?:[^()]|\([^()]*\))*\)$`)
)

// derivedName is the name PostgreSQL gives a select list item's column
// when it is plain to see (an alias, a column reference), else "".
func derivedName(item string) string {
	m := aliasRe.FindStringSubmatch(item)
	if m == nil {
		m = colRefRe.FindStringSubmatch(item)
	}
	if m == nil {
		m = callRe.FindStringSubmatch(item)
	}
	if m == nil {
		return ""
	}
	if n := m[1]; strings.HasPrefix(n, `"`) {
		return strings.ReplaceAll(n[1:len(n)-1], `""`, `"`)
	}
	return strings.ToLower(m[1])
}
