package diff_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// FuzzPlan loads two SQL schemas and plans between them: the planner
// never panics, and a schema planned against itself needs nothing.
func FuzzPlan(f *testing.F) {
	paths, err := filepath.Glob("../testdata/diff/*.txtar")
	require.NoError(f, err)
	for _, path := range paths {
		c := LoadCase(f, path)
		if cur, des := c.Section("current.sql"), c.Section("desired.sql"); des != "" {
			f.Add(cur, des)
		}
	}
	f.Fuzz(func(t *testing.T, current, desired string) {
		a, b := loadClean(current), loadClean(desired)
		if a == nil || b == nil {
			return
		}
		diff.Compute(a, b, Options)
		diff.Compute(b, a, Options)
		if plan := diff.Compute(b, loadClean(desired), Options).SQL(); plan != "" {
			t.Fatalf("a schema against itself plans:\n%s\nschema:\n%s", plan, desired)
		}
	})
}

// loadClean loads SQL, nil when it has an error.
func loadClean(sql string) *schema.Realm {
	l := sqlsupport.Load(sqlsupport.Source{Name: "x.sql", Text: sql})
	for _, d := range l.Diags["x.sql"] {
		if d.Severity == source.Error {
			return nil
		}
	}
	return l.Realm
}
