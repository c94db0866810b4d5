package inspecttest

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// cannotApply are the testdata/sqlmodel pairs a server may be unable to
// apply, with the reason and whether the server at hand is one of those.
var cannotApply = map[string]struct {
	why    string
	cannot func(ctx context.Context, conn *pgx.Conn) bool
}{
	"alter_identity": {"ALTER COLUMN … SET EXPRESSION needs PostgreSQL 17", func(ctx context.Context, conn *pgx.Conn) bool {
		var v int
		_ = conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&v)
		return v < 170000
	}},
	"types_raw": {"the geometry type needs the PostGIS extension", func(ctx context.Context, conn *pgx.Conn) bool {
		var n int
		_ = conn.QueryRow(ctx, "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'").Scan(&n)
		return n == 0
	}},
}

// CannotApply says why the server conn is connected to cannot apply the
// testdata/sqlmodel pair called name, "" when it can.
func CannotApply(ctx context.Context, conn *pgx.Conn, name string) string {
	if c, ok := cannotApply[name]; ok && c.cannot(ctx, conn) {
		return c.why
	}
	return ""
}
