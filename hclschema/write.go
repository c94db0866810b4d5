package hclschema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/schema-ls/schema-ls/schema"
)

// Writing a model as Atlas HCL. Write is what `schema-ls inspect --format
// hcl` prints: one schema file that validates against the spec table and
// decodes (Decode) back to the realm it was written from. Objects keep
// the model's order, grouped by kind: schemas, extensions, types,
// sequences, tables with their policies and triggers, views, routines.
//
// Labels are the objects' names. A top-level block takes the qualified
// form (table "s" "users") when objects of its kind share its name in
// several schemas. References are traversals (table.users.column.id);
// a name that is not an HCL identifier becomes an index step
// (column["First Name"]), as Atlas writes it; a reference to an object
// of another schema, or of a name several schemas use, names the schema
// (enum.s.color).
//
// What Atlas HCL or the model cannot say is a comment (# …) where it
// would be, and the rest is written: a collation of an index
// or partition key part (written as the expression "col COLLATE x"), a
// partition key part's operator class, a foreign key to a table outside
// the realm, a view column of unknown type (type = null), an index part
// naming a column a materialized view does not declare (an expression).

// Write renders a realm as one Atlas HCL schema file, in hclwrite's
// canonical format.
func Write(realm *schema.Realm) []byte {
	w := newWriter(realm)
	w.realmBlocks()
	return hclwrite.Format(w.file.Bytes())
}

// writer writes one realm.
type writer struct {
	realm *schema.Realm
	file  *hclwrite.File
	root  *hclwrite.Body
	// schemas lists, by block kind and object name, the schemas holding
	// an object of that kind and name.
	schemas map[string]map[string][]string
	started bool // something is written at the top level
}

func newWriter(realm *schema.Realm) *writer {
	w := &writer{realm: realm, file: hclwrite.NewEmptyFile(), schemas: map[string]map[string][]string{}}
	w.root = w.file.Body()
	for _, s := range realm.Schemas {
		for _, o := range s.Objects() {
			w.register(o.Kind, o.Name, s.Name)
		}
	}
	return w
}

func (w *writer) register(kind, name, sch string) {
	if w.schemas[kind] == nil {
		w.schemas[kind] = map[string][]string{}
	}
	if !slices.Contains(w.schemas[kind][name], sch) {
		w.schemas[kind][name] = append(w.schemas[kind][name], sch)
	}
}

// shared reports whether objects of kind named name live in more than one
// schema, so that an unqualified label or reference would be ambiguous.
func (w *writer) shared(kind, name string) bool { return len(w.schemas[kind][name]) > 1 }

// realmBlocks writes every object of the realm.
func (w *writer) realmBlocks() {
	for _, s := range w.realm.Schemas {
		if s.Comment == "" {
			w.emptyBlock("schema", s.Name)
			continue
		}
		w.top("schema", []string{s.Name}).SetAttributeRaw("comment", quoted(s.Comment))
	}
	for _, e := range w.realm.Extensions {
		w.extension(e)
	}
	for _, s := range w.realm.Schemas {
		for _, e := range s.Enums {
			w.enum(s, e)
		}
		for _, d := range s.Domains {
			w.domain(s, d)
		}
		for _, c := range s.Composites {
			w.composite(s, c)
		}
		for _, q := range s.Sequences {
			w.sequence(s, q)
		}
	}
	for _, s := range w.realm.Schemas {
		for _, t := range s.Tables {
			w.table(s, t)
			for _, p := range t.Policies {
				w.policy(s, t, p)
			}
			for _, tr := range t.Triggers {
				w.trigger(s, "table", t.Name, tr)
			}
		}
	}
	for _, s := range w.realm.Schemas {
		for _, v := range s.Views {
			w.view(s, v)
			kind := "view"
			if v.Materialized {
				kind = "materialized"
			}
			for _, tr := range v.Triggers {
				w.trigger(s, kind, v.Name, tr)
			}
		}
	}
	for _, s := range w.realm.Schemas {
		for _, f := range s.Funcs {
			w.routine(s, f)
		}
	}
}

// sep separates what comes next from the top-level item before it by a
// blank line.
func (w *writer) sep() {
	if w.started {
		w.root.AppendNewline()
	}
	w.started = true
}

// top appends a top-level block, after a blank line when others precede
// it.
func (w *writer) top(kind string, labels []string) *hclwrite.Body {
	w.sep()
	return w.root.AppendNewBlock(kind, labels).Body()
}

// emptyBlock appends a top-level block with nothing in it, on one line:
// schema "public" {}.
func (w *writer) emptyBlock(kind string, labels ...string) {
	w.sep()
	toks := hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte(kind)}}
	for _, l := range labels {
		toks = append(toks, quoted(l)...)
	}
	toks = append(toks,
		&hclwrite.Token{Type: hclsyntax.TokenOBrace, Bytes: []byte("{")},
		&hclwrite.Token{Type: hclsyntax.TokenCBrace, Bytes: []byte("}")},
		&hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
	w.root.AppendUnstructuredTokens(toks)
}

