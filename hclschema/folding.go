package hclschema

import (
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/schema-ls/schema-ls/internal/source"
)

// chunkFolds are a chunk's folding ranges, with lines counted from the
// chunk's first line, computed once.
type chunkFolds struct {
	once  sync.Once
	folds []source.FoldRange
}

// Folds returns the folding ranges of a parsed file. Each chunk is lexed
// once: a chunk reused from an earlier version reuses its ranges, moved to
// the chunk's line, so folding after an edit lexes only what changed.
func (f *File) Folds() []source.FoldRange {
	var out []source.FoldRange
	for _, c := range f.chunks {
		c.folds.once.Do(func() {
			c.folds.folds = FoldingRanges([]byte(c.text), source.NewMapper(c.text))
		})
		for _, r := range c.folds.folds {
			out = append(out, source.FoldRange{StartLine: r.StartLine + c.line - 1, EndLine: r.EndLine + c.line - 1, Kind: r.Kind})
		}
	}
	return normalizeFolds(out)
}

// FoldingRanges returns the foldable regions of an HCL text: blocks,
// object and tuple literals, parenthesised lists, heredocs, multi-line
// comments and runs of line comments. It works from tokens, so a file with
// syntax errors still folds. Ranges that end with a closing token on a line
// of its own stop on the line before, so the closer stays visible.
func FoldingRanges(src []byte, m *source.Mapper) []source.FoldRange {
	tokens, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	var (
		out   []source.FoldRange
		stack []hclsyntax.Token
		// a run of line comments on consecutive lines
		runStart, runEnd = -1, -1
	)
	flushRun := func() {
		if runStart >= 0 && runEnd > runStart {
			out = append(out, source.FoldRange{StartLine: runStart, EndLine: runEnd, Kind: source.FoldComment})
		}
		runStart, runEnd = -1, -1
	}
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment && tok.Type != hclsyntax.TokenNewline {
			flushRun()
		}
		switch tok.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOHeredoc:
			stack = append(stack, tok)
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCHeredoc:
			// Match the nearest opener of this kind; openers left open above
			// it (an unclosed "(" or "[") are dropped, so one typo does not
			// stop the enclosing blocks from folding.
			i := len(stack) - 1
			for i >= 0 && !closes(stack[i].Type, tok.Type) {
				i--
			}
			if i < 0 {
				continue // unbalanced: the parser reports it
			}
			open := stack[i]
			stack = stack[:i]
			start := m.Line(open.Range.Start.Byte)
			end := m.Line(tok.Range.Start.Byte)
			if onlySpaceBefore(m, tok.Range.Start.Byte) {
				end--
			}
			if end > start {
				out = append(out, source.FoldRange{StartLine: start, EndLine: end, Kind: source.FoldRegion})
			}
		case hclsyntax.TokenComment:
			text := string(tok.Bytes)
			start := m.Line(tok.Range.Start.Byte)
			end := m.Line(tok.Range.Start.Byte + len(strings.TrimRight(text, "\r\n")))
			if strings.HasPrefix(text, "/*") {
				flushRun()
				if end > start {
					out = append(out, source.FoldRange{StartLine: start, EndLine: end, Kind: source.FoldComment})
				}
				continue
			}
			if runStart >= 0 && start == runEnd+1 && onlySpaceBefore(m, tok.Range.Start.Byte) {
				runEnd = start
				continue
			}
			flushRun()
			if onlySpaceBefore(m, tok.Range.Start.Byte) {
				runStart, runEnd = start, start
			}
		}
	}
	flushRun()
	return normalizeFolds(out)
}

// normalizeFolds sorts by start line and keeps one range per start line, the
// longest: clients fold by line and ignore the rest anyway.
func normalizeFolds(in []source.FoldRange) []source.FoldRange {
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].StartLine != in[j].StartLine {
			return in[i].StartLine < in[j].StartLine
		}
		return in[i].EndLine > in[j].EndLine
	})
	out := in[:0]
	for _, f := range in {
		if len(out) > 0 && out[len(out)-1].StartLine == f.StartLine {
			continue
		}
		out = append(out, f)
	}
	return out
}

func closes(open, close hclsyntax.TokenType) bool {
	switch open {
	case hclsyntax.TokenOBrace:
		return close == hclsyntax.TokenCBrace
	case hclsyntax.TokenOBrack:
		return close == hclsyntax.TokenCBrack
	case hclsyntax.TokenOParen:
		return close == hclsyntax.TokenCParen
	case hclsyntax.TokenOHeredoc:
		return close == hclsyntax.TokenCHeredoc
	}
	return false
}

// onlySpaceBefore reports whether only blanks precede off on its line.
func onlySpaceBefore(m *source.Mapper, off int) bool {
	line := m.Line(off)
	return strings.TrimSpace(m.Text()[m.LineStart(line):off]) == ""
}
