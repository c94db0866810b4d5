package hclschema

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// CandidateKind classifies a completion candidate.
type CandidateKind int

// Candidate kinds.
const (
	CandBlock CandidateKind = iota + 1
	CandAttribute
	CandConstant
	CandType
	CandReference
	CandValue
	// In SQL:
	CandKeyword
	CandSchema
	CandTable
	CandView
	CandColumn
	CandFunction
	CandParam
)

// Candidate is one completion: Snippet (LSP snippet syntax) replaces
// Replace; Label is what the list shows.
type Candidate struct {
	Label   string
	Kind    CandidateKind
	Detail  string
	Doc     string
	Snippet string
	Replace source.Range
}

// frame is an open brace before the cursor: a block (Type set) or an
// object literal.
type frame struct {
	block  bool
	typ    string
	labels []string
}

var (
	wordBefore = regexp.MustCompile(`[A-Za-z0-9_.]*$`)
	attrPrefix = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$`)
	namePrefix = regexp.MustCompile(`^\s*[A-Za-z0-9_]*$`)
)

// Complete returns the candidates at off in an HCL file described by root.
// It reads the tokens before the cursor, so it works while the file does
// not parse: which blocks enclose the cursor, whether it is where an
// attribute or block starts or in an attribute's value.
//
// realm, when set, is the decoded schema the file belongs to: references
// are then offered from every file of it, not only this one.
func Complete(f *File, root *spec.Block, off int, realm *schema.Realm) []Candidate {
	src := f.Src
	if off < 0 || off > len(src) {
		return nil
	}
	if insideToken(src, off) {
		return nil // inside a comment, string or heredoc
	}
	frames, ok := enclosing(src[:off])
	if !ok {
		return nil // inside a string, heredoc or comment
	}
	sp := root
	for _, fr := range frames {
		if !fr.block || sp == nil {
			return nil // in an object literal or an unknown block
		}
		sp = variantOf(sp.Block(fr.typ), fr.labels)
	}
	if sp == nil {
		return nil
	}
	lineStart := strings.LastIndexByte(string(src[:off]), '\n') + 1
	prefix := string(src[lineStart:off])
	word := wordBefore.FindString(prefix)
	replace := source.Range{Start: off - len(word), End: off}
	for replace.End < len(src) && isWordByte(src[replace.End]) {
		replace.End++
	}
	if namePrefix.MatchString(prefix) {
		return nameCandidates(f, sp, frames, replace)
	}
	if m := attrPrefix.FindStringSubmatch(prefix); m != nil {
		if a := sp.Attr(m[1]); a != nil {
			return valueCandidates(f, a, frames, replace, realm)
		}
	}
	return nil
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// enclosing lexes src (the text before the cursor) and returns the open
// braces around its end; ok is false when the end is inside a string,
// heredoc or comment.
func enclosing(src []byte) (frames []frame, ok bool) {
	tokens, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	var stmt []hclsyntax.Token // tokens of the current statement at this depth
	depthOther := 0            // open ( and [ in the current statement
	inString := false
	for i, tok := range tokens {
		switch tok.Type {
		case hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			inString = true
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			inString = false
		case hclsyntax.TokenComment:
			// a line comment includes its newline: it ends the statement
			if i == len(tokens)-2 && !strings.HasSuffix(string(tok.Bytes), "\n") {
				return nil, false
			}
			if i == len(tokens)-2 && strings.HasPrefix(string(tok.Bytes), "/*") && !strings.HasSuffix(string(tok.Bytes), "*/") {
				return nil, false
			}
			stmt = nil
			continue
		case hclsyntax.TokenNewline:
			if depthOther == 0 {
				stmt = nil
			}
			continue
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen:
			depthOther++
		case hclsyntax.TokenCBrack, hclsyntax.TokenCParen:
			depthOther = max(0, depthOther-1)
		case hclsyntax.TokenOBrace:
			if depthOther == 0 {
				frames = append(frames, headerOf(stmt))
				stmt = nil
				continue
			}
		case hclsyntax.TokenCBrace:
			if depthOther == 0 && len(frames) > 0 {
				frames = frames[:len(frames)-1]
				stmt = nil
				continue
			}
		case hclsyntax.TokenEOF:
			continue
		}
		stmt = append(stmt, tok)
	}
	if inString {
		return nil, false
	}
	return frames, true
}

// headerOf reads a block header: an identifier, then string or identifier
// labels. Anything else (an "=" first) makes an object literal.
func headerOf(stmt []hclsyntax.Token) frame {
	if len(stmt) == 0 || stmt[0].Type != hclsyntax.TokenIdent {
		return frame{}
	}
	fr := frame{block: true, typ: string(stmt[0].Bytes)}
	for _, tok := range stmt[1:] {
		switch tok.Type {
		case hclsyntax.TokenIdent, hclsyntax.TokenQuotedLit:
			fr.labels = append(fr.labels, string(tok.Bytes))
		case hclsyntax.TokenOQuote, hclsyntax.TokenCQuote:
		default:
			return frame{}
		}
	}
	return fr
}

// existing finds the parsed block the frames lead to, to know which
// attributes and blocks are already there.
func existing(f *File, frames []frame) *hclsyntax.Body {
	body := f.Body()
	for _, fr := range frames {
		var next *hclsyntax.Body
		for _, b := range body.Blocks {
			if b.Type == fr.typ && slices.Equal(b.Labels, fr.labels) {
				next = b.Body
				break
			}
		}
		if next == nil {
			return nil
		}
		body = next
	}
	return body
}

func nameCandidates(f *File, sp *spec.Block, frames []frame, replace source.Range) []Candidate {
	body := existing(f, frames)
	var out []Candidate
	attrs := slices.Clone(sp.Attrs)
	slices.SortStableFunc(attrs, func(a, b *spec.Attr) int {
		switch {
		case a.Required == b.Required:
			return 0
		case a.Required:
			return -1
		}
		return 1
	})
	for _, a := range attrs {
		if body != nil && body.Attributes[a.Name] != nil {
			continue
		}
		detail := "attribute"
		if a.Required {
			detail = "required attribute"
		}
		out = append(out, Candidate{
			Label: a.Name, Kind: CandAttribute, Detail: detail, Doc: attrDoc(a, sp),
			Snippet: a.Name + " = " + valueSnippet(a), Replace: replace,
		})
	}
	for _, b := range sp.Blocks {
		if b.Unique && body != nil && slices.ContainsFunc(body.Blocks, func(x *hclsyntax.Block) bool { return x.Type == b.Type }) {
			continue
		}
		out = append(out, Candidate{
			Label: b.Type, Kind: CandBlock, Detail: "block", Doc: blockDoc(b),
			Snippet: blockSnippet(b), Replace: replace,
		})
	}
	return out
}

func blockSnippet(b *spec.Block) string {
	var s strings.Builder
	s.WriteString(b.Type)
	for i, l := range b.Labels {
		fmt.Fprintf(&s, " \"${%d:%s}\"", i+1, l)
	}
	s.WriteString(" {\n\t")
	for _, a := range b.Attrs {
		if a.Required {
			fmt.Fprintf(&s, "%s = \n\t", a.Name)
		}
	}
	s.WriteString("$0\n}")
	return s.String()
}

// valueSnippet is what follows "name = " when an attribute is inserted.
func valueSnippet(a *spec.Attr) string {
	if len(a.Values) == 0 {
		return "$0"
	}
	switch v := a.Values[0]; v.Kind {
	case spec.Bool:
		return "${1|true,false|}"
	case spec.Const:
		return "${1|" + strings.Join(v.Consts, ",") + "|}"
	case spec.String:
		return `"$1"`
	case spec.SQLText:
		return "<<-SQL\n\t$0\nSQL"
	case spec.RawSQL:
		return `sql("$1")`
	case spec.RefList, spec.StringList:
		return "[$1]"
	}
	return "$0"
}

func valueCandidates(f *File, a *spec.Attr, frames []frame, replace source.Range, realm *schema.Realm) []Candidate {
	var out []Candidate
	add := func(c Candidate) {
		c.Replace = replace
		if !slices.ContainsFunc(out, func(o Candidate) bool { return o.Label == c.Label }) {
			out = append(out, c)
		}
	}
	for _, v := range a.Values {
		switch v.Kind {
		case spec.Bool:
			add(Candidate{Label: "true", Kind: CandValue})
			add(Candidate{Label: "false", Kind: CandValue})
		case spec.Const:
			for _, c := range v.Consts {
				add(Candidate{Label: c, Kind: CandConstant, Detail: a.Name})
			}
		case spec.RawSQL:
			add(Candidate{Label: `sql("…")`, Kind: CandValue, Detail: "raw SQL expression", Snippet: `sql("$1")`})
		case spec.ColumnType:
			for _, t := range columnTypes {
				add(Candidate{Label: t.label, Kind: CandType, Detail: "PostgreSQL type", Snippet: t.snippet})
			}
			add(Candidate{Label: `sql("…")`, Kind: CandValue, Detail: "type written in SQL", Snippet: `sql("$1")`})
			for _, r := range references(f, []string{"enum", "domain", "composite"}, frames, realm) {
				add(r)
			}
		case spec.Ref, spec.RefList:
			for _, r := range references(f, v.RefTo, frames, realm) {
				add(r)
			}
		}
	}
	return out
}

// references lists objects of the given kinds that this file declares:
// top-level blocks as kind.name, and for columns, those of the enclosing
// table as column.name.
func references(f *File, kinds []string, frames []frame, realm *schema.Realm) []Candidate {
	var out []Candidate
	if realm != nil {
		out = realmReferences(realm, kinds)
	}
	body := f.Body()
	count := map[string]int{} // kind.name -> how many objects share it
	for _, b := range body.Blocks {
		if slices.Contains(kinds, b.Type) && len(b.Labels) > 0 {
			count[b.Type+"."+b.Labels[len(b.Labels)-1]]++
		}
	}
	for _, b := range body.Blocks {
		if realm != nil || !slices.Contains(kinds, b.Type) || len(b.Labels) == 0 {
			continue // with a realm, objects come from it
		}
		label := b.Type + "." + b.Labels[len(b.Labels)-1]
		if count[label] > 1 && len(b.Labels) == 2 {
			label = b.Type + "." + b.Labels[0] + "." + b.Labels[1] // ambiguous: qualify with the schema
		}
		out = append(out, Candidate{Label: label, Kind: CandReference, Detail: b.Type})
	}
	if slices.Contains(kinds, "column") && len(frames) > 0 {
		if owner := existing(f, frames[:1]); owner != nil {
			for _, b := range owner.Blocks {
				if b.Type == "column" && len(b.Labels) == 1 {
					out = append(out, Candidate{Label: "column." + b.Labels[0], Kind: CandReference, Detail: "column of " + frames[0].typ + " " + strings.Join(frames[0].labels, " ")})
				}
			}
			if parent := partitionParent(owner, realm); parent != nil {
				root := realm.Root(parent)
				for _, c := range realm.Columns(parent) {
					out = append(out, Candidate{Label: "column." + c.Name, Kind: CandReference, Detail: "column of table " + root.Name})
				}
			}
		}
	}
	return out
}

// partitionParent is the table of realm that body's partition_of names,
// whose columns a partition has; nil for a table that is no partition.
func partitionParent(body *hclsyntax.Body, realm *schema.Realm) *schema.Table {
	a := body.Attributes["partition_of"]
	if a == nil || realm == nil {
		return nil
	}
	t, ok := traversal(a.Expr)
	if !ok || t.RootName() != "table" {
		return nil
	}
	st := steps(t)
	for _, s := range realm.Schemas {
		if len(st) == 3 && s.Name == st[1] || len(st) == 2 {
			if t := s.Table(st[len(st)-1]); t != nil {
				return t
			}
		}
	}
	return nil
}

// columnTypes are the PostgreSQL types offered in `type = …`, with
// placeholders for their parameters.
var columnTypes = []struct{ label, snippet string }{
	{"bigint", ""}, {"integer", ""}, {"int", ""}, {"smallint", ""},
	{"serial", ""}, {"bigserial", ""}, {"smallserial", ""},
	{"boolean", ""}, {"text", ""},
	{"varchar", "varchar(${1:255})"}, {"char", "char(${1:1})"},
	{"numeric", "numeric(${1:10}, ${2:2})"}, {"decimal", "decimal(${1:10}, ${2:2})"},
	{"real", ""}, {"double_precision", ""}, {"money", ""},
	{"date", ""}, {"time", ""}, {"timetz", ""}, {"timestamp", ""}, {"timestamptz", ""}, {"interval", ""},
	{"uuid", ""}, {"json", ""}, {"jsonb", ""}, {"bytea", ""}, {"xml", ""},
	{"inet", ""}, {"cidr", ""}, {"macaddr", ""}, {"macaddr8", ""},
	{"bit", "bit(${1:1})"}, {"bit_varying", "bit_varying(${1:8})"},
	{"tsvector", ""}, {"tsquery", ""},
	{"int4range", ""}, {"int8range", ""}, {"numrange", ""}, {"tsrange", ""}, {"tstzrange", ""}, {"daterange", ""},
	{"point", ""}, {"line", ""}, {"lseg", ""}, {"box", ""}, {"path", ""}, {"polygon", ""}, {"circle", ""},
}

// insideToken reports whether off is strictly inside a comment, a quoted
// string or a heredoc of src.
func insideToken(src []byte, off int) bool {
	tokens, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	inString := -1 // start of the open string or heredoc
	for _, tok := range tokens {
		r := tok.Range
		switch tok.Type {
		case hclsyntax.TokenComment:
			end := r.End.Byte
			if strings.HasSuffix(string(tok.Bytes), "\n") {
				end-- // the newline ends a line comment
			}
			if r.Start.Byte < off && off <= end {
				return true
			}
		case hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			inString = r.End.Byte
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			if inString >= 0 && inString <= off && off <= r.Start.Byte {
				return true
			}
			inString = -1
		}
		if r.Start.Byte > off {
			break
		}
	}
	return false
}

// realmReferences lists the objects of kinds in a decoded schema, as
// kind.name, or kind.schema.name where the name is in several schemas.
func realmReferences(realm *schema.Realm, kinds []string) []Candidate {
	type obj struct{ kind, schema, name string }
	var objs []obj
	for _, s := range realm.Schemas {
		objs = append(objs, obj{"schema", "", s.Name})
		for _, o := range s.Objects() {
			objs = append(objs, obj{o.Kind, s.Name, o.Name})
		}
	}
	count := map[string]int{}
	for _, o := range objs {
		count[o.kind+"."+o.name]++
	}
	var out []Candidate
	for _, o := range objs {
		if !slices.Contains(kinds, o.kind) {
			continue
		}
		label := o.kind + "." + o.name
		if count[label] > 1 && o.schema != "" {
			label = o.kind + "." + o.schema + "." + o.name
		}
		if !slices.ContainsFunc(out, func(c Candidate) bool { return c.Label == label }) {
			out = append(out, Candidate{Label: label, Kind: CandReference, Detail: o.kind})
		}
	}
	return out
}
