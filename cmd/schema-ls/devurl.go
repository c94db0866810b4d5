package main

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/schema"
)

// throughDevDB normalises a schema read from files the way the server
// stores it: it is applied to the dev database, which must be empty, and
// inspected back; the dev database is emptied again afterwards. View
// queries, routine bodies, defaults and checks then read as PostgreSQL
// deparses them, as they do when inspected from a live database.
func throughDevDB(ctx context.Context, devURL string, realm *schema.Realm) (*schema.Realm, dbInfo, error) {
	conn, err := pgx.Connect(ctx, devURL)
	if err != nil {
		return nil, dbInfo{}, fmt.Errorf("connecting to the dev database %s: %s", devdb.Redact(devURL), devdb.Redact(err.Error()))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if existing, err := inspect.Inspect(ctx, conn, inspect.Options{}); err != nil {
		return nil, dbInfo{}, fmt.Errorf("inspecting the dev database %s: %w", devdb.Redact(devURL), err)
	} else if !schema.Equal(existing, &schema.Realm{}) {
		return nil, dbInfo{}, fmt.Errorf("the dev database %s is not empty: it must be, since schema-ls applies schemas to it", devdb.Redact(devURL))
	}
	defer devdb.Empty(context.WithoutCancel(ctx), conn)
	info, err := readDBInfo(ctx, conn)
	if err != nil {
		return nil, dbInfo{}, fmt.Errorf("reading the dev database's version: %w", err)
	}
	if _, err := conn.Exec(ctx, diff.Compute(nil, realm, diff.Options{ServerVersion: info.version}).SQL()); err != nil {
		return nil, dbInfo{}, fmt.Errorf("applying the schema to the dev database: %w", err)
	}
	r, err := inspect.Inspect(ctx, conn, inspect.Options{})
	return r, info, err
}
