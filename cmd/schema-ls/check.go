package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/workspace"
)

// finding is one diagnostic as the CLI prints it: 1-based line and column,
// the column in characters.
type finding struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Code      string `json:"code,omitempty"`
}

func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "schema-ls check: unknown --format %q (want text or json)\n", *format)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "schema-ls check: no paths given\nusage: schema-ls check [--format text|json] PATH...")
		return 2
	}
	paths, err := expand(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls check: %v\n", err)
		return 2
	}
	findings, err := diagnoseAll(paths)
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls check: %v\n", err)
		return 2
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if findings == nil {
			findings = []finding{}
		}
		enc.Encode(findings)
	} else {
		for _, f := range findings {
			code := ""
			if f.Code != "" {
				code = " [" + f.Code + "]"
			}
			fmt.Fprintf(stdout, "%s:%d:%d: %s: %s%s\n", f.Path, f.Line, f.Column, f.Severity, f.Message, code)
		}
	}
	for _, f := range findings {
		if f.Severity == source.Error.String() {
			return 1
		}
	}
	return 0
}

// expand turns files and directories into the list of files to check.
func expand(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if !workspace.Wanted(arg) {
				return nil, fmt.Errorf("%s: not a schema file (want .hcl, .sql, .txtar or atlas.sum)", arg)
			}
			out = append(out, arg)
			continue
		}
		found, err := workspace.Scan(arg, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// diagnoseAll checks paths. The other schema files of their directories
// are loaded too, since references resolve across them, but only paths
// are reported.
func diagnoseAll(paths []string) ([]finding, error) {
	store := workspace.NewStore()
	abs := map[string]string{} // key -> path as given
	dirs := map[string]bool{}
	for _, path := range paths {
		a, err := filepath.Abs(path)
		if err != nil {
			return nil, err
		}
		abs[a] = path
		dirs[filepath.Dir(a)] = true
	}
	// An atlas.hcl above a path may put files of other directories in its
	// schema (env src): load its whole project too.
	for dir := range dirs {
		if root := projectRoot(dir); root != "" {
			found, err := workspace.Scan(root, nil)
			if err != nil {
				return nil, err
			}
			for _, f := range found {
				if workspace.KindOf(f) == workspace.KindHCL {
					dirs[filepath.Dir(f)] = true
				}
			}
		}
	}
	files := map[string]*string{}
	for dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			key := filepath.Join(dir, e.Name())
			if _, wanted := abs[key]; !wanted && (e.IsDir() || workspace.KindOf(key) != workspace.KindHCL) {
				continue
			}
			text, err := workspace.ReadFile(key)
			if err != nil {
				if _, wanted := abs[key]; wanted {
					return nil, err
				}
				continue // a sibling we cannot read only loses its context
			}
			files[key] = &text
		}
	}
	store.SetDisk(files)
	snap := store.Snapshot()
	var out []finding
	for _, path := range paths {
		a, _ := filepath.Abs(path)
		f := snap.File(a)
		m := f.Mapper()
		for _, d := range snap.Diagnostics(f) {
			line, col := m.Position(d.Range.Start, source.Runes)
			endLine, endCol := m.Position(d.Range.End, source.Runes)
			out = append(out, finding{
				Path: path, Line: line + 1, Column: col + 1, EndLine: endLine + 1, EndColumn: endCol + 1,
				Severity: d.Severity.String(),
				Message:  strings.Join(strings.Fields(d.Message), " "),
				Code:     d.Code,
			})
		}
	}
	return out, nil
}

// projectRoot returns the nearest directory at or above dir holding an
// atlas.hcl, stopping at a repository root; "" when there is none.
func projectRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "atlas.hcl")); err == nil {
			return dir
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
