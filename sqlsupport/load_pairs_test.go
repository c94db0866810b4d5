package sqlsupport_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// TestPairs loads each testdata/sqlmodel archive twice: its SQL sections
// (replayed in order) with the loader, its HCL sections with the HCL
// decoder. Both must load without diagnostics, the HCL must be valid
// Atlas HCL, and the two realms must be equal but for positions and the
// order of named objects (schema.Equal).
func TestPairs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "sqlmodel", "*.txtar"))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(paths), 60, "pairs")
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			require.NotEmpty(t, strings.TrimSpace(string(ar.Comment)), "the archive says what it covers")
			var sources []sqlsupport.Source
			var files []*hclschema.File
			for _, f := range ar.Files {
				switch filepath.Ext(f.Name) {
				case ".sql":
					sources = append(sources, sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
				case ".hcl":
					hf := hclschema.Parse(f.Name, f.Data)
					assert.Empty(t, hf.Diags, "HCL syntax of %s", f.Name)
					assert.Empty(t, hclschema.Validate(hf, spec.SchemaFile), "Atlas HCL of %s", f.Name)
					files = append(files, hf)
				}
			}
			require.NotEmpty(t, sources, "an archive has SQL")
			require.NotEmpty(t, files, "an archive has HCL")
			dec := hclschema.Decode(files)
			for name, diags := range dec.Diags {
				assert.Empty(t, diags, "decoding %s", name)
			}
			loaded := sqlsupport.Load(sources...)
			for name, diags := range loaded.Diags {
				assert.Empty(t, diags, "loading %s", name)
			}
			if d := schema.Diff(dec.Realm, loaded.Realm); d != "" {
				t.Errorf("the HCL (-) and SQL (+) models differ:\n%s", d)
			}
		})
	}
}
