package hclschema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/internal/suggest"
	"github.com/schema-ls/schema-ls/schema"
)

// Diagnostic codes of spec validation.
const (
	CodeUnknownBlock     = "unknown-block"
	CodeUnknownAttribute = "unknown-attribute"
	CodeMissingAttribute = "missing-attribute"
	CodeMissingBlock     = "missing-block"
	CodeLabels           = "labels"
	CodeDuplicateBlock   = "duplicate-block"
	CodeInvalidValue     = "invalid-value"
	CodeExclusive        = "exclusive"
	CodeNoEffect         = "no-effect"
)

// Validate checks a parsed file against the spec block describing its top
// level: unknown blocks and attributes (with the closest known name),
// missing required attributes and blocks, label counts, blocks allowed once,
// and value forms and constants. References are only checked for their
// kind here; resolving them is the decoder's work.
//
// A top-level block whose parse is reused from the previous version of
// the file (see Reparse) reuses that version's findings too: they depend
// on the block and the spec alone, and are kept in syntax-tree positions,
// which do not move.
func Validate(f *File, root *spec.Block) []source.Diagnostic {
	v := &validator{f: f, cache: map[*hclsyntax.Block][]pending{}}
	if f.validated.root == root {
		v.reuse = f.validated.blocks
	}
	v.body(f.Body(), root, nil)
	f.validated = validation{root: root, blocks: v.cache}
	out := make([]source.Diagnostic, len(v.diags))
	for i, p := range v.diags {
		out[i] = p.diag
		out[i].Range = f.Range(p.at)
	}
	return out
}

// validation remembers a file's findings per top-level block, for the
// next version of the file.
type validation struct {
	root   *spec.Block
	blocks map[*hclsyntax.Block][]pending
}

// pending is a finding in syntax-tree positions.
type pending struct {
	at   hcl.Range
	diag source.Diagnostic
}

type validator struct {
	f            *File
	top          *hclsyntax.Block // the top-level block being validated
	diags        []pending
	reuse, cache map[*hclsyntax.Block][]pending
}

func (v *validator) report(r hcl.Range, sev source.Severity, code, format string, args ...any) {
	v.diags = append(v.diags, pending{at: r, diag: source.Diagnostic{Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)}})
}

// body validates the contents of a block described by sp; owner is the
// block itself (nil at the top level).
func (v *validator) body(body *hclsyntax.Body, sp *spec.Block, owner *hclsyntax.Block) {
	for _, a := range sortedAttrs(body) {
		as := sp.Attr(a.Name)
		if as == nil && sp.OpenAttrs {
			continue
		}
		if as == nil {
			v.unknown(a.NameRange, "attribute", a.Name, where(owner), attrNames(sp), CodeUnknownAttribute)
			continue
		}
		if as.Warn != "" {
			v.report(a.NameRange, source.Warning, CodeNoEffect, "%s", as.Warn)
		}
		v.value(a, as)
		v.checkSQL(a, as, owner)
	}
	// A qualified block (table "public" "users") names its schema in a label.
	qualified := owner != nil && sp.Qualified && len(owner.Labels) > len(sp.Labels)
	for _, as := range sp.Attrs {
		if qualified && as.Name == "schema" {
			continue
		}
		if as.Required && body.Attributes[as.Name] == nil && owner != nil {
			v.report(headerRange(owner), source.Error, CodeMissingAttribute, "Missing required attribute %q in %s", as.Name, where(owner))
		}
	}
	if owner != nil {
		v.exclusive(body, sp, owner)
	}
	seen := map[string]*hclsyntax.Block{}
	for _, b := range body.Blocks {
		bs := sp.Block(b.Type)
		if bs == nil {
			v.unknown(b.TypeRange, "block type", b.Type, where(owner), blockNames(sp), CodeUnknownBlock)
			continue
		}
		if bs.Unique {
			if first, dup := seen[b.Type]; dup {
				v.report(b.TypeRange, source.Error, CodeDuplicateBlock, "Duplicate %s block in %s: only one is allowed (the first is on line %d)", b.Type, where(owner), first.TypeRange.Start.Line)
			}
			seen[b.Type] = b
		}
		if owner == nil {
			v.topLevel(b, bs)
			continue
		}
		v.block(b, bs, owner)
	}
	for _, bs := range sp.Blocks {
		if bs.Required && owner != nil && !slices.ContainsFunc(body.Blocks, func(b *hclsyntax.Block) bool { return b.Type == bs.Type }) {
			v.report(headerRange(owner), source.Error, CodeMissingBlock, "Missing required %s block in %s", bs.Type, where(owner))
		}
	}
}

