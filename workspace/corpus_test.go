package workspace

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/source"
)

// corpusDir holds the HCL examples of the Atlas docs (see its README.md).
const corpusDir = "../testdata/corpus"

// corpusExpectation is one line of corpusDir/expected.txt: a file that is
// a fragment, intentionally wrong or hit by a known false positive.
type corpusExpectation struct {
	reason string
	codes  []string // the expected diagnostic codes, as a set
	exact  bool     // codes were listed ("[]" lists none); without a list any diagnostics are accepted
	line   int
}

var corpusCodes = regexp.MustCompile(`\s*\[([a-z0-9, -]*)\]\s*$`)

// readCorpusExpectations parses expected.txt: `FILE: reason [code, …]`,
// one per line; blank lines and lines starting with # are ignored. "[]"
// expects no diagnostics; a line without a list accepts any.
func readCorpusExpectations(t *testing.T, path string) map[string]corpusExpectation {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	out := map[string]corpusExpectation{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, ok := strings.Cut(line, ": ")
		require.Truef(t, ok, "expected.txt:%d: want `FILE: reason [codes]`, got %q", n, line)
		var codes []string
		m := corpusCodes.FindStringSubmatch(reason)
		if m != nil {
			reason = strings.TrimSpace(reason[:len(reason)-len(m[0])])
			for _, c := range strings.Split(m[1], ",") {
				if c = strings.TrimSpace(c); c != "" && !slices.Contains(codes, c) {
					codes = append(codes, c)
				}
			}
			slices.Sort(codes)
		}
		_, dup := out[name]
		require.Falsef(t, dup, "expected.txt:%d: %s listed twice", n, name)
		out[name] = corpusExpectation{reason: reason, codes: codes, exact: m != nil, line: n}
	}
	require.NoError(t, sc.Err())
	return out
}

func formatCorpusDiag(name string, m *source.Mapper, d source.Diagnostic) string {
	line, col := m.Position(d.Range.Start, source.Runes)
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", name, line+1, col+1, d.Severity, d.Message, d.Code)
}

// corpusFile is one file of the corpus with its diagnostics.
type corpusFile struct {
	name  string // relative to corpusDir, with forward slashes
	file  *File
	diags []source.Diagnostic
}

// loadCorpus reads expected.txt and decodes every file of the corpus.
func loadCorpus(t *testing.T) ([]corpusFile, map[string]corpusExpectation) {
	expected := readCorpusExpectations(t, filepath.Join(corpusDir, "expected.txt"))
	paths, err := Scan(corpusDir, nil)
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no corpus files: run testdata/corpus/extract.py")
	var out []corpusFile
	for _, path := range paths {
		name, err := filepath.Rel(corpusDir, path)
		require.NoError(t, err)
		abs, err := filepath.Abs(path)
		require.NoError(t, err)
		text, err := ReadFile(abs)
		require.NoError(t, err)
		// Each example is a schema of its own: decode it alone, as the
		// editor would a file that is the only schema file of its unit.
		st := NewStore()
		st.SetDisk(map[string]*string{abs: &text})
		snap := st.Snapshot()
		f := snap.File(abs)
		out = append(out, corpusFile{name: filepath.ToSlash(name), file: f, diags: snap.Diagnostics(f)})
	}
	return out, expected
}

// TestCorpus checks every PostgreSQL HCL example of the Atlas docs: the
// complete ones decode without diagnostics, the ones listed in
// expected.txt give exactly the codes listed there.
func TestCorpus(t *testing.T) {
	files, expected := loadCorpus(t)
	seen := map[string]bool{}
	for _, cf := range files {
		seen[cf.name] = true
		t.Run(cf.name, func(t *testing.T) {
			var lines, codes []string
			for _, d := range cf.diags {
				lines = append(lines, formatCorpusDiag(cf.name, cf.file.Mapper(), d))
				if !slices.Contains(codes, d.Code) {
					codes = append(codes, d.Code)
				}
			}
			slices.Sort(codes)
			exp, listed := expected[cf.name]
			switch {
			case !listed:
				assert.Emptyf(t, lines, "a complete example must decode without diagnostics (role %s); got:\n%s",
					cf.file.Role(), strings.Join(lines, "\n"))
			case exp.exact:
				assert.Equalf(t, exp.codes, codes, "expected.txt:%d (%s): diagnostic codes differ; got:\n%s",
					exp.line, exp.reason, strings.Join(lines, "\n"))
			}
		})
	}
	for name, exp := range expected {
		assert.Truef(t, seen[name], "expected.txt:%d names %s, which is not in the corpus", exp.line, name)
	}
}

// TestCorpusPassRate reports how much of the corpus decodes cleanly. It is
// a test of its own so that go test -v prints it after TestCorpus's
// per-file results.
func TestCorpusPassRate(t *testing.T) {
	files, expected := loadCorpus(t)
	clean, complete, completeClean := 0, 0, 0
	for _, cf := range files {
		if len(cf.diags) == 0 {
			clean++
		}
		if _, listed := expected[cf.name]; !listed {
			complete++
			if len(cf.diags) == 0 {
				completeClean++
			}
		}
	}
	t.Logf("corpus pass rate: %d/%d files decode without diagnostics (%.1f%%); complete examples: %d/%d clean; %d files listed in expected.txt",
		clean, len(files), 100*float64(clean)/float64(len(files)), completeClean, complete, len(expected))
}
