package diff_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

var update = flag.Bool("update", false, "rewrite the plan.sql and warnings goldens of testdata/diff")

// Options compares expressions and queries as PostgreSQL's deparser
// writes them, as the CLI does.
var Options = diff.Options{NormalizeExpr: sqlsupport.NormalizeExpr, NormalizeQuery: sqlsupport.NormalizeQuery}

// Case is a testdata/diff archive: the current and desired schemas (each
// a .sql or .hcl section), the plan between them and the planner's
// warnings.
type Case struct {
	Name, Path       string
	Archive          *txtar.Archive
	Current, Desired *schema.Realm
}

// LoadCase reads an archive and loads both sides, failing on any problem
// in them: a case must be valid SQL and HCL.
func LoadCase(t testing.TB, path string) *Case {
	ar, err := txtar.ParseFile(path)
	require.NoError(t, err)
	c := &Case{Name: strings.TrimSuffix(filepath.Base(path), ".txtar"), Path: path, Archive: ar}
	for _, f := range ar.Files {
		side := strings.TrimSuffix(f.Name, filepath.Ext(f.Name))
		if side != "current" && side != "desired" {
			continue
		}
		var realm *schema.Realm
		switch filepath.Ext(f.Name) {
		case ".sql":
			l := sqlsupport.Load(sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
			require.Empty(t, l.Diags[f.Name], "%s: %s", path, f.Name)
			realm = l.Realm
		case ".hcl":
			hf := hclschema.Parse(f.Name, f.Data)
			require.Empty(t, hf.Diags, "%s: %s", path, f.Name)
			dec := hclschema.Decode([]*hclschema.File{hf})
			require.Empty(t, dec.Diags[f.Name], "%s: %s", path, f.Name)
			realm = dec.Realm
		}
		if side == "current" {
			c.Current = realm
		} else {
			c.Desired = realm
		}
	}
	require.NotNil(t, c.Desired, "%s: no desired section", path)
	if c.Current == nil {
		c.Current = &schema.Realm{}
	}
	return c
}

// Section returns the archive's section named name, "" when it has none.
func (c *Case) Section(name string) string {
	for _, f := range c.Archive.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func TestPlans(t *testing.T) {
	paths, err := filepath.Glob("../testdata/diff/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		c := LoadCase(t, path)
		t.Run(c.Name, func(t *testing.T) {
			plan := diff.Compute(c.Current, c.Desired, Options)
			got := plan.SQL()
			warnings := strings.Join(plan.Warnings, "\n")
			if warnings != "" {
				warnings += "\n"
			}
			if *update {
				setSection(c.Archive, "plan.sql", got)
				setSection(c.Archive, "warnings", warnings)
				require.NoError(t, os.WriteFile(path, txtar.Format(c.Archive), 0o644))
				return
			}
			assert.Equal(t, c.Section("plan.sql"), got, "plan.sql")
			assert.Equal(t, c.Section("warnings"), warnings, "warnings")
			// Planning from the desired schema to itself finds nothing.
			assert.Empty(t, diff.Compute(c.Desired, c.Desired, Options).SQL(), "desired to desired")
			for _, ch := range plan.Changes {
				assert.NotEmpty(t, ch.SQL)
			}
		})
	}
}

// setSection replaces (or adds, or removes when empty) a section.
func setSection(ar *txtar.Archive, name, data string) {
	for i, f := range ar.Files {
		if f.Name == name {
			if data == "" {
				ar.Files = append(ar.Files[:i], ar.Files[i+1:]...)
				return
			}
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	if data != "" {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
}
