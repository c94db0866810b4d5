package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
	"github.com/schema-ls/schema-ls/workspace"
)

// diffCmd prints the plan turning --from into --to.
func diffCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the current schema: a .hcl or .sql file, a directory, env://NAME or a postgres:// URL")
	to := fs.String("to", "", "the desired schema, in the same forms")
	format := fs.String("format", "sql", "output: sql (the statements) or json (each statement with its reverse and whether it is destructive)")
	devURL := fs.String("dev-url", "", "an empty database: schemas read from files are applied to it and inspected back, so that views and routine bodies compare as the server stores them (without it they compare as text)")
	var schemas multiFlag
	fs.Var(&schemas, "schema", "a schema to plan (repeatable), on both sides; a database URL's search_path=NAME does the same; all schemas by default")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *from == "" || *to == "" || fs.NArg() > 0 || *format != "sql" && *format != "json" {
		fmt.Fprintln(stderr, "usage: schema-ls diff --from SRC --to SRC [--schema NAME]... [--dev-url URL] [--format sql|json]")
		return 2
	}
	// The schemas planned: --schema, else those a database URL is
	// scoped to (Atlas's search_path), so that schemas a file does not
	// describe are left alone rather than dropped.
	scope := []string(schemas)
	for _, src := range []string{*from, *to} {
		if len(scope) == 0 && isURL(src) {
			scope = urlSchemas(src)
		}
	}
	var realms [2]*schema.Realm
	opts := diff.Options{NormalizeExpr: sqlsupport.NormalizeExpr, NormalizeQuery: sqlsupport.NormalizeQuery}
	for i, src := range []string{*from, *to} {
		r, info, code := loadRealm(ctx, src, scope, stderr)
		if r == nil {
			return code
		}
		if info.role != "" {
			opts.CurrentRole = info.role
		}
		// The plan runs on the current side: its server's version rules,
		// else the dev database's.
		if info.version != 0 && (i == 0 || opts.ServerVersion == 0) {
			opts.ServerVersion = info.version
		}
		if *devURL != "" && !isURL(src) {
			var err error
			if r, info, err = throughDevDB(ctx, *devURL, r); err != nil {
				fmt.Fprintf(stderr, "schema-ls: %s: %v\n", src, err)
				return 2
			}
			if opts.ServerVersion == 0 {
				opts.ServerVersion = info.version
			}
		}
		realms[i] = onlySchemas(r, scope)
	}
	current, desired := realms[0], realms[1]
	plan := diff.Compute(current, desired, opts)
	for _, w := range plan.Warnings {
		fmt.Fprintln(stderr, "warning: "+w)
	}
	if *format == "json" {
		type change struct {
			SQL         string `json:"sql"`
			Reverse     string `json:"reverse,omitempty"`
			Destructive bool   `json:"destructive"`
		}
		out := struct {
			Changes  []change `json:"changes"`
			Warnings []string `json:"warnings"`
		}{Changes: []change{}, Warnings: plan.Warnings}
		for _, c := range plan.Changes {
			out.Changes = append(out.Changes, change{c.SQL, c.Reverse, c.Destructive})
		}
		if out.Warnings == nil {
			out.Warnings = []string{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 2
		}
		return 0
	}
	fmt.Fprint(stdout, plan.SQL())
	return 0
}

func isURL(src string) bool {
	return strings.HasPrefix(src, "postgres://") || strings.HasPrefix(src, "postgresql://")
}

// urlSchemas are the schemas a database URL is scoped to by its
// search_path parameter, as Atlas scopes one: none when it has none.
func urlSchemas(src string) []string {
	u, err := url.Parse(src)
	if err != nil {
		return nil
	}
	var out []string
	for _, s := range strings.Split(u.Query().Get("search_path"), ",") {
		if s = strings.Trim(strings.TrimSpace(s), `"`); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// onlySchemas keeps the schemas of r in scope (all when scope is empty),
// with the extensions installed in them or anywhere.
func onlySchemas(r *schema.Realm, scope []string) *schema.Realm {
	if len(scope) == 0 {
		return r
	}
	out := *r
	out.Schemas = slices.DeleteFunc(slices.Clone(r.Schemas), func(s *schema.Schema) bool { return !slices.Contains(scope, s.Name) })
	out.Extensions = slices.DeleteFunc(slices.Clone(r.Extensions), func(e *schema.Extension) bool { return e.Schema != "" && !slices.Contains(scope, e.Schema) })
	return &out
}

// loadRealm reads a source, and for a database its dbInfo;
// nil and an exit code when it cannot, after saying why on stderr (never
// printing a password).
func loadRealm(ctx context.Context, src string, scope []string, stderr io.Writer) (*schema.Realm, dbInfo, int) {
	if isURL(src) {
		return inspectURL(ctx, src, scope, stderr)
	}
	dir, _ := os.Getwd()
	l, err := workspace.LoadSource(src, dir)
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls: %v\n", err)
		return nil, dbInfo{}, 2
	}
	var keys []string
	for k := range l.Diags {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		m := l.Files[k].Mapper()
		for _, d := range l.Diags[k] {
			line, col := m.Position(d.Range.Start, source.Runes)
			fmt.Fprintf(stderr, "%s:%d:%d: %s: %s [%s]\n", k, line+1, col+1, d.Severity, strings.Join(strings.Fields(d.Message), " "), d.Code)
		}
	}
	if l.HasErrors() {
		fmt.Fprintf(stderr, "schema-ls: %s has errors; fix them to plan from it\n", src)
		return nil, dbInfo{}, 2
	}
	return l.Realm, dbInfo{}, 0
}
