package hclschema

import (
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// DecodeSQL analyzes SQL sources that form one schema (a .sql file, or
// the files of a migration directory replayed in order) into a Decoded,
// so that navigation, hover, rename and completion work on .sql files as
// they do on HCL. Its diagnostics leave out syntax errors, which each
// file reports itself.
func DecodeSQL(sources []sqlsupport.Source) *Decoded {
	a := sqlsupport.Analyze(sources...)
	out := &Decoded{Realm: a.Realm, Diags: map[string][]source.Diagnostic{}}
	for file, diags := range a.Diags {
		for _, d := range diags {
			if d.Code != sqlsupport.CodeSyntax {
				out.Diags[file] = append(out.Diags[file], d)
			}
		}
	}
	for _, n := range a.Decls {
		out.Decls = append(out.Decls, Ref{File: n.File, Range: n.Range, Target: n.Target, SQL: true})
	}
	for _, n := range a.Uses {
		out.Refs = append(out.Refs, Ref{File: n.File, Range: n.Range, Target: n.Target, SQL: true})
	}
	return out
}
