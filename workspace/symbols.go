package workspace

import (
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
)

// WorkspaceSymbol is a symbol found by a workspace-wide search.
type WorkspaceSymbol struct {
	File      *File
	Symbol    source.Symbol
	Container string
}

// MaxWorkspaceSymbols caps a search's results.
const MaxWorkspaceSymbols = 500

// WorkspaceSymbols finds the symbols of every HCL file whose name matches
// query: its characters appear in order, ignoring case ("usrs" finds
// users). Better matches come first: exact, then prefix, then the rest,
// shorter names before longer.
func (s *Snapshot) WorkspaceSymbols(query string) []WorkspaceSymbol {
	q := strings.ToLower(query)
	var out []WorkspaceSymbol
	var walk func(f *File, syms []source.Symbol, container string)
	walk = func(f *File, syms []source.Symbol, container string) {
		for _, sym := range syms {
			if subsequence(strings.ToLower(sym.Name), q) {
				out = append(out, WorkspaceSymbol{File: f, Symbol: sym, Container: container})
			}
			walk(f, sym.Children, sym.Name)
		}
	}
	for _, f := range s.Files() {
		if f.Kind() == KindHCL || f.Kind() == KindTxtar || f.Kind() == KindSQL {
			walk(f, Symbols(f), "")
		}
	}
	rank := func(w WorkspaceSymbol) int {
		n := strings.ToLower(w.Symbol.Name)
		switch {
		case n == q:
			return 0
		case strings.HasPrefix(n, q):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b WorkspaceSymbol) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return len(a.Symbol.Name) - len(b.Symbol.Name)
	})
	if len(out) > MaxWorkspaceSymbols {
		out = out[:MaxWorkspaceSymbols]
	}
	return out
}

func subsequence(s, q string) bool {
	for _, r := range q {
		i := strings.IndexRune(s, r)
		if i < 0 {
			return false
		}
		s = s[i+len(string(r)):]
	}
	return true
}
