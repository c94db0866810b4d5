package hclschema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/schema-ls/schema-ls/internal/gen"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

var sizes = []int{1000, 5000, 20000}

func BenchmarkParse(b *testing.B) {
	for _, n := range sizes {
		src := []byte(gen.Schema(n))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if f := Parse("bench.hcl", src); len(f.Diags) > 0 {
					b.Fatal(f.Diags[0].Message)
				}
			}
		})
	}
}

func BenchmarkFoldingRanges(b *testing.B) {
	for _, n := range sizes {
		text := gen.Schema(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				FoldingRanges([]byte(text), source.NewMapper(text))
			}
		})
	}
}

func BenchmarkSymbols(b *testing.B) {
	for _, n := range sizes {
		f := Parse("bench.hcl", []byte(gen.Schema(n)))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				Symbols(f)
			}
		})
	}
}

// BenchmarkDecode decodes a generated schema (parsed once) into the model,
// resolving every reference.
func BenchmarkDecode(b *testing.B) {
	for _, n := range sizes {
		f := Parse("bench.hcl", []byte(gen.Schema(n)))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				if dec := Decode([]*File{f}); len(dec.Diags) > 0 {
					b.Fatal(dec.Diags)
				}
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, n := range sizes {
		f := Parse("bench.hcl", []byte(gen.Schema(n)))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				if diags := Validate(f, RoleOf(f).Spec()); len(diags) > 0 {
					b.Fatal(diags[0].Message)
				}
			}
		})
	}
}

// BenchmarkReparse re-parses a schema after a one-character edit in its
// middle, reusing the previous version's chunks.
func BenchmarkReparse(b *testing.B) {
	for _, n := range sizes {
		src := gen.Schema(n)
		mid := strings.Index(src[len(src)/2:], "\n") + len(src)/2 + 1
		edited := []byte(src[:mid] + " " + src[mid:])
		prev := Parse("bench.hcl", []byte(src))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				Reparse("bench.hcl", edited, prev)
			}
		})
	}
}

// BenchmarkReparseAndFold re-parses a schema after a one-character edit
// in its middle and folds it: only the edited chunk is parsed and lexed
// again.
func BenchmarkReparseAndFold(b *testing.B) {
	for _, n := range sizes {
		src := gen.Schema(n)
		mid := strings.Index(src[len(src)/2:], "\n") + len(src)/2 + 1
		edited := []byte(src[:mid] + " " + src[mid:])
		prev := Parse("bench.hcl", []byte(src))
		prev.Folds()
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				Reparse("bench.hcl", edited, prev).Folds()
			}
		})
	}
}

// BenchmarkRedecode decodes a schema after a one-character edit in its
// middle, from the decode of the previous version: the edited block and
// its dependents are decoded, the blocks below it shifted, the rest
// reused.
func BenchmarkRedecode(b *testing.B) {
	for _, n := range sizes {
		src := gen.Schema(n)
		mid := strings.Index(src[len(src)/2:], "\n") + len(src)/2 + 1
		prev := Parse("bench.hcl", []byte(src))
		next := Reparse("bench.hcl", []byte(src[:mid]+" "+src[mid:]), prev)
		dec := Decode([]*File{prev})
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				if d := Redecode([]*File{next}, dec); len(d.Diags) > 0 || d.Redecoded > 5 {
					b.Fatal(d.Diags, d.Redecoded)
				}
			}
		})
	}
	// Inside a heredoc of a schema dense with SQL: the heredoc's block is
	// decoded and its SQL names resolved again.
	src := gen.SchemaSQL(20000, 500)
	mid := strings.Index(src[len(src)/2:], "    SELECT") + len(src)/2
	prev := Parse("bench.hcl", []byte(src))
	next := Reparse("bench.hcl", []byte(src[:mid]+" "+src[mid:]), prev)
	dec := Decode([]*File{prev})
	b.Run("lines=20000,heredocs=500", func(b *testing.B) {
		for b.Loop() {
			if d := Redecode([]*File{next}, dec); len(d.Diags) > 0 || d.Redecoded > 5 {
				b.Fatal(d.Diags, d.Redecoded)
			}
		}
	})
}

// BenchmarkSQLChecks checks the SQL of a 20k-line schema with 500 SQL
// heredocs (views and PL/pgSQL trigger functions): syntax through
// validation and names through decoding. "first" parses every heredoc
// (the cache emptied each time); "again" finds them parsed.
func BenchmarkSQLChecks(b *testing.B) {
	f := Parse("bench.hcl", []byte(gen.SchemaSQL(20000, 500)))
	check := func(b *testing.B) {
		f.validated = validation{} // validation's own per-block reuse is not measured here
		if diags := Validate(f, RoleOf(f).Spec()); len(diags) > 0 {
			b.Fatal(diags[0].Message)
		}
		if dec := Decode([]*File{f}); len(dec.Diags) > 0 {
			b.Fatal(dec.Diags)
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			sqlsupport.ResetCache()
			check(b)
		}
	})
	b.Run("again", func(b *testing.B) {
		for b.Loop() {
			check(b)
		}
	})
}
