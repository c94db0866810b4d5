package spec

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// walk calls fn for every block under root with its dotted path.
func walk(root *Block, fn func(path string, b *Block)) {
	var rec func(prefix string, b *Block)
	rec = func(prefix string, b *Block) {
		for _, nb := range b.Blocks {
			p := nb.Type
			if prefix != "" {
				p = prefix + "." + nb.Type
			}
			fn(p, nb)
			rec(p, nb)
		}
	}
	rec("", root)
}

// lookupBlock resolves a dotted path of block types from SchemaFile.
func lookupBlock(path string) *Block {
	b := SchemaFile
	for _, s := range strings.Split(path, ".") {
		if b = b.Block(s); b == nil {
			return nil
		}
	}
	return b
}

// lookupAttr resolves a dotted path whose last step is an attribute.
func lookupAttr(path string) *Attr {
	i := strings.LastIndex(path, ".")
	if i < 0 {
		return nil
	}
	if b := lookupBlock(path[:i]); b != nil {
		return b.Attr(path[i+1:])
	}
	return nil
}

func TestWellFormed(t *testing.T) {
	types := map[string]bool{}
	walk(SchemaFile, func(_ string, b *Block) { types[b.Type] = true })

	blocks, attrs := 0, 0
	for _, root := range []*Block{SchemaFile, TestFile} {
		wellFormed(t, root, types, &blocks, &attrs)
	}
	t.Logf("%d blocks, %d attributes", blocks, attrs)

	// Top level: every object block is labeled and takes for_each.
	require.Len(t, SchemaFile.Blocks, 17)
	for _, b := range SchemaFile.Blocks {
		if b.Type == "locals" {
			assert.Empty(t, b.Attrs, "locals takes attributes of any name")
			assert.Empty(t, b.Labels)
			continue
		}
		assert.Equal(t, []string{"name"}, b.Labels, b.Type)
		if b.Type != "variable" {
			assert.NotNil(t, b.Attr("for_each"), "%s: for_each", b.Type)
		}
	}
}

// wellFormed checks every block under root: docs, no duplicates, values
// with what their kind needs.
func wellFormed(t *testing.T, root *Block, types map[string]bool, blocks, attrs *int) {
	walk(root, func(path string, b *Block) {
		*blocks++
		assert.NotEmpty(t, b.Doc, "%s: block without Doc", path)
		assert.LessOrEqual(t, len(b.Doc), 400, "%s: Doc too long", path)
		seen := map[string]bool{}
		for _, a := range b.Attrs {
			*attrs++
			ap := path + "." + a.Name
			assert.False(t, seen[a.Name], "%s: duplicate attribute", ap)
			seen[a.Name] = true
			assert.NotEmpty(t, a.Doc, "%s: attribute without Doc", ap)
			assert.LessOrEqual(t, len(a.Doc), 400, "%s: Doc too long", ap)
			assert.False(t, strings.HasSuffix(a.Doc, " "), "%s: Doc ends with a space", ap)
			assert.NotEmpty(t, a.Values, "%s: attribute without Values", ap)
			for _, v := range a.Values {
				assert.NotZero(t, v.Kind, "%s: Value without Kind", ap)
				switch v.Kind {
				case Const:
					assert.NotEmpty(t, v.Consts, "%s: Const without Consts", ap)
				case Ref, RefList:
					assert.NotEmpty(t, v.RefTo, "%s: reference without RefTo", ap)
					for _, k := range v.RefTo {
						assert.True(t, types[k], "%s: RefTo names unknown block type %q", ap, k)
					}
				}
				if len(v.Consts) > 0 {
					assert.Contains(t, []ValueKind{Const, StringList}, v.Kind, "%s: Consts on a %d value", ap, v.Kind)
					// Atlas matches constants exactly; some have two
					// spellings (GIST and GiST), but never the same one twice.
					dup := map[string]bool{}
					for _, c := range v.Consts {
						assert.False(t, dup[c], "%s: duplicate constant %s", ap, c)
						dup[c] = true
					}
				}
			}
		}
		seenB := map[string]bool{}
		for _, nb := range b.Blocks {
			assert.False(t, seenB[nb.Type], "%s.%s: duplicate block", path, nb.Type)
			seenB[nb.Type] = true
		}
	})
}

