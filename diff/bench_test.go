package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/schema-ls/schema-ls/diff"
	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/internal/gen"
	"github.com/schema-ls/schema-ls/schema"
)

// realmOf decodes generated HCL.
func realmOf(b *testing.B, src string) *schema.Realm {
	f := hclschema.Parse("bench.hcl", []byte(src))
	dec := hclschema.Decode([]*hclschema.File{f})
	if len(dec.Diags) > 0 {
		b.Fatal(dec.Diags)
	}
	return dec.Realm
}

// BenchmarkCompute plans between two schemas of 1,000 tables (with their
// indexes, keys and views): one compared with itself, and one where every
// tenth table gains a column and loses an index.
func BenchmarkCompute(b *testing.B) {
	src := gen.Schema(37000) // about 1,000 tables
	from := realmOf(b, src)
	tables := len(from.Schemas[0].Tables)
	changed := strings.ReplaceAll(src, "  index \"t0_name\"", "  index \"t0_name_x\"")
	var edited strings.Builder
	for i, part := range strings.Split(changed, "table \"t") {
		if i > 0 {
			edited.WriteString("table \"t")
		}
		if i%10 == 1 {
			part = strings.Replace(part, "  primary_key {", "  column \"extra\" {\n    null = true\n    type = text\n  }\n  primary_key {", 1)
			part = strings.Replace(part, "    unique  = true\n", "", 1)
		}
		edited.WriteString(part)
	}
	to := realmOf(b, edited.String())
	opts := Options
	b.Run(fmt.Sprintf("tables=%d/equal", tables), func(b *testing.B) {
		for b.Loop() {
			if plan := diff.Compute(from, from, opts); len(plan.Changes) > 0 {
				b.Fatal(plan.SQL())
			}
		}
	})
	b.Run(fmt.Sprintf("tables=%d/changed", tables), func(b *testing.B) {
		for b.Loop() {
			if plan := diff.Compute(from, to, opts); len(plan.Changes) == 0 {
				b.Fatal("no changes")
			}
		}
	})
}