// topLevel validates a top-level block, or reuses the findings of the
// same (reused) block in the previous version.
func (v *validator) topLevel(b *hclsyntax.Block, bs *spec.Block) {
	if found, ok := v.reuse[b]; ok {
		v.diags = append(v.diags, found...)
		v.cache[b] = found
		return
	}
	start := len(v.diags)
	v.top = b
	v.block(b, bs, nil)
	v.top = nil
	v.cache[b] = v.diags[start:len(v.diags):len(v.diags)]
}

// block validates a block known to the spec, in parent (nil at the top
// level): labels, variant, contents.
func (v *validator) block(b *hclsyntax.Block, bs *spec.Block, parent *hclsyntax.Block) {
	v.labels(b, bs)
	if len(bs.Variants) > 0 && len(b.Labels) > 0 && bs.Variants[b.Labels[0]] == nil {
		var known []string
		for k := range bs.Variants {
			known = append(known, k)
		}
		slices.Sort(known)
		v.unknown(b.LabelRanges[0], b.Type+" type", b.Labels[0], where(parent), known, CodeUnknownBlock)
	}
	v.body(b.Body, Variant(bs, b), b)
}

// Variant is the spec of block b: the variant its first label names, if
// the spec has variants and one matches, else bs itself.
func Variant(bs *spec.Block, b *hclsyntax.Block) *spec.Block {
	return variantOf(bs, b.Labels)
}

func variantOf(bs *spec.Block, labels []string) *spec.Block {
	if bs != nil && len(labels) > 0 {
		if vs, ok := bs.Variants[labels[0]]; ok {
			return vs
		}
	}
	return bs
}

