package hclschema

import (
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/internal/suggest"
	"github.com/schema-ls/schema-ls/schema"
)

// stringValue evaluates a constant string expression (quoted or heredoc,
// without interpolation of unknown values).
func stringValue(e hclsyntax.Expression) (string, bool) {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func boolValue(e hclsyntax.Expression) (bool, bool) {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false, false
	}
	return v.True(), true
}

func intValue(e hclsyntax.Expression) (int64, bool) {
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
		return 0, false
	}
	n, acc := v.AsBigFloat().Int64()
	return n, acc == big.Exact
}

// word returns the bare word of a constant (CASCADE), upper-cased.
func word(e hclsyntax.Expression) (string, bool) {
	if t, ok := e.(*hclsyntax.ScopeTraversalExpr); ok && len(t.Traversal) == 1 {
		return strings.ToUpper(t.Traversal.RootName()), true
	}
	if s, ok := stringValue(e); ok {
		return strings.ToUpper(s), true
	}
	return "", false
}

func attrBool(body *hclsyntax.Body, name string) (bool, bool) {
	if a := body.Attributes[name]; a != nil {
		return boolValue(a.Expr)
	}
	return false, false
}

func attrWord(body *hclsyntax.Body, name string) string {
	if a := body.Attributes[name]; a != nil {
		w, _ := word(a.Expr)
		return w
	}
	return ""
}

func attrInt(body *hclsyntax.Body, name string) *int64 {
	if a := body.Attributes[name]; a != nil {
		if n, ok := intValue(a.Expr); ok {
			return &n
		}
	}
	return nil
}

