package workspace

import (
	"slices"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/source"
)

// FoldingRanges returns the foldable regions of f.
func FoldingRanges(f *File) []source.FoldRange {
	m := f.Mapper()
	switch f.Kind() {
	case KindHCL:
		return f.HCL().Folds()
	case KindSQL:
		return f.SQL().Folds(m)
	case KindTxtar:
		return archiveFolds(f.Archive(), m)
	}
	return nil
}

// archiveFolds folds the comment and each section (header through its last
// line), and within .hcl and .sql sections whatever those fold.
func archiveFolds(a *Archive, m *source.Mapper) []source.FoldRange {
	var out []source.FoldRange
	add := func(start, end int, kind source.FoldKind) {
		if end > start {
			out = append(out, source.FoldRange{StartLine: start, EndLine: end, Kind: kind})
		}
	}
	if a.Comment.End > a.Comment.Start {
		add(m.Line(a.Comment.Start), m.Line(a.Comment.End-1), source.FoldComment)
	}
	for _, s := range a.Sections {
		last := s.Header.Start
		if s.Data.End > s.Data.Start {
			last = s.Data.End - 1
		}
		add(m.Line(s.Header.Start), m.Line(last), source.FoldRegion)
		first := m.Line(s.Data.Start)
		content := s.Content(a)
		var inner []source.FoldRange
		switch KindOf(s.Name) {
		case KindHCL:
			inner = hclschema.FoldingRanges([]byte(content), source.NewMapper(content))
		case KindSQL:
			inner = a.sqlSection(s).Folds(source.NewMapper(content))
		}
		for _, r := range inner {
			add(r.StartLine+first, r.EndLine+first, r.Kind)
		}
	}
	return out
}

// Symbols returns the document symbols of f.
func Symbols(f *File) []source.Symbol {
	switch f.Kind() {
	case KindHCL:
		return hclschema.Symbols(f.HCL())
	case KindSQL:
		return f.SQL().Symbols()
	case KindTxtar:
		a := f.Archive()
		var out []source.Symbol
		for _, s := range a.Sections {
			sym := source.Symbol{
				Name:      s.Name,
				Detail:    "section",
				Kind:      source.SymFile,
				Range:     source.Range{Start: s.Header.Start, End: max(s.Header.End, s.Data.End)},
				Selection: s.Header,
			}
			switch KindOf(s.Name) {
			case KindHCL:
				sym.Children = shiftSymbols(hclschema.Symbols(a.hclSection(s)), s.Data.Start)
			case KindSQL:
				sym.Children = shiftSymbols(a.sqlSection(s).Symbols(), s.Data.Start)
			}
			out = append(out, sym)
		}
		return out
	}
	return nil
}

func shiftSymbols(in []source.Symbol, by int) []source.Symbol {
	for i := range in {
		in[i].Range = shift(in[i].Range, by)
		in[i].Selection = shift(in[i].Selection, by)
		in[i].Children = shiftSymbols(in[i].Children, by)
	}
	return in
}

func sortDiagnostics(d []source.Diagnostic) {
	slices.SortStableFunc(d, func(a, b source.Diagnostic) int {
		if a.Range.Start != b.Range.Start {
			return a.Range.Start - b.Range.Start
		}
		return a.Range.End - b.Range.End
	})
}
