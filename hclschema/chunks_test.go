package hclschema

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/gen"
	"github.com/schema-ls/schema-ls/internal/source"
)

func chunkTexts(src string) []string {
	var out []string
	for _, s := range splitTopLevel([]byte(src)) {
		out = append(out, src[s.start:s.end])
	}
	return out
}

func TestSplitTopLevel(t *testing.T) {
	src := "# lead\n\nschema \"a\" {}\ntable \"t\" {\n  x = \"}\" # }\n  y = <<-SQL\n  }\n  SQL\n  z = \"${f(\"{\")}\"\n}\n/* { */\nx = 1\n"
	assert.Equal(t, []string{
		"# lead\n\nschema \"a\" {}\n",
		"table \"t\" {\n  x = \"}\" # }\n  y = <<-SQL\n  }\n  SQL\n  z = \"${f(\"{\")}\"\n}\n",
		"/* { */\nx = 1\n",
	}, chunkTexts(src))
	spans := splitTopLevel([]byte(src))
	assert.Equal(t, []int{1, 4, 11}, []int{spans[0].line, spans[1].line, spans[2].line})

	assert.Equal(t, []string{"a {\n", "b {\n  c\n"}[:1], chunkTexts("a {\n")[:1])
	assert.Equal(t, []string{"t {\n\nu {}\n"}, chunkTexts("t {\n\nu {}\n"), "an unclosed block runs to the end")
	assert.Equal(t, []string{"x = 1"}, chunkTexts("x = 1"))
	assert.Equal(t, []string{""}, chunkTexts(""))
	assert.Equal(t, []string{"}\n", "x = 1\n"}, chunkTexts("}\nx = 1\n"), "a stray closer does not go negative")
}

// FuzzChunkedParse checks that parsing in chunks finds an error exactly
// when parsing the whole file does, and that every chunk boundary is a
// line start.
func FuzzChunkedParse(f *testing.F) {
	for _, s := range []string{
		"table \"t\" {\n  column \"c\" { type = int }\n}\nschema \"s\" {}\n",
		"x = <<EOT\n}\nEOT\ny = 2\n",
		"a = \"${b}\"\nc {\n}\n",
		"t {\n", "}\n", "x = [\n1,\n]\ny = 2\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		spans := splitTopLevel([]byte(src))
		prev := 0
		for _, s := range spans {
			assert.Equal(t, prev, s.start)
			assert.True(t, s.start == 0 || src[s.start-1] == '\n', "chunk starts at a line start")
			prev = s.end
		}
		assert.Equal(t, len(src), prev)
		sameFeatures(t, src)
	})
}

// whole parses src as one chunk, as hclsyntax alone would.
func whole(src string) *File {
	f := &File{Name: "f.hcl", Src: []byte(src)}
	f.chunks = parseChunks("f.hcl", f.Src, []span{{0, len(src), 1}}, nil)
	f.merge()
	return f
}

// sameFeatures asserts that a chunked parse gives what a whole parse gives.
func sameFeatures(t *testing.T, src string) {
	t.Helper()
	a, b := Parse("f.hcl", []byte(src)), whole(src)
	assert.Equal(t, b.Diags, a.Diags, "diagnostics")
	assert.Equal(t, Symbols(b), Symbols(a), "symbols")
	assert.Equal(t, FoldingRanges(b.Src, source.NewMapper(src)), a.Folds(), "folding")
	if len(b.Diags) == 0 && RoleOf(b).Spec() != nil {
		assert.Equal(t, Validate(b, RoleOf(b).Spec()), Validate(a, RoleOf(a).Spec()), "validation")
		assert.Equal(t, SemanticTokens(b, RoleOf(b).Spec()), SemanticTokens(a, RoleOf(a).Spec()), "tokens")
		da, db := Decode([]*File{a}), Decode([]*File{b})
		assert.Equal(t, db.Diags, da.Diags, "decode diagnostics")
		assert.Equal(t, db.Refs, da.Refs, "references")
		assert.Equal(t, db.Decls, da.Decls, "declarations")
	}
}

func TestChunkedParseMatchesWhole(t *testing.T) {
	sameFeatures(t, gen.Schema(400))
	sameFeatures(t, "x = 1\nx = 2\n")                    // attribute redefined across chunks
	sameFeatures(t, "schema \"s\" {}\ntabel \"t\" {}\n") // validation positions
	sameFeatures(t, "table \"t\" {\n  type = \n}\n")     // broken: parsed whole
	src, err := os.ReadFile("../examples/shop/schema.hcl")
	require.NoError(t, err)
	sameFeatures(t, string(src))
}

func TestReparseReusesUnchangedChunks(t *testing.T) {
	src := gen.Schema(200)
	first := Parse("f.hcl", []byte(src))
	// Type a space inside the third chunk: no line moves.
	third := splitTopLevel([]byte(src))[2]
	edited := src[:third.start+3] + " " + src[third.start+3:]
	second := Reparse("f.hcl", []byte(edited), first)
	require.Equal(t, len(first.chunks), len(second.chunks))
	for i := range first.chunks {
		if i == 2 {
			assert.NotSame(t, first.chunks[i].body, second.chunks[i].body, "the edited chunk is parsed again")
			continue
		}
		assert.Same(t, first.chunks[i].body, second.chunks[i].body, "chunk %d is reused", i)
	}
	sameFeatures(t, edited)
}

// TestValidateReusesFindings: after an edit above them, reused blocks'
// findings are reused and land at their new positions.
func TestValidateReusesFindings(t *testing.T) {
	src := gen.Schema(200)
	i := strings.LastIndex(src, "    null = false\n")
	src = src[:i] + "    nul = false\n" + src[i+len("    null = false\n"):] // a typo near the end
	first := Parse("f.hcl", []byte(src))
	root := RoleOf(first).Spec()
	before := Validate(first, root)
	require.Len(t, before, 1)

	third := splitTopLevel([]byte(src))[2]
	eol := third.start + strings.IndexByte(src[third.start:], '\n')
	edited := src[:eol] + "  " + src[eol:] // two trailing blanks, above the typo
	second := Reparse("f.hcl", []byte(edited), first)
	after := Validate(second, root)
	fresh := Validate(Parse("f.hcl", []byte(edited)), root)
	assert.Equal(t, fresh, after)
	require.Len(t, after, 1)
	assert.Equal(t, before[0].Range.Start+2, after[0].Range.Start, "the reused finding moved with its block")
	reused := 0
	for b := range second.validated.blocks {
		if _, ok := first.validated.blocks[b]; ok {
			reused++
		}
	}
	assert.Equal(t, len(second.validated.blocks)-1, reused, "every block but the edited one was reused")
}