// blockPaths is every block of the table with its labels, Unique and
// Required, from the Require Name / Repeatable / Required constraints of
// the generated reference. It must list the table's blocks exactly.
var blockPaths = []struct {
	path             string
	labeled          bool
	unique, required bool
}{
	{"schema", true, false, false},
	{"table", true, false, false},
	{"table.column", true, false, false},
	{"table.column.identity", false, true, false},
	{"table.column.as", false, true, false},
	{"table.primary_key", true, true, false}, // label optional
	{"table.index", true, false, false},
	{"table.index.on", false, false, false},
	{"table.unique", true, false, false},
	{"table.foreign_key", true, false, false},
	{"table.check", true, false, false}, // label optional
	{"table.exclude", true, false, false},
	{"table.exclude.on", false, false, true},
	{"table.partition", false, true, false},
	{"table.partition.by", false, false, false},
	{"table.row_security", false, true, false},
	{"view", true, false, false},
	{"view.column", true, false, false},
	{"materialized", true, false, false},
	{"materialized.column", true, false, false},
	{"materialized.index", true, false, false},
	{"materialized.index.on", false, false, false},
	{"function", true, false, false},
	{"function.arg", true, false, false}, // label optional
	{"function.return_table", false, true, false},
	{"function.return_table.column", true, false, true},
	{"function.set", true, false, false},
	{"procedure", true, false, false},
	{"procedure.arg", true, false, false}, // label optional
	{"procedure.set", true, false, false},
	{"aggregate", true, false, false},
	{"aggregate.arg", true, false, false}, // label optional
	{"trigger", true, false, false},
	{"trigger.before", false, true, false},
	{"trigger.after", false, true, false},
	{"trigger.instead_of", false, true, false},
	{"trigger.execute", false, true, false},
	{"trigger.referencing", false, false, false},
	{"event_trigger", true, false, false},
	{"policy", true, false, false},
	{"enum", true, false, false},
	{"domain", true, false, false},
	{"domain.check", true, false, false}, // label optional
	{"composite", true, false, false},
	{"composite.field", true, false, true},
	{"sequence", true, false, false},
	{"extension", true, false, false},
	{"variable", true, false, false},
	{"locals", false, false, false},
}

func TestBlocks(t *testing.T) {
	want := map[string]bool{}
	for _, bp := range blockPaths {
		want[bp.path] = true
		b := lookupBlock(bp.path)
		require.NotNil(t, b, bp.path)
		require.Equal(t, bp.path[strings.LastIndex(bp.path, ".")+1:], b.Type)
		if bp.labeled {
			assert.Equal(t, []string{"name"}, b.Labels, bp.path)
		} else {
			assert.Empty(t, b.Labels, bp.path)
		}
		assert.Equal(t, bp.unique, b.Unique, "%s: Unique", bp.path)
		assert.Equal(t, bp.required, b.Required, "%s: Required", bp.path)
	}
	walk(SchemaFile, func(path string, _ *Block) {
		assert.True(t, want[path], "%s: block not in blockPaths", path)
	})
}

