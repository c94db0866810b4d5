package inspect_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/devdb"
	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/inspect"
	"github.com/schema-ls/schema-ls/internal/gen"
)

// BenchmarkInspect reads databases built from generated schemas: one
// schema of 5,000 HCL lines (tables with identity, default, key, index and
// foreign key; views and PL/pgSQL functions), and 20 schemas of 250 lines
// each, read a schema at a time.
func BenchmarkInspect(b *testing.B) {
	cluster := devdb.StartT(b)
	cases := []struct {
		name  string
		files map[string]string
	}{
		{"lines=5000", map[string]string{"schema.hcl": gen.SchemaSQL(5000, 100)}},
		{"schemas=20x250", func() map[string]string {
			out := map[string]string{}
			for i := range 20 {
				out[fmt.Sprintf("s%d.hcl", i)] = strings.ReplaceAll(gen.Schema(250), "public", fmt.Sprintf("s%d", i))
			}
			return out
		}()},
	}
	for i, c := range cases {
		var files []*hclschema.File
		for name, text := range c.files {
			files = append(files, hclschema.Parse(name, []byte(text)))
		}
		url, err := cluster.CreateDatabase(b.Context(), fmt.Sprintf("bench%d", i))
		require.NoError(b, err)
		conn, err := pgx.Connect(b.Context(), url)
		require.NoError(b, err)
		defer conn.Close(context.Background())
		_, err = conn.Exec(b.Context(), diff.Compute(nil, hclschema.Decode(files).Realm, diff.Options{}).SQL())
		require.NoError(b, err)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_, err := inspect.Inspect(b.Context(), conn, inspect.Options{})
				require.NoError(b, err)
			}
		})
	}
}
