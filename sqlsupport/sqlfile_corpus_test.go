package sqlsupport_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/sqlsupport"
	"github.com/schema-ls/schema-ls/workspace"
)

// corpusRounds is how many times the corpus repeats its templates.
const corpusRounds = 4

// corpus is a large migration file of the statement forms PostgreSQL's
// documentation shows: the templates of testdata/sql (DDL, queries and
// data changes, PL/pgSQL) expanded once per round with {n} set to the
// round, under file directives Atlas accepts.
func corpus(t testing.TB) string {
	var b strings.Builder
	b.WriteString("-- atlas:sum ignore\n-- atlas:nolint destructive\n\n")
	for n := range corpusRounds {
		for _, name := range []string{"corpus_ddl.sql", "corpus_dml.sql", "corpus_plpgsql.sql"} {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "sql", name))
			require.NoError(t, err)
			b.WriteString(strings.ReplaceAll(string(data), "{n}", strconv.Itoa(n)))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestScriptCorpus reads the corpus through the same function the server
// and the CLI use for .sql files and expects no diagnostics at all: a
// false positive fails it.
func TestScriptCorpus(t *testing.T) {
	text := corpus(t)
	f := workspace.NewFile("/corpus/migration.sql", "", 0, false, text)
	require.Equal(t, workspace.KindSQL, f.Kind())
	m := source.NewMapper(text)
	for _, d := range f.Diagnostics() {
		line, col := m.Position(d.Range.Start, source.Runes)
		t.Errorf("%d:%d: %s: %s (%q)", line+1, col+1, d.Severity, d.Message, text[d.Range.Start:d.Range.End])
	}
	s := f.SQL()
	assert.GreaterOrEqual(t, len(s.Stmts), 1000)
	for _, st := range s.Stmts {
		assert.NotNil(t, st.Node, "statement at %d parses", st.Range.Start)
	}
	assert.NotEmpty(t, workspace.Symbols(f))
	assert.NotEmpty(t, workspace.FoldingRanges(f))
	t.Logf("%d statements, %d bytes", len(s.Stmts), len(text))
}

// BenchmarkScriptDiagnostics measures a .sql file's diagnostics on the
// corpus: cold (the parse cache emptied first), cached (the same text
// again in a new File: the parse cache answers every statement) and
// edited (one statement never seen before, the rest cached).
func BenchmarkScriptDiagnostics(b *testing.B) {
	text := corpus(b)
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for range b.N {
			b.StopTimer()
			sqlsupport.ResetCache()
			b.StartTimer()
			f := workspace.NewFile("/corpus/migration.sql", "", 0, false, text)
			if len(f.Diagnostics()) != 0 {
				b.Fatal("diagnostics on the corpus")
			}
		}
	})
	b.Run("edited", func(b *testing.B) {
		workspace.NewFile("/corpus/migration.sql", "", 0, false, text).Diagnostics()
		b.SetBytes(int64(len(text)))
		b.ResetTimer()
		head := strings.Index(text, "\n\n") + 2 // after the file directives
		for i := range b.N {
			edited := text[:head] + "SELECT " + strconv.Itoa(i) + ";\n" + text[head:]
			if len(workspace.NewFile("/corpus/migration.sql", "", 0, false, edited).Diagnostics()) != 0 {
				b.Fatal("diagnostics on the corpus")
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		workspace.NewFile("/corpus/migration.sql", "", 0, false, text).Diagnostics()
		b.SetBytes(int64(len(text)))
		b.ResetTimer()
		for range b.N {
			f := workspace.NewFile("/corpus/migration.sql", "", 0, false, text)
			if len(f.Diagnostics()) != 0 {
				b.Fatal("diagnostics on the corpus")
			}
		}
	})
}
