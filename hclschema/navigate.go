package hclschema

import "github.com/schema-ls/schema-ls/schema"

// NameAt returns the reference or declaration whose name covers off in
// file (its end included, where a cursor after the name stands).
func (dec *Decoded) NameAt(file string, off int) (Ref, bool) {
	for _, list := range [][]Ref{dec.Refs, dec.Decls} {
		for _, r := range list {
			if r.File == file && r.Range.Start <= off && off <= r.Range.End {
				return r, true
			}
		}
	}
	return Ref{}, false
}

// Decl returns the declaration of target.
func (dec *Decoded) Decl(target schema.Pos) (Ref, bool) {
	for _, r := range dec.Decls {
		if r.Target == target {
			return r, true
		}
	}
	return Ref{}, false
}

// Uses returns the references to target, in file and position order of
// decoding.
func (dec *Decoded) Uses(target schema.Pos) []Ref {
	var out []Ref
	for _, r := range dec.Refs {
		if r.Target == target {
			out = append(out, r)
		}
	}
	return out
}