// attrPaths is every attribute of the generated PostgreSQL reference
// (hcldoc-postgres.md), with whether it is required and the value forms it
// lists, then the attributes only the HCL guide and the input-variable page
// show. Forms: string (String or SQLText), bool, number, sql (sql("…")),
// type (a column type), strings, refs (any references), ref:K / refs:K (to
// blocks of type K), const:A|B (bare words), strings+A|B (strings and words).
var attrPaths = []struct {
	path     string
	required bool
	forms    string
}{
	{"aggregate.comment", false, "string"}, {"aggregate.depends_on", false, "refs"},
	{"aggregate.initial_value", false, "bool string number sql"},
	{"aggregate.parallel", false, "const:SAFE|UNSAFE|RESTRICTED"}, {"aggregate.schema", true, "ref:schema"},
	{"aggregate.state_func", true, "ref:function"}, {"aggregate.state_type", true, "type"},
	{"aggregate.arg.default", false, "bool string number sql"},
	{"aggregate.arg.mode", false, "string const:IN|OUT|INOUT|VARIADIC"}, {"aggregate.arg.type", true, "type"},
	{"composite.comment", false, "string"}, {"composite.name", false, "string"},
	{"composite.schema", true, "ref:schema"},
	{"composite.field.collate", false, "string"}, {"composite.field.type", true, "type"},
	{"domain.comment", false, "string"}, {"domain.default", false, "bool string number sql"},
	{"domain.name", false, "string"}, {"domain.null", false, "bool"}, {"domain.schema", true, "ref:schema"},
	{"domain.type", true, "type"},
	{"domain.check.comment", false, "string"}, {"domain.check.expr", true, "string"},
	{"enum.comment", false, "string"}, {"enum.name", false, "string"}, {"enum.schema", true, "ref:schema"},
	{"enum.values", true, "strings"},
	{"event_trigger.comment", false, "string"}, {"event_trigger.execute", true, "ref:function"},
	{"event_trigger.on", true, "string const:ddl_command_start|ddl_command_end|table_rewrite|sql_drop"},
	{"event_trigger.tags", false, "strings"},
	{"extension.comment", false, "string"}, {"extension.name", false, "string"},
	{"extension.schema", false, "ref:schema"}, {"extension.version", false, "string"},
	{"extension.depends_on", false, "refs:extension"},
	{"function.as", true, "string"}, {"function.comment", false, "string"},
	{"function.depends_on", false, "refs"}, {"function.lang", true, "string const:SQL|PLpgSQL"},
	{"function.leakproof", false, "bool"}, {"function.parallel", false, "const:SAFE|UNSAFE|RESTRICTED"},
	{"function.return", false, "type"}, {"function.return_set", false, "type"},
	{"function.schema", true, "ref:schema"}, {"function.security", false, "const:DEFINER|INVOKER"},
	{"function.strict", false, "bool"}, {"function.volatility", false, "const:VOLATILE|STABLE|IMMUTABLE"},
	{"function.arg.default", false, "bool string number sql"},
	{"function.arg.mode", false, "string const:IN|OUT|INOUT|VARIADIC"}, {"function.arg.type", true, "type"},
	{"function.return_table.column.type", true, "type"},
	{"materialized.as", true, "string"}, {"materialized.comment", false, "string"},
	{"materialized.depends_on", false, "refs"}, {"materialized.schema", true, "ref:schema"},
	{"materialized.column.comment", false, "string"}, {"materialized.column.null", false, "bool"},
	{"materialized.column.type", true, "type"},
	{"materialized.index.columns", false, "refs:column"}, {"materialized.index.comment", false, "string"},
	{"materialized.index.include", false, "refs:column"}, {"materialized.index.nulls_distinct", false, "bool"},
	{"materialized.index.page_per_range", false, "number"},
	{"materialized.index.type", false, "string const:BTREE|BRIN|HASH|GIN|GIST|GiST|SPGIST|SPGiST"},
	{"materialized.index.unique", false, "bool"}, {"materialized.index.where", false, "string"},
	{"materialized.index.on.column", false, "ref:column"}, {"materialized.index.on.desc", false, "bool"},
	{"materialized.index.on.expr", false, "string"}, {"materialized.index.on.nulls_first", false, "bool"},
	{"materialized.index.on.nulls_last", false, "bool"},
	{"materialized.index.on.ops", false, "string sql const:jsonb_path_ops|gin_trgm_ops|text_pattern_ops|bit_minmax_ops|spgist_geometry_ops_nd"},
	{"policy.as", false, "const:PERMISSIVE|RESTRICTIVE"}, {"policy.check", false, "string"},
	{"policy.comment", false, "string"}, {"policy.for", false, "const:ALL|SELECT|INSERT|UPDATE|DELETE"},
	{"policy.on", true, "ref:table"},
	{"policy.to", false, "strings+PUBLIC|CURRENT_ROLE|CURRENT_USER|SESSION_USER"},
	{"policy.using", false, "string"},
	{"procedure.as", true, "string"}, {"procedure.comment", false, "string"},
	{"procedure.depends_on", false, "refs"}, {"procedure.lang", true, "string const:SQL|PLpgSQL"},
	{"procedure.schema", true, "ref:schema"}, {"procedure.security", false, "const:DEFINER|INVOKER"},
	{"procedure.arg.default", false, "bool string number sql"},
	{"procedure.arg.mode", false, "string const:IN|OUT|INOUT|VARIADIC"}, {"procedure.arg.type", true, "type"},
	{"schema.comment", false, "string"}, {"schema.name", false, "string"},
	{"sequence.cache", false, "number"}, {"sequence.comment", false, "string"},
	{"sequence.cycle", false, "bool"}, {"sequence.increment", false, "number"},
	{"sequence.max_value", false, "number"}, {"sequence.min_value", false, "number"},
	{"sequence.owner", false, "ref:column"}, {"sequence.schema", true, "ref:schema"},
	{"sequence.start", false, "number"}, {"sequence.type", false, "type"},
	{"table.comment", false, "string"}, {"table.depends_on", false, "refs"},
	{"table.schema", true, "ref:schema"},
	{"table.check.comment", false, "string"}, {"table.check.expr", true, "string"},
	{"table.column.as", false, "string"}, {"table.column.comment", false, "string"},
	{"table.column.default", false, "bool string number sql"}, {"table.column.null", false, "bool"},
	{"table.column.type", true, "type"},
	{"table.column.as.expr", true, "string"}, {"table.column.as.type", false, "const:STORED"},
	{"table.column.identity.generated", false, "const:ALWAYS|BY_DEFAULT"},
	{"table.column.identity.increment", false, "number"}, {"table.column.identity.start", false, "number"},
	{"table.exclude.comment", false, "string"},
	{"table.exclude.deferrable", false, "const:INITIALLY_IMMEDIATE|INITIALLY_DEFERRED"},
	{"table.exclude.include", false, "refs:column"}, {"table.exclude.nulls_distinct", false, "bool"},
	{"table.exclude.page_per_range", false, "number"},
	{"table.exclude.type", false, "string const:BTREE|BRIN|HASH|GIN|GIST|GiST|SPGIST|SPGiST"},
	{"table.exclude.where", false, "string"},
	{"table.exclude.on.column", false, "ref:column"}, {"table.exclude.on.desc", false, "bool"},
	{"table.exclude.on.expr", false, "string"}, {"table.exclude.on.op", false, "string sql"},
	{"table.foreign_key.columns", true, "refs:column"}, {"table.foreign_key.comment", false, "string"},
	{"table.foreign_key.deferrable", false, "const:INITIALLY_IMMEDIATE|INITIALLY_DEFERRED"},
	{"table.foreign_key.on_delete", false, "const:NO_ACTION|RESTRICT|CASCADE|SET_NULL|SET_DEFAULT"},
	{"table.foreign_key.on_update", false, "const:NO_ACTION|RESTRICT|CASCADE|SET_NULL|SET_DEFAULT"},
	{"table.foreign_key.ref_columns", true, "refs:column"},
	{"table.index.columns", false, "refs:column"}, {"table.index.comment", false, "string"},
	{"table.index.include", false, "refs:column"}, {"table.index.nulls_distinct", false, "bool"},
	{"table.index.page_per_range", false, "number"},
	{"table.index.type", false, "string const:BTREE|BRIN|HASH|GIN|GIST|GiST|SPGIST|SPGiST"},
	{"table.index.unique", false, "bool"}, {"table.index.where", false, "string"},
	{"table.index.on.column", false, "ref:column"}, {"table.index.on.desc", false, "bool"},
	{"table.index.on.expr", false, "string"}, {"table.index.on.nulls_first", false, "bool"},
	{"table.index.on.nulls_last", false, "bool"},
	{"table.index.on.ops", false, "string sql const:jsonb_path_ops|gin_trgm_ops|text_pattern_ops|bit_minmax_ops|spgist_geometry_ops_nd"},
	{"table.partition.columns", false, "refs:column"}, {"table.partition.type", true, "const:RANGE|LIST|HASH"},
	{"table.partition.by.column", false, "ref:column"}, {"table.partition.by.expr", false, "string"},
	{"table.primary_key.columns", true, "refs:column"}, {"table.primary_key.comment", false, "string"},
	{"table.primary_key.deferrable", false, "const:INITIALLY_IMMEDIATE|INITIALLY_DEFERRED"},
	{"table.primary_key.include", false, "refs:column"}, {"table.primary_key.page_per_range", false, "number"},
	{"table.primary_key.type", false, "string const:BTREE|BRIN|HASH|GIN|GIST|GiST|SPGIST|SPGiST"},
	{"table.row_security.enabled", false, "bool"}, {"table.row_security.enforced", false, "bool"},
	{"table.unique.columns", true, "refs:column"}, {"table.unique.comment", false, "string"},
	{"table.unique.deferrable", false, "const:INITIALLY_IMMEDIATE|INITIALLY_DEFERRED"},
	{"table.unique.include", false, "refs:column"}, {"table.unique.nulls_distinct", false, "bool"},
	{"table.unique.page_per_range", false, "number"},
	{"trigger.as", false, "string"}, {"trigger.comment", false, "string"},
	{"trigger.for", false, "const:ROW|STATEMENT"}, {"trigger.foreach", false, "const:ROW|STATEMENT"},
	{"trigger.from", false, "ref:table"}, {"trigger.on", true, "ref:table ref:view"},
	{"trigger.when", false, "string"},
	{"trigger.after.delete", false, "bool"}, {"trigger.after.insert", false, "bool"},
	{"trigger.after.truncate", false, "bool"}, {"trigger.after.update", false, "bool"},
	{"trigger.after.update_of", false, "refs:column"},
	{"trigger.before.delete", false, "bool"}, {"trigger.before.insert", false, "bool"},
	{"trigger.before.truncate", false, "bool"}, {"trigger.before.update", false, "bool"},
	{"trigger.before.update_of", false, "refs:column"},
	{"trigger.execute.args", false, "strings"}, {"trigger.execute.function", false, "ref:function"},
	{"trigger.execute.procedure", false, "ref:procedure"},
	{"trigger.instead_of.delete", false, "bool"}, {"trigger.instead_of.insert", false, "bool"},
	{"trigger.instead_of.truncate", false, "bool"}, {"trigger.instead_of.update", false, "bool"},
	{"trigger.instead_of.update_of", false, "refs:column"},
	{"trigger.referencing.new_table", false, "string"}, {"trigger.referencing.old_table", false, "string"},
	{"view.as", true, "string"}, {"view.check_option", false, "const:LOCAL|CASCADED"},
	{"view.comment", false, "string"}, {"view.depends_on", false, "refs"}, {"view.schema", true, "ref:schema"},
	{"view.column.comment", false, "string"}, {"view.column.null", false, "bool"},
	{"view.column.type", true, "type"},
	// From atlas-schema-hcl.md and atlas-schema-hcl-input.md.
	{"table.column.collate", false, "string"},
	{"trigger.for_each", false, "any"},
	{"policy.for_each", false, "any"},
	{"variable.type", true, "any"}, {"variable.default", false, "any"},
	{"variable.description", false, "string"},
	// Not in Atlas's HCL: schema-ls attributes, each documented so.
	{"table.unlogged", false, "bool"},
	{"table.partition_of", false, "ref:table"}, {"table.partition_bound", false, "string"},
	{"table.check.no_inherit", false, "bool"},
	{"table.column.identity.min_value", false, "number"}, {"table.column.identity.max_value", false, "number"},
	{"table.column.identity.cache", false, "number"}, {"table.column.identity.cycle", false, "bool"},
	{"table.foreign_key.match", false, "const:SIMPLE|FULL"},
	{"table.foreign_key.on_delete_columns", false, "refs:column"},
	{"function.cost", false, "number"}, {"function.rows", false, "number"},
	{"function.set.value", true, "string number bool"}, {"procedure.set.value", true, "string number bool"},
	{"aggregate.final_func", false, "ref:function string"}, {"aggregate.combine_func", false, "ref:function string"},
	{"aggregate.sort_op", false, "string"},
	{"view.security_barrier", false, "bool"}, {"view.security_invoker", false, "bool"},
	{"trigger.constraint", false, "bool"}, {"trigger.deferrable", false, "const:INITIALLY_IMMEDIATE|INITIALLY_DEFERRED"},
}