// object appends the block of a schema object: labelled with its name, or
// with its schema and name when the name is shared, and its schema
// attribute.
func (w *writer) object(kind string, s *schema.Schema, name string) *hclwrite.Body {
	labels := []string{name}
	if w.shared(kind, name) {
		labels = []string{s.Name, name}
	}
	b := w.top(kind, labels)
	b.SetAttributeRaw("schema", refTokens("schema", s.Name))
	return b
}

// note writes a comment line (# …) in b, for what Atlas HCL cannot say.
func note(b *hclwrite.Body, format string, args ...any) {
	text := strings.NewReplacer("\r", " ", "\n", " ").Replace(fmt.Sprintf(format, args...))
	b.AppendUnstructuredTokens(commentTokens("# " + text + "\n"))
}

// objectRef is the reference to an object of kind named name in schema
// sch, written in an object of schema from: qualified when sch is another
// schema or the name is shared.
func (w *writer) objectRef(kind, sch, name, from string) hclwrite.Tokens {
	if sch != from || w.shared(kind, name) {
		return refTokens(kind, sch, name)
	}
	return refTokens(kind, name)
}

// columnRef is the reference to column col of the table or view (of kind)
// sch.name, written in an object of schema from.
func (w *writer) columnRef(kind, sch, name, col, from string) hclwrite.Tokens {
	parts := []string{name, "column", col}
	if sch != from || w.shared(kind, name) {
		parts = append([]string{sch}, parts...)
	}
	return refTokens(kind, parts...)
}

// columnRefs is a list of column.x references.
func columnRefs(names []string) hclwrite.Tokens {
	items := make([]hclwrite.Tokens, len(names))
	for i, n := range names {
		items[i] = refTokens("column", n)
	}
	return hclwrite.TokensForTuple(items)
}

// typeRef is a column, argument or domain type written in an object of
// schema from.
func (w *writer) typeRef(t schema.Type, from string) hclwrite.Tokens {
	if t.UserKind != "" && t.Array == 0 {
		return w.objectRef(t.UserKind, t.UserSchema, t.Name, from)
	}
	return typeTokens(t)
}

func (w *writer) extension(e *schema.Extension) {
	b := w.top("extension", []string{e.Name})
	if e.Schema != "" {
		if w.realm.Schema(e.Schema) != nil {
			b.SetAttributeRaw("schema", refTokens("schema", e.Schema))
		} else {
			note(b, "installed in schema %q, which is not part of this schema", e.Schema)
		}
	}
	if e.Version != "" {
		b.SetAttributeRaw("version", quoted(e.Version))
	}
	comment(b, e.Comment)
}

func (w *writer) enum(s *schema.Schema, e *schema.Enum) {
	b := w.object("enum", s, e.Name)
	values := make([]hclwrite.Tokens, len(e.Values))
	for i, v := range e.Values {
		values[i] = quoted(v)
	}
	b.SetAttributeRaw("values", hclwrite.TokensForTuple(values))
	comment(b, e.Comment)
}

func (w *writer) domain(s *schema.Schema, d *schema.Domain) {
	b := w.object("domain", s, d.Name)
	b.SetAttributeRaw("type", w.typeRef(d.Type, s.Name))
	if !d.Null {
		b.SetAttributeRaw("null", bare("false"))
	}
	if d.Default != nil {
		b.SetAttributeRaw("default", exprTokens(d.Default))
	}
	for _, c := range d.Checks {
		w.check(b, c, 1)
	}
	comment(b, d.Comment)
}

func (w *writer) composite(s *schema.Schema, c *schema.Composite) {
	b := w.object("composite", s, c.Name)
	for _, f := range c.Fields {
		fb := b.AppendNewBlock("field", []string{f.Name}).Body()
		fb.SetAttributeRaw("type", w.typeRef(f.Type, s.Name))
		if f.Collate != "" {
			fb.SetAttributeRaw("collate", quoted(f.Collate))
		}
		if f.Comment != "" {
			note(fb, "comment: %s", f.Comment)
		}
	}
	comment(b, c.Comment)
}

func (w *writer) sequence(s *schema.Schema, q *schema.Sequence) {
	b := w.object("sequence", s, q.Name)
	if !isZeroType(q.Type) {
		b.SetAttributeRaw("type", w.typeRef(q.Type, s.Name))
	}
	for _, o := range []struct {
		name string
		v    *int64
	}{{"start", q.Start}, {"increment", q.Increment}, {"min_value", q.Min}, {"max_value", q.Max}, {"cache", q.Cache}} {
		if o.v != nil {
			b.SetAttributeRaw(o.name, integer(*o.v))
		}
	}
	if q.Cycle {
		b.SetAttributeRaw("cycle", bare("true"))
	}
	if q.OwnedBy != "" {
		if t, col, ok := ownedBy(s, q.OwnedBy); ok {
			b.SetAttributeRaw("owner", w.columnRef("table", s.Name, t, col, s.Name))
		} else {
			note(b, "owned by %s, which is not a column of a table of schema %q", q.OwnedBy, s.Name)
		}
	}
	comment(b, q.Comment)
}

