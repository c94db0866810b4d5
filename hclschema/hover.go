package hclschema

import (
	"fmt"
	"strings"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
)

// Hover is Markdown documentation for a range of a file.
type Hover struct {
	Markdown string
	Range    source.Range
}

// HoverAt documents what is at off: a block type from the spec table, or an
// attribute with the values it takes. ok is false where there is nothing
// to say.
func HoverAt(f *File, root *spec.Block, off int) (h Hover, ok bool) {
	n := At(f, root, off)
	switch {
	case n.Attr != nil && n.AttrSpec != nil && !n.InValue:
		return Hover{Markdown: attrDoc(n.AttrSpec, n.Spec(root)), Range: f.Range(n.Attr.NameRange)}, true
	case n.Header && n.Label < 0 && n.Spec(root) != nil:
		b := n.Blocks[len(n.Blocks)-1]
		return Hover{Markdown: blockDoc(n.Spec(root)), Range: f.Range(b.TypeRange)}, true
	}
	return Hover{}, false
}

func blockDoc(b *spec.Block) string {
	var s strings.Builder
	fmt.Fprintf(&s, "**%s** block", b.Type)
	if len(b.Labels) > 0 {
		fmt.Fprintf(&s, " `%s", b.Type)
		for _, l := range b.Labels {
			fmt.Fprintf(&s, " \"%s\"", l)
		}
		s.WriteString(" { … }`")
	}
	s.WriteString("\n\n" + b.Doc)
	if len(b.Attrs) > 0 {
		s.WriteString("\n\nAttributes: ")
		for i, a := range b.Attrs {
			if i > 0 {
				s.WriteString(", ")
			}
			fmt.Fprintf(&s, "`%s`", a.Name)
			if a.Required {
				s.WriteString(" (required)")
			}
		}
	}
	if len(b.Blocks) > 0 {
		s.WriteString("\n\nBlocks: ")
		for i, nb := range b.Blocks {
			if i > 0 {
				s.WriteString(", ")
			}
			fmt.Fprintf(&s, "`%s`", nb.Type)
		}
	}
	return s.String()
}

func attrDoc(a *spec.Attr, in *spec.Block) string {
	var s strings.Builder
	fmt.Fprintf(&s, "**%s**", a.Name)
	if in != nil && in.Type != "" {
		fmt.Fprintf(&s, " in `%s`", in.Type)
	}
	if a.Required {
		s.WriteString(" (required)")
	}
	s.WriteString("\n\n" + a.Doc)
	if e := expected(a.Values); e != "nothing" {
		s.WriteString("\n\nValue: " + e)
	}
	return s.String()
}
