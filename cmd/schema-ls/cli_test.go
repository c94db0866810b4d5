package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// TestCLI runs testdata/cli/*.txtar: each archive's plain sections are
// files in a temporary working directory; "@args" is one command line
// (split on spaces), "@exit" the exit code, "@stdout" the exact output and
// "@stderr" a regular expression the error output must match ("" when
// absent: no error output). A nested .txtar file writes its headers as
// ">-- name --".
func TestCLI(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/cli/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			require.NoError(t, err)
			dir := t.TempDir()
			sections := map[string]string{}
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "@") {
					sections[f.Name] = string(f.Data)
					continue
				}
				data := f.Data
				if strings.HasSuffix(f.Name, ".txtar") {
					// a nested archive writes its headers as ">-- name --"
					data = []byte(strings.ReplaceAll("\n"+string(data), "\n>-- ", "\n-- ")[1:])
				}
				p := filepath.Join(dir, f.Name)
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, data, 0o644))
			}
			args := strings.Fields(sections["@args"])
			require.NotEmpty(t, args, "@args section")
			wantExit, err := strconv.Atoi(strings.TrimSpace(sections["@exit"]))
			require.NoError(t, err, "@exit section")

			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, wantExit, code, "exit code; stderr: %s", stderr.String())
			assert.Equal(t, sections["@stdout"], stdout.String())
			if rx, ok := sections["@stderr"]; ok {
				assert.Regexp(t, regexp.MustCompile(strings.TrimSpace(rx)), stderr.String())
			} else {
				assert.Empty(t, stderr.String())
			}
		})
	}
}