// isZeroType reports whether t names no type at all.
func isZeroType(t schema.Type) bool {
	return t.Name == "" && t.Raw == "" && t.UserKind == "" && t.Array == 0 && len(t.Args) == 0
}

// ownedBy splits a sequence's table.column owner, finding the table in s
// (either name may hold dots).
func ownedBy(s *schema.Schema, owner string) (table, column string, ok bool) {
	for i := strings.Index(owner, "."); i >= 0; {
		if t := s.Table(owner[:i]); t != nil && t.Column(owner[i+1:]) != nil {
			return owner[:i], owner[i+1:], true
		}
		next := strings.Index(owner[i+1:], ".")
		if next < 0 {
			break
		}
		i += next + 1
	}
	return "", "", false
}

func (w *writer) policy(s *schema.Schema, t *schema.Table, p *schema.Policy) {
	b := w.top("policy", []string{p.Name})
	b.SetAttributeRaw("on", w.objectRef("table", s.Name, t.Name, s.Name))
	if p.As != "" {
		b.SetAttributeRaw("as", bare(p.As))
	}
	if p.For != "" {
		b.SetAttributeRaw("for", bare(p.For))
	}
	if len(p.To) > 0 {
		roles := make([]hclwrite.Tokens, len(p.To))
		for i, r := range p.To {
			if slices.Contains([]string{"PUBLIC", "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER"}, r) {
				roles[i] = bare(r)
			} else {
				roles[i] = quoted(r)
			}
		}
		b.SetAttributeRaw("to", hclwrite.TokensForTuple(roles))
	}
	if p.Using != "" {
		b.SetAttributeRaw("using", sqlText(p.Using, 1))
	}
	if p.Check != "" {
		b.SetAttributeRaw("check", sqlText(p.Check, 1))
	}
	comment(b, p.Comment)
}

// trigger writes a trigger of the table or view (of kind) s.name.
func (w *writer) trigger(s *schema.Schema, kind, name string, tr *schema.Trigger) {
	if kind == "materialized" {
		// PostgreSQL has no triggers on materialized views, and a trigger's
		// on cannot name one.
		w.sep()
		note(w.root, "trigger %s on materialized view %s is not written: a trigger's on names a table or a view", tr.Name, schema.Qualified(s.Name, name))
		return
	}
	b := w.top("trigger", []string{tr.Name})
	b.SetAttributeRaw("on", w.objectRef(kind, s.Name, name, s.Name))
	timing := map[string]string{"BEFORE": "before", "AFTER": "after", "INSTEAD OF": "instead_of"}[tr.Timing]
	if timing == "" {
		timing = "after"
		note(b, "timing %q is unknown: written as after", tr.Timing)
	}
	tb := b.AppendNewBlock(timing, nil).Body()
	for _, ev := range tr.Events {
		if ev == "UPDATE" && len(tr.UpdateOf) > 0 {
			tb.SetAttributeRaw("update_of", columnRefs(tr.UpdateOf))
			continue
		}
		tb.SetAttributeRaw(strings.ToLower(ev), bare("true"))
	}
	if tr.ForEachRow {
		b.SetAttributeRaw("for", bare("ROW"))
	}
	if tr.When != "" {
		b.SetAttributeRaw("when", sqlText(tr.When, 1))
	}
	writeTriggerClauses(b, tr)
	eb := b.AppendNewBlock("execute", nil).Body()
	kindOf := "function"
	if fn := w.routineNamed(tr.FuncSchema, tr.FuncName); fn != nil && fn.Kind == schema.Procedure {
		kindOf = "procedure"
	}
	eb.SetAttributeRaw(kindOf, w.objectRef(kindOf, tr.FuncSchema, tr.FuncName, s.Name))
	if len(tr.Args) > 0 {
		args := make([]hclwrite.Tokens, len(tr.Args))
		for i, a := range tr.Args {
			args[i] = quoted(a)
		}
		eb.SetAttributeRaw("args", hclwrite.TokensForTuple(args))
	}
	comment(b, tr.Comment)
}

// routineNamed finds a routine by schema and name.
func (w *writer) routineNamed(sch, name string) *schema.Func {
	if s := w.realm.Schema(sch); s != nil {
		for _, f := range s.Funcs {
			if f.Name == name {
				return f
			}
		}
	}
	return nil
}

// comment sets a comment attribute when there is one.
func comment(b *hclwrite.Body, c string) {
	if c != "" {
		b.SetAttributeRaw("comment", quoted(c))
	}
}
