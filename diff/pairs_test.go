package diff_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/inspect/inspecttest"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// TestPlansFromNothing plans every testdata/sqlmodel schema from an
// empty database, once from its SQL and once from its HCL, on a real
// PostgreSQL: the plan must run and build what running the SQL itself
// builds, and planning again must find nothing. The pairs cover every
// object and option the model holds, so every creation the planner
// writes is proven.
func TestPlansFromNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	paths, err := filepath.Glob("../testdata/sqlmodel/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	cluster := devdb.StartT(t)
	ctx := t.Context()
	db := connectFresh(ctx, t, cluster, "planned")
	want := connectFresh(ctx, t, cluster, "desired")
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			if why := inspecttest.CannotApply(ctx, want, name); why != "" {
				t.Skip(why)
			}
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			var sources []sqlsupport.Source
			var files []*hclschema.File
			for _, f := range ar.Files {
				switch filepath.Ext(f.Name) {
				case ".sql":
					sources = append(sources, sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
				case ".hcl":
					files = append(files, hclschema.Parse(f.Name, f.Data))
				}
			}
			reset(ctx, t, want)
			for _, src := range sources {
				exec(ctx, t, want, src.Text, "the SQL of "+src.Name)
			}
			wanted, err := inspect.Inspect(ctx, want, inspect.Options{})
			require.NoError(t, err)
			sortColumns(wanted)
			sides := map[string]*schema.Realm{"sql": sqlsupport.Load(sources...).Realm, "hcl": hclschema.Decode(files).Realm}
			for _, side := range []string{"sql", "hcl"} {
				plan := diff.Compute(nil, sides[side], Options)
				reset(ctx, t, db)
				for _, ch := range plan.Changes {
					if _, err := db.Exec(ctx, ch.SQL); err != nil {
						t.Fatalf("the plan from the %s fails: %v\nat: %s\nplan:\n%s", side, err, ch.SQL, plan.SQL())
					}
				}
				got, err := inspect.Inspect(ctx, db, inspect.Options{})
				require.NoError(t, err)
				sortColumns(got)
				if d := schema.Diff(wanted, got); d != "" {
					t.Fatalf("the plan from the %s builds another schema than its SQL (- SQL, + planned):\n%s\nplan:\n%s", side, d, plan.SQL())
				}
				assert.Empty(t, diff.Compute(got, wanted, Options).SQL(), "planning again from the %s", side)
			}
		})
	}
}
