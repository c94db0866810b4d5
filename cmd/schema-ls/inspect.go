package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/schema"
)

// inspectCmd prints the schema of a live database as SQL (the statements
// that create it) or HCL.
func inspectCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "", "the database: a postgres:// URL")
	format := fs.String("format", "sql", "output: sql (the statements creating the schema) or hcl (an Atlas schema file)")
	var schemas multiFlag
	fs.Var(&schemas, "schema", "a schema to inspect (repeatable); else the URL's search_path=NAME; else all but PostgreSQL's own")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *url == "" || fs.NArg() > 0 || *format != "sql" && *format != "hcl" {
		fmt.Fprintln(stderr, "usage: schema-ls inspect --url URL [--format sql|hcl] [--schema NAME]...")
		return 2
	}
	if len(schemas) == 0 {
		schemas = urlSchemas(*url)
	}
	realm, info, code := inspectURL(ctx, *url, schemas, stderr)
	if realm == nil {
		return code
	}
	if *format == "hcl" {
		stdout.Write(hclschema.Write(realm))
		return 0
	}
	fmt.Fprint(stdout, diff.Compute(nil, realm, diff.Options{ServerVersion: info.version}).SQL())
	return 0
}

// dbInfo is what a database source tells besides its schema: the role
// it was read as and its server's version (server_version_num).
type dbInfo struct {
	role    string
	version int
}

// readDBInfo reads the role conn is connected as and its server's version.
func readDBInfo(ctx context.Context, conn *pgx.Conn) (dbInfo, error) {
	var info dbInfo
	err := conn.QueryRow(ctx, "SELECT current_user, current_setting('server_version_num')::int").Scan(&info.role, &info.version)
	return info, err
}

// inspectURL connects to a database and reads its schema and dbInfo; nil
// and an exit code when it cannot, after saying why without the URL's
// password.
func inspectURL(ctx context.Context, url string, schemas []string, stderr io.Writer) (*schema.Realm, dbInfo, int) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls: connecting to %s: %s\n", devdb.Redact(url), devdb.Redact(err.Error()))
		return nil, dbInfo{}, 2
	}
	defer conn.Close(context.WithoutCancel(ctx))
	realm, err := inspect.Inspect(ctx, conn, inspect.Options{Schemas: schemas})
	var info dbInfo
	if err == nil {
		info, err = readDBInfo(ctx, conn)
	}
	if err != nil {
		fmt.Fprintf(stderr, "schema-ls: inspecting %s: %s\n", devdb.Redact(url), devdb.Redact(err.Error()))
		return nil, dbInfo{}, 2
	}
	return realm, info, 0
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
