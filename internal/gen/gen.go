// Package gen generates realistic Atlas HCL schemas of a given size for
// benchmarks, locally and deterministically.
package gen

import (
	"fmt"
	"strings"
)

// Schema returns an HCL schema of about lines lines: a schema block, then
// tables with columns, a primary key, an index and a foreign key to the
// previous table, and every tenth object a view with a SQL heredoc.
func Schema(lines int) string {
	var b strings.Builder
	b.WriteString("schema \"public\" {}\n\n")
	n := 2
	for i := 0; n < lines; i++ {
		before := b.Len()
		table(&b, i)
		if i%10 == 9 {
			view(&b, i)
		}
		n += strings.Count(b.String()[before:], "\n")
	}
	return b.String()
}

func table(b *strings.Builder, i int) {
	fmt.Fprintf(b, "table \"t%d\" {\n  schema = schema.public\n", i)
	fmt.Fprintf(b, "  column \"id\" {\n    null = false\n    type = bigint\n    identity {\n      generated = ALWAYS\n    }\n  }\n")
	fmt.Fprintf(b, "  column \"name\" {\n    null = false\n    type = varchar(255)\n  }\n")
	fmt.Fprintf(b, "  column \"created_at\" {\n    null    = false\n    type    = timestamptz\n    default = sql(\"now()\")\n  }\n")
	if i > 0 {
		fmt.Fprintf(b, "  column \"parent_id\" {\n    null = true\n    type = bigint\n  }\n")
	}
	fmt.Fprintf(b, "  primary_key {\n    columns = [column.id]\n  }\n")
	fmt.Fprintf(b, "  index \"t%d_name\" {\n    unique  = true\n    columns = [column.name]\n  }\n", i)
	if i > 0 {
		fmt.Fprintf(b, "  foreign_key \"t%d_parent\" {\n    columns     = [column.parent_id]\n    ref_columns = [table.t%d.column.id]\n    on_delete   = CASCADE\n  }\n", i, i-1)
	}
	b.WriteString("}\n\n")
}

func view(b *strings.Builder, i int) {
	fmt.Fprintf(b, "view \"v%d\" {\n  schema = schema.public\n  column \"id\" {\n    type = bigint\n  }\n  as = <<-SQL\n    SELECT id FROM t%d WHERE name <> ''\n  SQL\n}\n\n", i, i)
}
