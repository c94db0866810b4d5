package hclschema

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/internal/gen"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// unitsOfArchives returns the schema files of every marker archive, one
// unit per archive: name -> source.
func unitsOfArchives(t *testing.T) map[string]map[string]string {
	t.Helper()
	paths, err := filepath.Glob("../testdata/lsp/*/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	out := map[string]map[string]string{}
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		require.NoError(t, err)
		files := map[string]string{}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".hcl") && !strings.HasPrefix(f.Name, "@") && filepath.Base(f.Name) != "atlas.hcl" {
				files[f.Name] = string(f.Data)
			}
		}
		if len(files) > 0 {
			out[p] = files
		}
	}
	return out
}

// edits are the changes a user makes to one top-level block: each returns
// the file's new text, or "" when it does not apply.
var edits = map[string]func(src string, b span) string{
	// typing a character inside the block (byte offsets move, lines stay)
	"type": func(src string, b span) string {
		i := strings.Index(src[b.start:b.end], "{")
		if i < 0 {
			return ""
		}
		return src[:b.start+i+1] + " " + src[b.start+i+1:]
	},
	// renaming the block's last label: references to it break
	"rename": func(src string, b span) string {
		q := strings.Index(src[b.start:b.end], "\" {")
		if q < 0 {
			return ""
		}
		return src[:b.start+q] + "x" + src[b.start+q:]
	},
	// deleting the block, lines and all
	"delete": func(src string, b span) string { return src[:b.start] + src[b.end:] },
	// a new line above the block: it and every block below re-parse
	"newline": func(src string, b span) string { return src[:b.start] + "\n" + src[b.start:] },
}

func parseAll(files map[string]string, prev map[string]*File) []*File {
	var out []*File
	for _, name := range sortedKeys(files) {
		out = append(out, Reparse(name, []byte(files[name]), prev[name]))
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestRedecodeEqualsDecode edits every top-level block of every archive in
// every way and checks that decoding incrementally from the previous
// version gives exactly what decoding the new version afresh gives:
// model, diagnostics, references and declarations.
func TestRedecodeEqualsDecode(t *testing.T) {
	cases := 0
	for arch, files := range unitsOfArchives(t) {
		before := parseAll(files, nil)
		prevDec := Decode(before)
		prevFiles := map[string]*File{}
		for _, f := range before {
			prevFiles[f.Name] = f
		}
		for _, name := range sortedKeys(files) {
			for _, b := range splitTopLevel([]byte(files[name])) {
				for kind, edit := range edits {
					text := edit(files[name], b)
					if text == "" {
						continue
					}
					changed := map[string]string{}
					for k, v := range files {
						changed[k] = v
					}
					changed[name] = text
					after := parseAll(changed, prevFiles)
					inc, full := Redecode(after, prevDec), Decode(after)
					where := arch + " " + name + " " + kind + " at " + files[name][b.start:min(b.end, b.start+30)]
					sameDecode(t, full, inc, where)
					// and once more from the incremental result itself
					sameDecode(t, full, Redecode(after, inc), where+" (again)")
					cases++
				}
			}
		}
	}
	t.Logf("%d edits compared", cases)
	assert.Greater(t, cases, 1000)
}

func sameDecode(t *testing.T, want, got *Decoded, where string) {
	t.Helper()
	if !assert.True(t, reflect.DeepEqual(want.Realm, got.Realm), "%s: model differs", where) {
		return
	}
	assert.Equal(t, nonEmpty(want.Diags), nonEmpty(got.Diags), "%s: diagnostics", where)
	assert.ElementsMatch(t, want.Refs, got.Refs, "%s: references", where)
	assert.ElementsMatch(t, want.Decls, got.Decls, "%s: declarations", where)
}

func nonEmpty[T any](m map[string][]T) map[string][]T {
	out := map[string][]T{}
	for k, v := range m {
		if len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

// TestRedecodeReusesBlocks: typing inside one table of a generated schema
// re-decodes that table and the blocks that refer to it, no other.
func TestRedecodeReusesBlocks(t *testing.T) {
	src := gen.Schema(1000)
	f := Parse("s.hcl", []byte(src))
	dec := Decode([]*File{f})
	blocks := len(f.Body().Blocks)
	assert.Equal(t, blocks, dec.Redecoded, "a first decode decodes every block")

	same := Redecode([]*File{Reparse("s.hcl", []byte(src), f)}, dec)
	assert.Zero(t, same.Redecoded, "nothing changed")

	// A comment typed in the last table: only that table changes.
	i := strings.LastIndex(src, "table \"")
	j := i + strings.Index(src[i:], "{") + 1
	edited := src[:j] + " # note" + src[j:]
	f2 := Reparse("s.hcl", []byte(edited), f)
	dec2 := Redecode([]*File{f2}, dec)
	assert.Equal(t, 1, dec2.Redecoded)
	assert.True(t, reflect.DeepEqual(Decode([]*File{f2}).Realm, dec2.Realm))

	// Typing in the first table moves every block below it: they are
	// shifted, not decoded again. The table's dependents (foreign keys
	// naming it) are decoded again, since what they point at changed.
	k := strings.Index(src, "table \"")
	k += strings.Index(src[k:], "{") + 1
	edited = src[:k] + " " + src[k:]
	f3 := Reparse("s.hcl", []byte(edited), f)
	dec3 := Redecode([]*File{f3}, dec)
	assert.Less(t, dec3.Redecoded, 5, "re-decoded blocks of %d", blocks)
	sameDecode(t, Decode([]*File{f3}), dec3, "first table")
}

// TestShiftedCoversEveryPosition fills every field of every model object
// (one element in each list, every pointer set, every position at 10-20)
// and checks that shifting moves each position and leaves the original
// alone: a position added to the model and not shifted fails here.
func TestShiftedCoversEveryPosition(t *testing.T) {
	for _, o := range []any{&schema.Table{}, &schema.View{}, &schema.Func{}, &schema.Domain{}, &schema.Composite{},
		&schema.Enum{}, &schema.Sequence{}, &schema.Trigger{}, &schema.Policy{}} {
		v := reflect.New(reflect.TypeOf(o).Elem())
		fill(v.Elem())
		obj := v.Interface()
		moved := shifted(obj, 5)
		var before, after []schema.Pos
		collectPos(reflect.ValueOf(obj), &before)
		collectPos(reflect.ValueOf(moved), &after)
		require.Equal(t, len(before), len(after), "%T", o)
		require.NotEmpty(t, before)
		for i := range before {
			assert.Equal(t, source.Range{Start: 10, End: 20}, before[i].Range, "%T: original untouched", o)
			assert.Equal(t, source.Range{Start: 15, End: 25}, after[i].Range, "%T: moved", o)
		}
		if tbl, ok := obj.(*schema.Table); ok {
			assert.Same(t, tbl.Schema, moved.(*schema.Table).Schema, "the schema back-pointer is kept")
		}
	}
}

var (
	posType    = reflect.TypeFor[schema.Pos]()
	schemaType = reflect.TypeFor[*schema.Schema]()
)

// fill sets every position of v to 10-20 and gives every pointer a value
// and every list one element; the schema back-pointer gets an empty schema.
func fill(v reflect.Value) {
	switch {
	case v.Type() == posType:
		v.Set(reflect.ValueOf(schema.Pos{File: "f", Range: source.Range{Start: 10, End: 20}}))
	case v.Type() == schemaType:
		v.Set(reflect.ValueOf(&schema.Schema{}))
	case v.Kind() == reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case v.Kind() == reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i))
		}
	}
}

// collectPos lists the positions in v, not following the schema pointer.
func collectPos(v reflect.Value, out *[]schema.Pos) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != schemaType {
			collectPos(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			collectPos(v.Index(i), out)
		}
	case reflect.Struct:
		if v.Type() == posType {
			*out = append(*out, v.Interface().(schema.Pos))
			return
		}
		for i := range v.NumField() {
			collectPos(v.Field(i), out)
		}
	}
}

