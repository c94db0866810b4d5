package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/workspace"
)

// fmtCmd rewrites .hcl files in canonical style, or with --check lists
// those that are not and changes nothing.
func fmtCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	check := fs.Bool("check", false, "list files that are not formatted and exit 1; change nothing")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "schema-ls fmt: no paths given\nusage: schema-ls fmt [--check] PATH...")
		return 2
	}
	paths, err := expand(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls fmt: %v\n", err)
		return 2
	}
	code := 0
	for _, path := range paths {
		if workspace.KindOf(path) != workspace.KindHCL {
			continue
		}
		text, err := workspace.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "schema-ls fmt: %v\n", err)
			return 2
		}
		out, err := hclschema.Format(hclschema.Parse(path, []byte(text)))
		if err != nil {
			fmt.Fprintf(stderr, "schema-ls fmt: %s: %v (run schema-ls check %s)\n", path, err, path)
			code = 1
			continue
		}
		if bytes.Equal(out, []byte(text)) {
			continue
		}
		if *check {
			fmt.Fprintln(stdout, path)
			code = 1
			continue
		}
		st, err := os.Stat(path)
		if err != nil {
			fmt.Fprintf(stderr, "schema-ls fmt: %v\n", err)
			return 2
		}
		if err := os.WriteFile(path, out, st.Mode().Perm()); err != nil {
			fmt.Fprintf(stderr, "schema-ls fmt: %v\n", err)
			return 2
		}
		fmt.Fprintln(stdout, path)
	}
	return code
}
