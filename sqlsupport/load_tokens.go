package sqlsupport

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/schema-ls/schema-ls/internal/source"
)

// pg_query gives most nodes the byte offset where they start (some, such
// as operators, where their operator is), but no end. The loader finds
// the text of an expression from the tokens around it instead: the group
// of parentheses the syntax puts it in, or the tokens up to the next
// clause.

// tokAt is the index of the statement's first token at or after byte
// offset off.
func (st *ldStmt) tokAt(off int) int {
	i, _ := slices.BinarySearchFunc(st.toks, off, func(t ldTok, off int) int { return t.start - off })
	return min(max(i, st.first), st.last)
}

// at is the token at a node location (relative to the parsed text).
func (st *ldStmt) at(loc int32) int { return st.tokAt(st.base + int(loc)) }

// kind is the kind of token i; 0 outside the statement.
func (st *ldStmt) kind(i int) pg_query.Token {
	if i < st.first || i >= st.last {
		return 0
	}
	return st.toks[i].kind
}

func ldOpens(k pg_query.Token) bool  { return k == '(' || k == '[' }
func ldCloses(k pg_query.Token) bool { return k == ')' || k == ']' }

// match is the index of the token closing the group opened at i, or the
// statement's last token when it is not closed.
func (st *ldStmt) match(i int) int {
	depth := 0
	for j := i; j < st.last; j++ {
		switch k := st.toks[j].kind; {
		case ldOpens(k):
			depth++
		case ldCloses(k):
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return st.last - 1
}

// next is the first token of kind k at or after from at from's nesting
// depth, or -1 when from's group or the statement ends first.
func (st *ldStmt) next(from int, k pg_query.Token) int {
	depth := 0
	for j := max(from, st.first); j < st.last; j++ {
		kj := st.toks[j].kind
		if depth == 0 && kj == k {
			return j
		}
		switch {
		case ldOpens(kj):
			depth++
		case ldCloses(kj):
			depth--
			if depth < 0 {
				return -1
			}
		}
	}
	return -1
}

// until is the last token of the expression starting at from: before the
// first comma or stop token at its depth, or the close of its group.
func (st *ldStmt) until(from int, stops ...pg_query.Token) int {
	depth := 0
	for j := from; j < st.last; j++ {
		k := st.toks[j].kind
		if depth == 0 && j > from && (k == ',' || slices.Contains(stops, k)) {
			return j - 1
		}
		switch {
		case ldOpens(k):
			depth++
		case ldCloses(k):
			depth--
			if depth < 0 {
				return j - 1
			}
		}
	}
	return st.last - 1
}

// span is the byte range of tokens i to j, both included.
func (st *ldStmt) span(i, j int) source.Range {
	if i < st.first || i >= st.last || j < i {
		if i >= st.first && i <= st.last && i < len(st.toks) {
			return source.Range{Start: st.toks[i].start, End: st.toks[i].start}
		}
		return st.rng
	}
	j = min(j, st.last-1)
	return source.Range{Start: st.toks[i].start, End: st.toks[j].end}
}

func (st *ldStmt) textOf(r source.Range) string { return st.text[r.Start:r.End] }

// inner is the text inside the group opened at open.
func (st *ldStmt) inner(open int) (string, source.Range) {
	if !ldOpens(st.kind(open)) {
		return "", st.span(open, open)
	}
	r := st.span(open+1, st.match(open)-1)
	return st.textOf(r), r
}

// parenAfter is the text of the group following the first token of kind
// k at or after from (CHECK (…), WHEN (…), AS (…)).
func (st *ldStmt) parenAfter(from int, k pg_query.Token) (string, source.Range) {
	i := st.next(from, k)
	if i < 0 {
		return "", st.span(from, from)
	}
	return st.inner(st.next(i, '('))
}

// list splits the group opened at open into its comma-separated
// elements, each as its first and last token.
func (st *ldStmt) list(open int) [][2]int {
	if !ldOpens(st.kind(open)) {
		return nil
	}
	closeAt := st.match(open)
	var out [][2]int
	for i := open + 1; i < closeAt; {
		j := st.until(i)
		out = append(out, [2]int{i, j})
		i = j + 2 // past the comma
	}
	return out
}

// afterName is the token after a possibly qualified name starting at i.
func (st *ldStmt) afterName(i int) int {
	for st.kind(i+1) == '.' {
		i += 2
	}
	return i + 1
}

// elemExpr is the text of the expression of an index, partition or
// exclusion element spanning tokens a to b: inside its parentheses, or a
// function call up to the end of its arguments.
func (st *ldStmt) elemExpr(a, b int) (string, source.Range) {
	if st.kind(a) == '(' {
		return st.inner(a)
	}
	for i := a; i <= b; i++ {
		if st.kind(i) == '(' {
			r := st.span(a, st.match(i))
			return st.textOf(r), r
		}
	}
	r := st.span(a, a)
	return st.textOf(r), r
}

// firstWords is the text of up to n tokens from i to j, "…" marking
// more.
func (st *ldStmt) firstWords(i, j, n int) string {
	if j-i+1 <= n {
		return st.textOf(st.span(i, j))
	}
	return st.textOf(st.span(i, i+n-1)) + " …"
}

// minLoc is the smallest location in a node's tree, or -1.
func ldMinLoc(m proto.Message) int32 {
	best := int32(-1)
	ldWalk(m, func(m protoreflect.Message) {
		if f := m.Descriptor().Fields().ByName("location"); f != nil && f.Kind() == protoreflect.Int32Kind {
			if loc := int32(m.Get(f).Int()); loc >= 0 && (best < 0 || loc < best) {
				best = loc
			}
		}
	})
	return best
}

// ldWalk calls fn for every message in m's tree, m included.
func ldWalk(m proto.Message, fn func(protoreflect.Message)) {
	ldVisit(m, func(pm protoreflect.Message) bool { fn(pm); return true })
}

// ldVisit calls fn for the messages in m's tree, m first, and goes into
// the ones for which it returns true.
func ldVisit(m proto.Message, fn func(protoreflect.Message) bool) {
	if m == nil {
		return
	}
	var walk func(protoreflect.Message)
	walk = func(pm protoreflect.Message) {
		if !pm.IsValid() || !fn(pm) {
			return
		}
		pm.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			switch {
			case fd.IsList() && fd.Kind() == protoreflect.MessageKind:
				for i := range v.List().Len() {
					walk(v.List().Get(i).Message())
				}
			case fd.Kind() == protoreflect.MessageKind && !fd.IsMap():
				walk(v.Message())
			}
			return true
		})
	}
	walk(m.ProtoReflect())
}

// ldColumnRefs lists the column names an expression refers to, each once
// (the last part of each column reference).
func ldColumnRefs(m proto.Message) []string {
	var out []string
	ldWalk(m, func(pm protoreflect.Message) {
		cr, ok := pm.Interface().(*pg_query.ColumnRef)
		if !ok || len(cr.Fields) == 0 {
			return
		}
		if s := cr.Fields[len(cr.Fields)-1].GetString_(); s != nil && !slices.Contains(out, s.Sval) {
			out = append(out, s.Sval)
		}
	})
	return out
}

// ldStrings are the values of a list of String nodes.
func ldStrings(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		if s := n.GetString_(); s != nil {
			out = append(out, s.Sval)
		}
	}
	return out
}

// ldSplitName splits a qualified name into schema and name; the schema is
// empty when not given.
func ldSplitName(parts []string) (sch, name string) {
	switch len(parts) {
	case 0:
		return "", ""
	case 1:
		return "", parts[0]
	}
	return parts[len(parts)-2], parts[len(parts)-1]
}

// ldUpper upper-cases an SQL word.
func ldUpper(s string) string { return strings.ToUpper(s) }