// TestRedecodePartitionFollowsParent: a partition's column references
// depend on the blocks of its chain of parents, which the generic edits
// above do not change inside. Renaming the root's column, or re-pointing
// the middle partition to another root, re-decodes the blocks naming the
// partition's columns: the incremental decode equals the full one.
func TestRedecodePartitionFollowsParent(t *testing.T) {
	files := map[string]string{
		"roots.hcl": `schema "public" {}
table "events" {
  schema = schema.public
  column "at" {
    type = date
  }
  primary_key {
    columns = [column.at]
  }
  partition {
    type    = RANGE
    columns = [column.at]
  }
}
table "logs" {
  schema = schema.public
  column "ts" {
    type = date
  }
  partition {
    type    = RANGE
    columns = [column.ts]
  }
}
`,
		"parts.hcl": `table "mid" {
  schema          = schema.public
  partition_of    = table.events
  partition_bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
  partition {
    type    = RANGE
    columns = [column.at]
  }
}
table "leaf" {
  schema          = schema.public
  partition_of    = table.mid
  partition_bound = "DEFAULT"
  index "leaf_at" {
    columns = [column.at]
  }
  check "recent" {
    expr = "at > '2000-01-01'"
  }
}
table "links" {
  schema = schema.public
  column "at" {
    type = date
  }
  foreign_key "links_leaf" {
    columns     = [column.at]
    ref_columns = [table.leaf.column.at]
  }
}
`,
	}
	steps := []struct {
		file, from, to string
		broken         bool // parts.hcl has unresolved references
	}{
		{"roots.hcl", `column "at"`, `column "at2"`, true}, // the root's column renamed
		{"roots.hcl", `column "at2"`, `column "at"`, false},
		{"parts.hcl", `= table.events`, `= table.logs`, true}, // the middle partition re-pointed
		{"parts.hcl", `= table.logs`, `= table.events`, false},
	}
	prevFiles := map[string]*File{}
	var before []*File
	for _, f := range parseAll(files, nil) {
		prevFiles[f.Name] = f
		before = append(before, f)
	}
	prevDec := Decode(before)
	for _, st := range steps {
		require.Contains(t, files[st.file], st.from)
		files[st.file] = strings.Replace(files[st.file], st.from, st.to, 1)
		after := parseAll(files, prevFiles)
		inc, full := Redecode(after, prevDec), Decode(after)
		sameDecode(t, full, inc, st.to)
		assert.Equal(t, st.broken, len(inc.Diags["parts.hcl"]) > 0, "%s: %v", st.to, inc.Diags["parts.hcl"])
		for _, f := range after {
			prevFiles[f.Name] = f
		}
		prevDec = inc
	}
}
