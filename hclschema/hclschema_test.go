package hclschema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
)

func TestParseMessageJoinsSummaryAndDetail(t *testing.T) {
	f := Parse("x.hcl", []byte("a = \n"))
	if assert.Len(t, f.Diags, 1) {
		assert.Equal(t, "Invalid expression: Expected the start of an expression, but found an invalid expression token.", f.Diags[0].Message)
		assert.Equal(t, CodeSyntax, f.Diags[0].Code)
		assert.Equal(t, source.Error, f.Diags[0].Severity)
	}
}

func TestFoldingKeepsClosingLineVisible(t *testing.T) {
	src := "t {\n  a = [\n    1,\n  2]\n}\n"
	got := FoldingRanges([]byte(src), source.NewMapper(src))
	assert.Equal(t, []source.FoldRange{
		{StartLine: 0, EndLine: 3, Kind: source.FoldRegion}, // "}" alone: stops before it
		{StartLine: 1, EndLine: 3, Kind: source.FoldRegion}, // "2]" shares its line: includes it
	}, got)
}

// FuzzHCLFeatures checks that parsing, folding and symbols never panic and
// that every range lies inside the text.
func FuzzHCLFeatures(f *testing.F) {
	for _, s := range []string{
		"table \"t\" {\n  column \"c\" { type = int }\n}\n",
		"view \"v\" {\n  as = <<-SQL\n  SELECT 1\n  SQL\n}\n",
		"enum \"e\" { values = [\"a\", \"b\"] }\nlocals { x = 1 }\n",
		"/* c\n */ # a\n# b\nx = {\n a = (1 +\n 2)\n}",
		"table \"t\" {", "}", "<<EOT", "\"\xff",
		"schema \"s\" {}\ntable \"s\" \"t\" {\n  column \"c\" { type = varchar(1, 2) }\n  foreign_key \"f\" {\n    columns = [column.c]\n    ref_columns = [table.s.t.column.c]\n  }\n}\n",
		"function \"f\" {\n  schema = schema.s\n  arg { type = int }\n  return = trigger\n}\ntrigger \"t\" {\n  on = table.x\n  after { insert = true }\n  execute { function = function.f }\n}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file := Parse("f.hcl", []byte(src))
		m := source.NewMapper(src)
		for _, d := range file.Diags {
			assert.True(t, 0 <= d.Range.Start && d.Range.Start <= d.Range.End && d.Range.End <= len(src), "diagnostic range %v", d.Range)
		}
		for _, r := range FoldingRanges([]byte(src), m) {
			assert.True(t, 0 <= r.StartLine && r.StartLine < r.EndLine && r.EndLine < m.LineCount(), "fold %v", r)
		}
		var walk func([]source.Symbol)
		walk = func(syms []source.Symbol) {
			for _, s := range syms {
				assert.NotEmpty(t, s.Name)
				assert.True(t, s.Range.Start <= s.Selection.Start && s.Selection.End <= s.Range.End && s.Range.End <= len(src), "symbol %s %v %v", s.Name, s.Range, s.Selection)
				walk(s.Children)
			}
		}
		walk(Symbols(file))

		// Every feature runs on every file without panicking, whatever its
		// role, and reports ranges inside the text.
		for _, root := range []*spec.Block{spec.SchemaFile, spec.ProjectFile} {
			for _, d := range Validate(file, root) {
				assert.True(t, 0 <= d.Range.Start && d.Range.Start <= d.Range.End && d.Range.End <= len(src), "validation range %v", d.Range)
			}
			for _, tok := range SemanticTokens(file, root) {
				assert.True(t, 0 <= tok.Range.Start && tok.Range.Start <= tok.Range.End && tok.Range.End <= len(src), "token %v", tok.Range)
			}
			for _, off := range []int{0, len(src) / 3, len(src) / 2, len(src)} {
				Complete(file, root, off, nil)
				HoverAt(file, root, off)
			}
		}
		dec := Decode([]*File{file})
		for _, d := range dec.Diags[file.Name] {
			assert.True(t, 0 <= d.Range.Start && d.Range.Start <= d.Range.End && d.Range.End <= len(src), "decode range %v", d.Range)
		}
		for _, off := range []int{0, len(src) / 2, len(src)} {
			HoverRef(dec, file.Name, off)
		}
		Complete(file, spec.SchemaFile, len(src)/2, dec.Realm)
		if out, err := Format(file); err == nil {
			LineEdits(src, string(out))
		}
	})
}
