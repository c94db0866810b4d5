package hclschema

import (
	"errors"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/schema-ls/schema-ls/internal/source"
)

// ErrSyntax is returned when a file with syntax errors is formatted.
var ErrSyntax = errors.New("the file has syntax errors")

// Format returns src in hclwrite's canonical style (aligned equals signs,
// two-space indentation). A file that does not parse is not formatted.
func Format(f *File) ([]byte, error) {
	if len(f.Diags) > 0 {
		return nil, ErrSyntax
	}
	return hclwrite.Format(f.Src), nil
}

// Edit replaces Range of the original text with Text.
type Edit struct {
	Range source.Range
	Text  string
}

// LineEdits turns a rewrite of old into new into edits of whole lines:
// each run of changed lines between unchanged ones is one edit, so a
// client keeps its cursor and folds where nothing changed. It matches
// lines greedily around the changes, which suits formatting, where
// changes are small and local.
func LineEdits(old, new string) []Edit {
	a, b := strings.SplitAfter(old, "\n"), strings.SplitAfter(new, "\n")
	offsets := make([]int, len(a)+1)
	for i, l := range a {
		offsets[i+1] = offsets[i] + len(l)
	}
	var edits []Edit
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if i < len(a) && j < len(b) && a[i] == b[j] {
			i, j = i+1, j+1
			continue
		}
		// Find the nearest point where the two sides agree again.
		ni, nj := resync(a, b, i, j)
		edits = append(edits, Edit{
			Range: source.Range{Start: offsets[i], End: offsets[ni]},
			Text:  strings.Join(b[j:nj], ""),
		})
		i, j = ni, nj
	}
	return edits
}

// resync returns the first (ni, nj) after (i, j), smallest ni+nj first,
// where the lines are equal, or the ends of both.
func resync(a, b []string, i, j int) (int, int) {
	for d := 1; d <= len(a)-i+len(b)-j; d++ {
		for di := 0; di <= d; di++ {
			ni, nj := i+di, j+d-di
			if ni < len(a) && nj < len(b) && a[ni] == b[nj] {
				return ni, nj
			}
		}
	}
	return len(a), len(b)
}
