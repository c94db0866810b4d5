// Package hclschema understands Atlas's PostgreSQL HCL: parsing, syntax
// diagnostics, folding and document symbols. Later it holds the spec table
// that drives decoding, completion and hover.
package hclschema

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
)

// CodeSyntax is the diagnostic code of every HCL syntax error.
const CodeSyntax = "syntax"

// File is one parsed HCL file. Parsing never fails: Syntax is always set
// (possibly partial) and Diags lists every problem hclsyntax reported.
type File struct {
	Name   string
	Src    []byte
	Syntax *hcl.File
	Diags  []source.Diagnostic
}

// Body is the file's syntax body; it is never nil.
func (f *File) Body() *hclsyntax.Body {
	if f.Syntax != nil {
		if b, ok := f.Syntax.Body.(*hclsyntax.Body); ok {
			return b
		}
	}
	return &hclsyntax.Body{}
}

// Parse parses src as HCL native syntax.
func Parse(name string, src []byte) *File {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	return &File{Name: name, Src: src, Syntax: f, Diags: convertDiags(diags, len(src))}
}

func convertDiags(diags hcl.Diagnostics, size int) []source.Diagnostic {
	out := make([]source.Diagnostic, 0, len(diags))
	for _, d := range diags {
		sev := source.Error
		if d.Severity == hcl.DiagWarning {
			sev = source.Warning
		}
		var r source.Range
		if d.Subject != nil {
			r = source.Range{Start: clamp(d.Subject.Start.Byte, size), End: clamp(d.Subject.End.Byte, size)}
		}
		out = append(out, source.Diagnostic{
			Range:    r,
			Severity: sev,
			Message:  message(d),
			Code:     CodeSyntax,
		})
	}
	return out
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

func rangeOf(r hcl.Range) source.Range {
	return source.Range{Start: r.Start.Byte, End: r.End.Byte}
}