func TestAttributes(t *testing.T) {
	require.GreaterOrEqual(t, len(attrPaths), 60)
	want := map[string]bool{}
	covered := map[string]bool{}
	for _, ap := range attrPaths {
		want[ap.path] = true
		a := lookupAttr(ap.path)
		require.NotNil(t, a, "%s: missing attribute", ap.path)
		covered[ap.path[:strings.LastIndex(ap.path, ".")]] = true
		assert.Equal(t, ap.required, a.Required, "%s: Required", ap.path)
		for _, form := range strings.Fields(ap.forms) {
			assert.True(t, accepts(a, form), "%s: does not accept %s", ap.path, form)
		}
	}
	// Every block with attributes has some of them checked here.
	walk(SchemaFile, func(path string, b *Block) {
		if len(b.Attrs) > 0 {
			assert.True(t, covered[path], "%s: no attribute paths", path)
		}
	})
	// Attributes beyond the sources' lists are deliberate: the for_each
	// meta-argument every top-level block takes, and attributes kept only
	// to warn that they have no effect.
	walk(SchemaFile, func(path string, b *Block) {
		for _, a := range b.Attrs {
			p := path + "." + a.Name
			if !want[p] && !(a.Name == "for_each" && !strings.Contains(path, ".")) && a.Warn == "" {
				t.Errorf("%s: attribute not in the sources' lists", p)
			}
		}
	})
}

