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

// SchemaSQL returns an HCL schema of about lines lines holding heredocs
// SQL heredocs spread evenly over it: views joining two tables with a
// filter and an aggregate, and PL/pgSQL trigger functions with a query,
// a branch and an update, alternately. Every name resolves.
func SchemaSQL(lines, heredocs int) string {
	var b strings.Builder
	b.WriteString("schema \"public\" {}\n\n")
	n, made := 2, 0
	for i := 0; n < lines; i++ {
		before := b.Len()
		table(&b, i)
		n += strings.Count(b.String()[before:], "\n")
		// Keep the heredocs' share of the lines even: add them while their
		// count is behind the lines so far.
		for i > 0 && made < heredocs && made*lines < heredocs*n {
			before = b.Len()
			if made%2 == 0 {
				fmt.Fprintf(&b, `view "report%d" {
  schema = schema.public
  column "name" {
    type = varchar(255)
  }
  column "children" {
    type = bigint
  }
  as = <<-SQL
    SELECT p.name, count(c.id) AS children
    FROM t%d p
    LEFT JOIN t%d c ON c.parent_id = p.id
    WHERE p.created_at > now() - interval '30 days'
    GROUP BY p.name
  SQL
}

`, made, i-1, i)
			} else {
				fmt.Fprintf(&b, `function "touch%d" {
  schema = schema.public
  lang   = PLpgSQL
  return = trigger
  as     = <<-SQL
  DECLARE
    n bigint;
  BEGIN
    SELECT count(*) INTO n FROM t%d WHERE parent_id = NEW.id;
    IF n > 100 THEN
      RAISE NOTICE 'busy parent %%', NEW.id;
    END IF;
    NEW.created_at := now();
    RETURN NEW;
  END;
  SQL
}

`, made, i)
			}
			made++
			n += strings.Count(b.String()[before:], "\n")
		}
	}
	return b.String()
}