// expr decodes a default or other value: a literal or sql("…").
func (d *decoder) expr(f *File, e hclsyntax.Expression) *schema.Expr {
	pos := d.pos(f, e.Range())
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == "sql" && len(call.Args) == 1 {
		if s, ok := stringValue(call.Args[0]); ok {
			return &schema.Expr{Kind: schema.ExprSQL, Value: s, Pos: pos}
		}
		return nil
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() {
		return nil
	}
	switch v.Type() {
	case cty.String:
		return &schema.Expr{Kind: schema.ExprString, Value: v.AsString(), Pos: pos}
	case cty.Bool:
		s := "false"
		if v.True() {
			s = "true"
		}
		return &schema.Expr{Kind: schema.ExprBool, Value: s, Pos: pos}
	case cty.Number:
		return &schema.Expr{Kind: schema.ExprNumber, Value: schema.NumberText(v.AsBigFloat()), Pos: pos}
	}
	return nil
}

// sqlAttr is an attribute holding SQL as a string (check expr, view as),
// without the white space around it, which is not part of its meaning.
func sqlAttr(body *hclsyntax.Body, name string) string {
	if a := body.Attributes[name]; a != nil {
		if s, ok := stringValue(a.Expr); ok {
			return strings.TrimSpace(s)
		}
		if call, ok := a.Expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "sql" && len(call.Args) == 1 {
			s, _ := stringValue(call.Args[0])
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// nameAttr is an attribute naming something PostgreSQL knows by an
// identifier (an operator class): a bare word, a string or sql("…"), kept
// as written.
func nameAttr(body *hclsyntax.Body, name string) string {
	a := body.Attributes[name]
	if a == nil {
		return ""
	}
	if t, ok := a.Expr.(*hclsyntax.ScopeTraversalExpr); ok && len(t.Traversal) == 1 {
		return t.Traversal.RootName()
	}
	return sqlAttr(body, name)
}

// deferrable reads a constraint's deferrable attribute: INITIALLY_IMMEDIATE
// or INITIALLY_DEFERRED (Atlas's words), or true.
func deferrable(body *hclsyntax.Body) (deferrable, initiallyDeferred bool) {
	if b, ok := attrBool(body, "deferrable"); ok {
		return b, false
	}
	switch attrWord(body, "deferrable") {
	case "INITIALLY_IMMEDIATE":
		return true, false
	case "INITIALLY_DEFERRED":
		return true, true
	}
	return false, false
}

// extensionTypes are types that well-known extensions add; they are kept
// as written rather than reported as unknown.
var extensionTypes = map[string]bool{
	"hstore": true, "ltree": true, "lquery": true, "ltxtquery": true, "geometry": true, "geography": true,
	"box2d": true, "box3d": true, "raster": true, "vector": true, "halfvec": true, "sparsevec": true,
	"cube": true, "isbn": true, "isbn13": true, "issn": true, "ean13": true, "upc": true, "seg": true,
}

// typeOf decodes a type expression: a word (int), a call with modifiers
// (varchar(255)), sql("…"), or a reference to an enum, domain or composite.
func (d *decoder) typeOf(f *File, e hclsyntax.Expression) (schema.Type, bool) {
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		if len(x.Traversal) == 1 {
			return d.typeWord(f, e, x.Traversal.RootName(), nil)
		}
		tg, ok := d.resolve(f, e, []string{"enum", "domain", "composite", "table"}, nil)
		if !ok || tg.decl == nil {
			return schema.Type{}, false
		}
		return schema.Type{UserKind: tg.decl.block.Type, UserSchema: schemaOf(tg.decl), Name: tg.decl.name}, true
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "sql" {
			s, ok := stringValue(x.Args[0])
			if !ok || len(x.Args) != 1 {
				return schema.Type{}, false
			}
			if t, ok := schema.ParseSQLType(s); ok {
				return t, true
			}
			if t, ok := d.sqlNamedType(s); ok {
				return t, true
			}
			return schema.Type{Raw: s}, true
		}
		var args []int
		for _, a := range x.Args {
			n, ok := intValue(a)
			if !ok {
				d.report(f, a.Range(), source.Error, CodeInvalidType, "Type modifiers of %s must be whole numbers", x.Name)
				return schema.Type{}, false
			}
			args = append(args, int(n))
		}
		return d.typeWord(f, e, x.Name, args)
	}
	return schema.Type{}, false
}

func (d *decoder) typeWord(f *File, e hclsyntax.Expression, w string, args []int) (schema.Type, bool) {
	t, err := schema.BuiltinType(w, args...)
	if err == nil {
		return t, true
	}
	if extensionTypes[strings.ToLower(w)] {
		return schema.Type{Raw: exprText(f, e)}, true
	}
	if _, known := schema.Canonical(w); known || strings.EqualFold(w, "float") {
		d.report(f, e.Range(), source.Error, CodeInvalidType, "Invalid type %s: %v", exprText(f, e), err)
		return schema.Type{}, false
	}
	if s := suggest.Closest(w, typeWords); s != "" {
		d.report(f, e.Range(), source.Warning, CodeUnknownType, "Unknown PostgreSQL type %q; did you mean %s?", w, s)
	} else {
		d.report(f, e.Range(), source.Warning, CodeUnknownType, "Unknown PostgreSQL type %q: write a type from an extension as sql(%q)", w, w)
	}
	return schema.Type{Raw: exprText(f, e)}, true
}

// typeWords are the type spellings offered as suggestions.
var typeWords = func() []string {
	var out []string
	for _, t := range columnTypes {
		out = append(out, t.label)
	}
	return append(out, "timestamp_with_time_zone", "character_varying", "int4", "int8", "float4", "float8", "bool", "citext")
}()

// typeName is the canonical text of a type expression, read without
// reporting anything: int and INT4 give "integer", sql("int[]") gives
// "integer[]", enum.x gives "enum.x". known is false for what cannot be
// read statically (variables, calls).
func typeName(e hclsyntax.Expression) (name string, known bool) {
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		if len(x.Traversal) == 1 {
			c, _ := schema.Canonical(x.Traversal.RootName())
			return c, true
		}
		if t, ok := traversal(e); ok {
			return strings.Join(steps(t), "."), true
		}
	case *hclsyntax.FunctionCallExpr:
		if x.Name == "sql" && len(x.Args) == 1 {
			s, ok := stringValue(x.Args[0])
			if !ok {
				return "", false
			}
			if t, ok := schema.ParseSQLType(s); ok {
				return t.String(), true
			}
			return strings.ToLower(strings.TrimSpace(s)), true
		}
		var args []int
		for _, a := range x.Args {
			n, ok := intValue(a)
			if !ok {
				return "", false
			}
			args = append(args, int(n))
		}
		if t, err := schema.BuiltinType(x.Name, args...); err == nil {
			return t.String(), true
		}
		return strings.ToLower(x.Name), true
	}
	return "", false
}

// sqlNamedType reads a type sql("…") names that ParseSQLType does not
// know, as the SQL loader reads the same text: "char" (quoted), and
// enums, domains, composites and tables, qualified (s.mood[]) or, as
// with PostgreSQL's default search_path, in public; arrays of them too.
func (d *decoder) sqlNamedType(s string) (schema.Type, bool) {
	parts, quoted, array, ok := sqlTypeParts(s)
	if !ok {
		return schema.Type{}, false
	}
	name, sch := parts[len(parts)-1], "public"
	if len(parts) == 2 {
		sch = parts[0]
	}
	if name == "char" && quoted && (len(parts) == 1 || sch == "pg_catalog") {
		return schema.Type{Name: `"char"`, Array: array}, true
	}
	for _, kind := range []string{"enum", "domain", "composite", "table"} {
		if dc := d.lookup(kind, sch, name); dc != nil {
			return schema.Type{UserKind: kind, UserSchema: sch, Name: dc.name, Array: array}, true
		}
	}
	return schema.Type{}, false
}

// sqlTypeParts splits a type name written in SQL, [schema.]name followed
// by any number of [], into its parts: quoted identifiers as written,
// others folded to lower case. quoted tells whether the last part was
// quoted; array is 1 for an array (PostgreSQL keeps no dimensions).
func sqlTypeParts(s string) (parts []string, quoted bool, array int, ok bool) {
	s = strings.TrimSpace(s)
	for {
		rest, cut := strings.CutSuffix(s, "]")
		if !cut {
			break
		}
		rest = strings.TrimSpace(rest)
		if !strings.HasSuffix(rest, "[") {
			return nil, false, 0, false
		}
		s, array = strings.TrimSpace(strings.TrimSuffix(rest, "[")), 1
	}
	parts, quoted, ok = schema.SplitName(s)
	return parts, quoted, array, ok && len(parts) <= 2
}