// accepts reports whether one of a's values takes the given form.
func accepts(a *Attr, form string) bool {
	kind, arg, _ := strings.Cut(form, ":")
	words := strings.Split(arg, "|")
	if k, w, ok := strings.Cut(form, "+"); ok && k == "strings" {
		kind, words = "strings+", strings.Split(w, "|")
	}
	hasAll := func(consts []string) bool {
		for _, w := range words {
			if !slices.ContainsFunc(consts, func(c string) bool { return strings.EqualFold(c, w) }) {
				return false
			}
		}
		return true
	}
	for _, v := range a.Values {
		switch kind {
		case "any":
			if v.Kind == Any {
				return true
			}
		case "string":
			if v.Kind == String || v.Kind == SQLText {
				return true
			}
		case "bool":
			if v.Kind == Bool {
				return true
			}
		case "number":
			if v.Kind == Number {
				return true
			}
		case "sql":
			if v.Kind == RawSQL {
				return true
			}
		case "type":
			if v.Kind == ColumnType {
				return true
			}
		case "strings":
			if v.Kind == StringList {
				return true
			}
		case "refs":
			if v.Kind == RefList && (arg == "" || slices.Contains(v.RefTo, arg)) {
				return true
			}
		case "ref":
			if v.Kind == Ref && slices.Contains(v.RefTo, arg) {
				return true
			}
		case "const":
			if v.Kind == Const && hasAll(v.Consts) {
				return true
			}
		case "strings+":
			if v.Kind == StringList && hasAll(v.Consts) {
				return true
			}
		}
	}
	return false
}