func (v *validator) unknown(r hcl.Range, what, name, in string, known []string, code string) {
	msg := fmt.Sprintf("Unknown %s %q in %s", what, name, in)
	if s := suggest.Closest(name, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	v.report(r, source.Error, code, "%s", msg)
}

func (v *validator) labels(b *hclsyntax.Block, bs *spec.Block) {
	want := len(bs.Labels)
	lo, hi := want, want
	if bs.LabelsOptional {
		lo = 0
	}
	if bs.Qualified {
		hi++
	}
	switch got := len(b.Labels); {
	case got > hi && hi == 0:
		v.report(b.LabelRanges[0], source.Warning, CodeLabels, "%s %s block takes no label: Atlas ignores it", article(b.Type), b.Type)
	case got > hi:
		v.report(b.LabelRanges[hi], source.Error, CodeLabels, "Too many labels on %s block: it takes %s", b.Type, labelForms(bs))
	case got < lo:
		v.report(b.TypeRange, source.Error, CodeLabels, "Missing %s for %s block: write %s %s{", bs.Labels[got], b.Type, b.Type, strings.Repeat(`"…" `, want))
	}
}

func labelForms(bs *spec.Block) string {
	forms := strings.Join(bs.Labels, ", ")
	if bs.Qualified {
		forms += ", optionally after a schema label"
	}
	return forms
}

// exclusive checks the spec's groups of mutually exclusive attributes and
// blocks, and those of which exactly one is required.
func (v *validator) exclusive(body *hclsyntax.Body, sp *spec.Block, owner *hclsyntax.Block) {
	present := func(group []string) (names []string, first hcl.Range) {
		for _, n := range group {
			if a := body.Attributes[n]; a != nil {
				names = append(names, n)
				if len(names) == 1 {
					first = a.NameRange
				}
			}
			for _, b := range body.Blocks {
				if b.Type == n {
					if !slices.Contains(names, n) {
						names = append(names, n)
					}
					if len(names) == 1 {
						first = b.TypeRange
					}
				}
			}
		}
		return names, first
	}
	// The problem is reported where the later of the names is written.
	later := func(names []string) hcl.Range {
		var last hcl.Range
		for _, n := range names {
			if r := v.rangeOfName(body, n); comparePos(r.Start, last.Start) >= 0 {
				last = r
			}
		}
		return last
	}
	for _, g := range sp.Exclusive {
		if names, _ := present(g); len(names) > 1 {
			v.report(later(names), source.Error, CodeExclusive, "%s cannot be used together in %s: choose one of %s", andList(names), where(owner), orList(g))
		}
	}
	for _, g := range sp.OneOf {
		switch names, _ := present(g); {
		case len(names) == 0:
			v.report(headerRange(owner), source.Error, CodeExclusive, "%s needs one of %s", where(owner), orList(g))
		case len(names) > 1:
			v.report(later(names), source.Error, CodeExclusive, "%s cannot be used together in %s: choose one of %s", andList(names), where(owner), orList(g))
		}
	}
	for _, g := range sp.AnyOf {
		if names, _ := present(g); len(names) == 0 {
			v.report(headerRange(owner), source.Error, CodeExclusive, "%s needs at least one of %s", where(owner), orList(g))
		}
	}
}

func (v *validator) rangeOfName(body *hclsyntax.Body, name string) hcl.Range {
	if a := body.Attributes[name]; a != nil {
		return a.NameRange
	}
	for _, b := range body.Blocks {
		if b.Type == name {
			return b.TypeRange
		}
	}
	return hcl.Range{}
}

func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// headerRange is a block's type and labels, where block-level problems go.
func headerRange(b *hclsyntax.Block) hcl.Range {
	r := b.TypeRange
	if n := len(b.LabelRanges); n > 0 {
		r = hcl.RangeBetween(r, b.LabelRanges[n-1])
	}
	return r
}

// where names a block for messages: `table "users"`, or "the file".
func where(b *hclsyntax.Block) string {
	if b == nil {
		return "the file"
	}
	s := b.Type
	for _, l := range b.Labels {
		s += fmt.Sprintf(" %q", l)
	}
	return s
}

func attrNames(sp *spec.Block) []string {
	out := make([]string, len(sp.Attrs))
	for i, a := range sp.Attrs {
		out[i] = a.Name
	}
	return out
}

func blockNames(sp *spec.Block) []string {
	out := make([]string, len(sp.Blocks))
	for i, b := range sp.Blocks {
		out[i] = b.Type
	}
	return out
}

// shape is what an expression syntactically is, as far as the spec cares.
type shape int

const (
	shapeOther    shape = iota // anything we cannot judge (conditionals, operators, …)
	shapeBool                  // true / false
	shapeNumber                // 1, 1.5
	shapeNull                  // null
	shapeString                // "…", heredoc (with or without interpolation)
	shapeWord                  // a bare word: CASCADE, int
	shapeRef                   // a traversal: table.users, column.id
	shapeVar                   // var.x, local.y, each.value
	shapeSQLCall               // sql("…")
	shapeTypeCall              // varchar(255), numeric(10, 2)
	shapeList                  // [ … ]
)

func shapeOf(e hclsyntax.Expression) shape {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		switch {
		case e.Val.IsNull():
			return shapeNull
		case e.Val.Type() == cty.Bool:
			return shapeBool
		case e.Val.Type() == cty.Number:
			return shapeNumber
		}
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr:
		return shapeString
	case *hclsyntax.ScopeTraversalExpr:
		switch root := e.Traversal.RootName(); {
		case root == "var" || root == "local" || root == "each" || root == "count" || root == "data":
			return shapeVar
		case len(e.Traversal) == 1:
			return shapeWord
		default:
			return shapeRef
		}
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "sql" {
			return shapeSQLCall
		}
		if isTypeName(e.Name) {
			return shapeTypeCall // varchar(255)
		}
		return shapeOther // format(…), lower(…): computed
	case *hclsyntax.TupleConsExpr:
		return shapeList
	case *hclsyntax.ParenthesesExpr:
		return shapeOf(e.Expression)
	}
	return shapeOther
}

// value checks an attribute's expression against the forms it accepts.
func (v *validator) value(a *hclsyntax.Attribute, as *spec.Attr) {
	sh := shapeOf(a.Expr)
	if sh == shapeOther || sh == shapeVar || sh == shapeNull {
		return // computed values are checked when evaluated
	}
	for _, val := range as.Values {
		if accepts(val, sh, a.Expr) {
			return
		}
	}
	// A bare word where constants are allowed: name the right ones.
	if sh == shapeWord {
		word := a.Expr.(*hclsyntax.ScopeTraversalExpr).Traversal.RootName()
		for _, val := range as.Values {
			if val.Kind == spec.Const {
				msg := fmt.Sprintf("Invalid value %s for %q: expected one of %s", word, as.Name, strings.Join(val.Consts, ", "))
				if s := suggest.Closest(word, val.Consts); s != "" {
					msg += fmt.Sprintf("; did you mean %s?", s)
				}
				v.report(a.Expr.Range(), source.Error, CodeInvalidValue, "%s", msg)
				return
			}
		}
	}
	if sh == shapeList {
		for _, val := range as.Values {
			if val.Kind != spec.RefList {
				continue
			}
			for _, item := range a.Expr.(*hclsyntax.TupleConsExpr).Exprs {
				if s := shapeOf(item); s != shapeVar && s != shapeOther && !(s == shapeRef && refRootIn(item, val.RefTo)) {
					v.report(item.Range(), source.Error, CodeInvalidValue, "Invalid item in %q: expected a reference to %s, got %s", as.Name, orList(val.RefTo), describe(s))
					return
				}
			}
		}
	}
	if sh == shapeRef {
		for _, val := range as.Values {
			if val.Kind == spec.RefList && refRootIn(a.Expr, val.RefTo) {
				v.report(a.Expr.Range(), source.Error, CodeInvalidValue, "Invalid value for %q: expected a list of references to %s, got one reference; write [%s]", as.Name, orList(val.RefTo), exprText(v.f, a.Expr))
				return
			}
		}
		for _, val := range as.Values {
			if val.Kind == spec.Ref || val.Kind == spec.RefList {
				v.report(a.Expr.Range(), source.Error, CodeInvalidValue, "Invalid reference for %q: expected a reference to %s", as.Name, orList(val.RefTo))
				return
			}
		}
	}
	v.report(a.Expr.Range(), source.Error, CodeInvalidValue, "Invalid value for %q: expected %s, got %s", as.Name, expected(as.Values), describe(sh))
}

