// Package archcheck checks that ARCHITECTURE.md names real packages and
// that the import rules it states hold.
package archcheck

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/schema-ls/schema-ls"

const root = "../.."

func TestCodeMapNamesRealPackages(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(root, "ARCHITECTURE.md"))
	require.NoError(t, err)
	heading := regexp.MustCompile("(?m)^### (.+)$")
	var named int
	for _, m := range heading.FindAllStringSubmatch(string(doc), -1) {
		for _, pkg := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(m[1], -1) {
			named++
			st, err := os.Stat(filepath.Join(root, pkg[1]))
			if assert.NoError(t, err, "ARCHITECTURE.md names %s", pkg[1]) {
				assert.True(t, st.IsDir(), "%s is a directory", pkg[1])
			}
		}
	}
	assert.Greater(t, named, 5)
}

// imports maps each package directory (relative to the root) to the import
// paths of its non-test files.
func imports(t *testing.T) map[string][]string {
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[filepath.ToSlash(dir)] = append(out[filepath.ToSlash(dir)], p)
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, out)
	return out
}

func TestImportRules(t *testing.T) {
	for dir, imps := range imports(t) {
		for _, imp := range imps {
			if imp == module+"/lsp" {
				assert.Equal(t, "cmd/schema-ls", dir, "only cmd/schema-ls imports lsp")
			}
			lspTypes := strings.HasPrefix(imp, "go.lsp.dev/")
			if lspTypes && dir != "lsp" && !strings.HasPrefix(dir, "internal/lsp") && dir != "internal/marker" {
				t.Errorf("%s imports %s: LSP types stop at lsp/", dir, imp)
			}
			if (dir == "schema" || strings.HasPrefix(dir, "schema/")) && strings.HasPrefix(imp, module) && imp != module+"/internal/source" {
				t.Errorf("schema imports %s: the model imports nothing of ours but internal/source", imp)
			}
			if (dir == "diff" || dir == "inspect") && strings.HasPrefix(imp, module) && imp != module+"/schema" && imp != module+"/internal/source" {
				t.Errorf("%s imports %s: it may import only schema", dir, imp)
			}
			if strings.HasPrefix(imp, "github.com/pganalyze/pg_query_go") && dir != "sqlsupport" && !strings.HasPrefix(dir, "sqlsupport/") {
				t.Errorf("%s imports %s: only sqlsupport parses SQL", dir, imp)
			}
		}
	}
}