// TestOtherDialects: attributes the guide shows only for other databases
// are not PostgreSQL's and must stay unknown.
func TestOtherDialects(t *testing.T) {
	for _, p := range []string{
		"schema.charset", "schema.collate", "table.engine", "table.charset", "table.collate",
		"table.auto_increment", "table.system_versioned", "table.distribution", "table.sort",
		"table.column.encode", "table.column.charset",
		"table.column.identity.seed", "table.index.on.prefix", "table.index.parser",
		"table.primary_key.on", "view.security", "materialized.to", "materialized.engine",
		"function.deterministic", "function.data_access", "function.schema_bound",
		"function.null_call", "function.inline", "procedure.deterministic", "procedure.arg.charset",
	} {
		assert.Nil(t, lookupAttr(p), "%s should not exist", p)
		assert.Nil(t, lookupBlock(p), "%s should not exist", p)
	}
}

// TestNoEffect: auto_increment is accepted (the PostgreSQL getting-started
// page uses it) but always warned about.
func TestNoEffect(t *testing.T) {
	a := lookupAttr("table.column.auto_increment")
	require.NotNil(t, a)
	assert.NotEmpty(t, a.Warn)
}

func TestOpClasses(t *testing.T) {
	assert.Len(t, opClasses, 143)
	for _, path := range []string{"table.index.on.ops", "materialized.index.on.ops"} {
		a := lookupAttr(path)
		require.NotNil(t, a)
		assert.Equal(t, opClasses, a.Values[0].Consts)
	}
}