func accepts(val spec.Value, sh shape, e hclsyntax.Expression) bool {
	switch val.Kind {
	case spec.Any:
		return true
	case spec.Bool:
		return sh == shapeBool
	case spec.Number:
		return sh == shapeNumber
	case spec.String, spec.SQLText:
		return sh == shapeString
	case spec.StringList:
		return sh == shapeList
	case spec.RawSQL:
		return sh == shapeSQLCall
	case spec.ColumnType:
		return sh == shapeWord || sh == shapeTypeCall || sh == shapeSQLCall || sh == shapeRef && refRootIn(e, []string{"enum", "domain", "composite", "table"})
	case spec.Const:
		if sh != shapeWord {
			return false
		}
		word := e.(*hclsyntax.ScopeTraversalExpr).Traversal.RootName()
		return slices.Contains(val.Consts, word) // Atlas matches constants exactly
	case spec.Ref:
		return sh == shapeRef && refRootIn(e, val.RefTo)
	case spec.RefList:
		if sh != shapeList {
			return false
		}
		for _, item := range e.(*hclsyntax.TupleConsExpr).Exprs {
			if s := shapeOf(item); s != shapeVar && s != shapeOther && !(s == shapeRef && refRootIn(item, val.RefTo)) {
				return false
			}
		}
		return true
	}
	return false
}

// refRootIn reports whether a reference names an object of one of kinds:
// column.id, or the qualified table.users.column.id form for columns.
func refRootIn(e hclsyntax.Expression, kinds []string) bool {
	t, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return false
	}
	if slices.Contains(kinds, t.Traversal.RootName()) {
		return true
	}
	// table.t.column.c (and view.v.column.c, schema.s.table.t, …): the kind
	// is the second-to-last step.
	if n := len(t.Traversal); n >= 3 {
		if step, ok := t.Traversal[n-2].(hcl.TraverseAttr); ok {
			return slices.Contains(kinds, step.Name)
		}
	}
	return false
}

func describe(sh shape) string {
	return [...]string{"an expression", "a bool", "a number", "null", "a string", "a bare word", "a reference", "a variable", "sql(…)", "a function call", "a list"}[sh]
}

func expected(values []spec.Value) string {
	var parts []string
	for _, val := range values {
		var s string
		switch val.Kind {
		case spec.Bool:
			s = "a bool"
		case spec.Number:
			s = "a number"
		case spec.String:
			s = "a string"
		case spec.SQLText:
			s = "a string of SQL"
		case spec.StringList:
			s = "a list of strings"
		case spec.RawSQL:
			s = `sql("…")`
		case spec.ColumnType:
			s = "a column type"
		case spec.Const:
			s = "one of " + strings.Join(val.Consts, ", ")
		case spec.Ref:
			s = "a reference to " + orList(val.RefTo)
		case spec.RefList:
			s = "a list of references to " + orList(val.RefTo)
		default:
			continue
		}
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return orList(parts)
}

func orList(items []string) string {
	switch len(items) {
	case 0:
		return "nothing"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// isTypeName reports whether a function-call name is a PostgreSQL type
// taking modifiers (varchar(255)), rather than an HCL function.
func isTypeName(name string) bool {
	_, ok := schema.Canonical(name)
	return ok || strings.EqualFold(name, "float")
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "An"
	}
	return "A"
}
