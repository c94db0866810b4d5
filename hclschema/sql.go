package hclschema

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// SQL held by attributes: the spec table says which attributes hold SQL
// and what kind; sqlsupport parses it and maps errors back into the file.

// sqlKinds maps the spec's SQL kinds to the checker's.
var sqlKinds = map[spec.SQLKind]sqlsupport.Kind{
	spec.SQLQuery:      sqlsupport.Query,
	spec.SQLExpression: sqlsupport.Expression,
	spec.SQLBody:       sqlsupport.Body,
	spec.SQLStatements: sqlsupport.Statements,
}

// SQLRegion returns the SQL attribute a of block owner holds, as the spec
// describes it: a string or heredoc of an attribute holding SQL, or
// sql("…") where an attribute takes raw SQL or a column type. ok is false
// for values that are not SQL.
func SQLRegion(f *File, a *hclsyntax.Attribute, as *spec.Attr, owner *hclsyntax.Block) (*sqlsupport.Region, bool) {
	call, isCall := a.Expr.(*hclsyntax.FunctionCallExpr)
	isSQLCall := isCall && call.Name == "sql"
	_, isTemplate := a.Expr.(*hclsyntax.TemplateExpr)
	var kind sqlsupport.Kind
	for _, v := range as.Values {
		switch {
		case v.Kind == spec.SQLText && isTemplate || v.Kind == spec.RawSQL && isSQLCall:
			kind = sqlKinds[v.SQL]
		case v.Kind == spec.ColumnType && isSQLCall:
			kind = sqlsupport.TypeName
		}
		if kind != 0 {
			break
		}
	}
	if kind == 0 {
		return nil, false
	}
	r, ok := sqlsupport.RegionOf(a.Expr, kind, f.Src, f.Offset)
	if !ok {
		return nil, false
	}
	if kind == sqlsupport.Body && owner != nil {
		r.Lang = strings.ToLower(attrWord(owner.Body, "lang"))
		if r.Lang == "" {
			r.Lang = "sql"
		}
		r.Header, _ = routineHeader(owner, r.Lang)
	}
	return r, true
}

// routineHeader writes the CREATE FUNCTION or CREATE PROCEDURE text a
// body of block b follows. ok is false when a type cannot be read
// statically (a variable, say).
func routineHeader(b *hclsyntax.Block, lang string) (string, bool) {
	var h strings.Builder
	kind := "FUNCTION"
	if b.Type == "procedure" {
		kind = "PROCEDURE"
	}
	h.WriteString("CREATE " + kind + " " + strconv.Quote(label(b)) + "(")
	n := 0
	for _, ab := range b.Body.Blocks {
		if ab.Type != "arg" {
			continue
		}
		if n++; n > 1 {
			h.WriteString(", ")
		}
		if mode := attrWord(ab.Body, "mode"); mode != "" {
			h.WriteString(mode + " ")
		}
		if len(ab.Labels) > 0 {
			h.WriteString(strconv.Quote(ab.Labels[0]) + " ")
		}
		t, ok := typeSQL(ab.Body.Attributes["type"])
		if !ok {
			return "", false
		}
		h.WriteString(t)
	}
	h.WriteString(")")
	if kind == "FUNCTION" {
		switch {
		case b.Body.Attributes["return"] != nil:
			t, ok := typeSQL(b.Body.Attributes["return"])
			if !ok {
				return "", false
			}
			h.WriteString(" RETURNS " + t)
		case b.Body.Attributes["return_set"] != nil:
			t, ok := typeSQL(b.Body.Attributes["return_set"])
			if !ok {
				return "", false
			}
			h.WriteString(" RETURNS SETOF " + t)
		default:
			var cols []string
			for _, rt := range b.Body.Blocks {
				if rt.Type != "return_table" {
					continue
				}
				for _, c := range rt.Body.Blocks {
					t, ok := typeSQL(c.Body.Attributes["type"])
					if c.Type != "column" || !ok {
						return "", false
					}
					cols = append(cols, strconv.Quote(label(c))+" "+t)
				}
			}
			if len(cols) == 0 {
				return "", false
			}
			h.WriteString(" RETURNS TABLE(" + strings.Join(cols, ", ") + ")")
		}
	}
	h.WriteString(" LANGUAGE " + lang + " AS ")
	return h.String(), true
}

// typeSQL spells a type attribute's value in SQL: a built-in type, sql("…"),
// or a reference to a user-defined type (its name).
func typeSQL(a *hclsyntax.Attribute) (string, bool) {
	if a == nil {
		return "", false
	}
	if t, ok := traversal(a.Expr); ok && len(t) > 1 {
		st := steps(t)
		return strconv.Quote(st[len(st)-1]), true
	}
	name, known := typeName(a.Expr)
	return name, known && name != ""
}

// checkSQL reports the syntax errors of the SQL attribute a holds, in
// syntax-tree positions of top's chunk.
func (v *validator) checkSQL(a *hclsyntax.Attribute, as *spec.Attr, owner *hclsyntax.Block) {
	r, ok := SQLRegion(v.f, a, as, owner)
	if !ok || v.top == nil {
		return
	}
	start := v.top.Range().Start
	base := v.f.Offset(start) - start.Byte // the chunk's offset in the file
	for _, e := range r.Errors() {
		at := hcl.Range{
			Start: hcl.Pos{Line: start.Line, Byte: e.Range.Start - base},
			End:   hcl.Pos{Line: start.Line, Byte: e.Range.End - base},
		}
		v.diags = append(v.diags, pending{at: at, diag: sqlDiag(e)})
	}
}

func sqlDiag(e sqlsupport.SyntaxError) source.Diagnostic {
	return source.Diagnostic{Severity: source.Error, Code: sqlsupport.CodeSyntax, Message: "SQL: " + e.Message}
}
