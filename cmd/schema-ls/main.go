// Command schema-ls is the language server and command-line tool for
// PostgreSQL schemas kept as Atlas HCL and SQL.
//
//	schema-ls [serve] [--stdio] [--log-file PATH]   LSP over stdio
//	schema-ls check [--format text|json] PATH...     diagnostics
//	schema-ls fmt [--check] PATH...                  canonical formatting
//	schema-ls diff --from SRC --to SRC [--format sql|json]
//	schema-ls inspect --url URL [--format sql|hcl] [--schema NAME]
//	schema-ls version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set with -ldflags "-X main.version=...".
var version = "dev"

const usage = `schema-ls: language server and CLI for PostgreSQL schemas in Atlas HCL and SQL

usage:
  schema-ls [serve] [--stdio] [--log-file PATH]   run the language server on stdin/stdout
  schema-ls check [--format text|json] PATH...     print diagnostics (path:line:col: severity: message [code])
  schema-ls fmt [--check] PATH...                  rewrite .hcl files in canonical style (--check: list them, change nothing)
  schema-ls diff --from SRC --to SRC [--format sql|json]
                                                   print the SQL plan turning FROM into TO (nothing when equal);
                                                   SRC: a .hcl or .sql file, a directory, env://NAME or a postgres:// URL
  schema-ls inspect --url URL [--format sql|hcl] [--schema NAME]...
                                                   print a live database's schema as SQL or Atlas HCL
  schema-ls version                                print the version

exit codes: 0 ok, 1 problems found, 2 usage or I/O error
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && (args[0] == "" || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return serve(ctx, args, stdin, stdout, stderr)
	case "check":
		return check(args, stdout, stderr)
	case "fmt":
		return fmtCmd(args, stdout, stderr)
	case "diff", "inspect":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if cmd == "diff" {
			return diffCmd(ctx, args, stdout, stderr)
		}
		return inspectCmd(ctx, args, stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "schema-ls %s\n", version)
		return 0
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "schema-ls: unknown command %q\n\n%s", cmd, usage)
	return 2
}
