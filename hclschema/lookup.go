package hclschema

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/hclschema/spec"
)

// Node is what sits at a byte offset of a file, with the spec describing it.
type Node struct {
	// Blocks are the blocks enclosing the offset, outermost first, and
	// Specs their specs (an entry is nil for a block the spec does not know).
	Blocks []*hclsyntax.Block
	Specs  []*spec.Block
	// Header is set when the offset is on a block's type or labels (the
	// last of Blocks); Label is the label index, or -1 for the type.
	Header bool
	Label  int
	// Attr is the attribute at the offset, AttrSpec its spec (nil when
	// unknown); InValue says whether the offset is in its value.
	Attr     *hclsyntax.Attribute
	AttrSpec *spec.Attr
	InValue  bool
}

// Spec is the spec of the innermost enclosing block (root at top level).
func (n Node) Spec(root *spec.Block) *spec.Block {
	if len(n.Specs) == 0 {
		return root
	}
	return n.Specs[len(n.Specs)-1]
}

// At finds the node at off.
func At(f *File, root *spec.Block, off int) Node {
	n := Node{Label: -1}
	body, sp := f.Body(), root
	for {
		var next *hclsyntax.Block
		for _, a := range body.Attributes {
			r := a.SrcRange
			if off < f.Offset(r.Start) || off > f.Offset(r.End) {
				continue
			}
			n.Attr = a
			if sp != nil {
				n.AttrSpec = sp.Attr(a.Name)
			}
			n.InValue = off > f.Offset(a.NameRange.End)
			return n
		}
		for _, b := range body.Blocks {
			if off < f.Offset(b.TypeRange.Start) || off > f.Offset(b.CloseBraceRange.End) {
				continue
			}
			var bs *spec.Block
			if sp != nil {
				bs = Variant(sp.Block(b.Type), b)
			}
			n.Blocks = append(n.Blocks, b)
			n.Specs = append(n.Specs, bs)
			if off <= f.Offset(b.TypeRange.End) {
				n.Header = true
				return n
			}
			for i, lr := range b.LabelRanges {
				if off >= f.Offset(lr.Start) && off <= f.Offset(lr.End) {
					n.Header, n.Label = true, i
					return n
				}
			}
			if off >= f.Offset(b.OpenBraceRange.End) && off <= f.Offset(b.CloseBraceRange.Start) {
				next = b
			}
			break
		}
		if next == nil {
			return n
		}
		body, sp = next.Body, n.Specs[len(n.Specs)-1]
	}
}
