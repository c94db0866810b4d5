// Package hclschema understands Atlas's PostgreSQL HCL: parsing, syntax
// diagnostics, folding and document symbols, validation against the spec
// table, hover, completion, semantic tokens and decoding into the model.
package hclschema

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
)

// CodeSyntax is the diagnostic code of every HCL syntax error.
const CodeSyntax = "syntax"

// File is one parsed HCL file. Parsing never fails: the body is always
// set (possibly partial) and Diags lists every syntax problem.
//
// The file is parsed in chunks (see chunks.go). Positions inside the
// syntax tree carry real line numbers but byte offsets relative to their
// chunk; always convert them with File.Range or File.Offset.
type File struct {
	Name   string
	Src    []byte
	Diags  []source.Diagnostic
	chunks []*chunk
	body   *hclsyntax.Body
	// validated holds Validate's findings per top-level block; Reparse
	// hands the previous version's to the next, whose reused blocks reuse
	// them.
	validated validation
}

// chunk is one parsed chunk of a file.
type chunk struct {
	text  string
	start int // byte offset in the file
	line  int // 1-based first line
	body  *hclsyntax.Body
	diags hcl.Diagnostics
	folds *chunkFolds // shared by the versions that reuse this chunk
}

// Body is the file's syntax body: the top-level attributes and blocks of
// every chunk. It is never nil.
func (f *File) Body() *hclsyntax.Body { return f.body }

// Parse parses src as HCL native syntax.
func Parse(name string, src []byte) *File { return Reparse(name, src, nil) }

// Reparse parses src reusing the chunks of prev (an earlier version of the
// same file) whose text and first line are unchanged: typing inside one
// block re-parses that block only.
func Reparse(name string, src []byte, prev *File) *File {
	reuse := map[[2]string]*chunk{}
	if prev != nil && prev.Name == name {
		for _, c := range prev.chunks {
			reuse[[2]string{c.text, fmt.Sprint(c.line)}] = c
		}
	}
	f := &File{Name: name, Src: src}
	if prev != nil && prev.Name == name {
		f.validated = prev.validated
	}
	f.chunks = parseChunks(name, src, splitTopLevel(src), reuse)
	if len(f.chunks) > 1 && slices.ContainsFunc(f.chunks, func(c *chunk) bool { return c.diags.HasErrors() }) {
		// A broken file is parsed whole, so its diagnostics are exactly
		// hclsyntax's (recovery depends on what follows the error).
		f.chunks = parseChunks(name, src, []span{{0, len(src), 1}}, nil)
	}
	f.merge()
	return f
}

// parseChunks parses the spans of src, reusing parses from reuse.
func parseChunks(name string, src []byte, spans []span, reuse map[[2]string]*chunk) []*chunk {
	var out []*chunk
	for _, s := range spans {
		text := string(src[s.start:s.end])
		c, ok := reuse[[2]string{text, fmt.Sprint(s.line)}]
		if !ok {
			c = &chunk{text: text, line: s.line, folds: &chunkFolds{}}
			syn, diags := hclsyntax.ParseConfig([]byte(text), name, hcl.Pos{Line: s.line, Column: 1, Byte: 0})
			c.diags = diags
			c.body, _ = syn.Body.(*hclsyntax.Body)
			if c.body == nil {
				c.body = &hclsyntax.Body{}
			}
		} else {
			c = &chunk{text: c.text, line: c.line, body: c.body, diags: c.diags, folds: c.folds}
		}
		c.start = s.start
		out = append(out, c)
	}
	return out
}

// merge joins the chunks' bodies and diagnostics, reporting an attribute
// set twice at the top level as hclsyntax does within one body.
func (f *File) merge() {
	f.body = &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	for _, c := range f.chunks {
		for _, d := range c.diags {
			f.Diags = append(f.Diags, f.syntaxDiag(d))
		}
		for _, name := range sortedNames(c.body.Attributes) {
			a := c.body.Attributes[name]
			if prev, dup := f.body.Attributes[name]; dup {
				r := f.Range(a.NameRange)
				f.Diags = append(f.Diags, source.Diagnostic{Range: r, Severity: source.Error, Code: CodeSyntax,
					Message: fmt.Sprintf("Attribute redefined: The argument %q was already set at %s. Each argument may be set only once.", name, prev.NameRange)})
				continue
			}
			f.body.Attributes[name] = a
		}
		f.body.Blocks = append(f.body.Blocks, c.body.Blocks...)
	}
}

func sortedNames(attrs hclsyntax.Attributes) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// chunkAt is the chunk holding a position of the syntax tree.
func (f *File) chunkAt(p hcl.Pos) *chunk {
	i := sort.Search(len(f.chunks), func(i int) bool { return f.chunks[i].line > p.Line }) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(f.chunks) {
		return nil
	}
	return f.chunks[i]
}

// Offset converts a position of the syntax tree into a byte offset of the
// file.
func (f *File) Offset(p hcl.Pos) int {
	c := f.chunkAt(p)
	if c == nil {
		return 0
	}
	return clamp(c.start+p.Byte, len(f.Src))
}

// Range converts a range of the syntax tree into byte offsets of the file.
func (f *File) Range(r hcl.Range) source.Range {
	return source.Range{Start: f.Offset(r.Start), End: f.Offset(r.End)}
}

func (f *File) syntaxDiag(d *hcl.Diagnostic) source.Diagnostic {
	sev := source.Error
	if d.Severity == hcl.DiagWarning {
		sev = source.Warning
	}
	var r source.Range
	if d.Subject != nil {
		r = f.Range(*d.Subject)
	}
	return source.Diagnostic{Range: r, Severity: sev, Message: message(d), Code: CodeSyntax}
}

func message(d *hcl.Diagnostic) string {
	msg := strings.TrimSpace(d.Summary)
	if detail := strings.TrimSpace(d.Detail); detail != "" && detail != msg {
		msg = strings.TrimSuffix(msg, ".") + ": " + detail
	}
	return msg
}

func clamp(off, size int) int {
	return max(0, min(off, size))
}
