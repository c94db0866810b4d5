package sqlsupport_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/hclschema"
	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// TestPairs loads each testdata/sqlmodel archive twice: its SQL sections
// (replayed in order) with the loader, its HCL sections with the HCL
// decoder. Both must load without diagnostics, the HCL must be valid
// Atlas HCL, and the two realms must be equal but for positions and the
// order of named objects.
func TestPairs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "sqlmodel", "*.txtar"))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(paths), 60, "pairs")
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			require.NotEmpty(t, strings.TrimSpace(string(ar.Comment)), "the archive says what it covers")
			var sources []sqlsupport.Source
			var files []*hclschema.File
			for _, f := range ar.Files {
				switch filepath.Ext(f.Name) {
				case ".sql":
					sources = append(sources, sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
				case ".hcl":
					hf := hclschema.Parse(f.Name, f.Data)
					assert.Empty(t, hf.Diags, "HCL syntax of %s", f.Name)
					assert.Empty(t, hclschema.Validate(hf, spec.SchemaFile), "Atlas HCL of %s", f.Name)
					files = append(files, hf)
				}
			}
			require.NotEmpty(t, sources, "an archive has SQL")
			require.NotEmpty(t, files, "an archive has HCL")
			dec := hclschema.Decode(files)
			for name, diags := range dec.Diags {
				assert.Empty(t, diags, "decoding %s", name)
			}
			loaded := sqlsupport.Load(sources...)
			for name, diags := range loaded.Diags {
				assert.Empty(t, diags, "loading %s", name)
			}
			if want, got := dumpRealm(dec.Realm), dumpRealm(loaded.Realm); want != got {
				t.Errorf("the HCL (-) and SQL (+) models differ:\n%s", lineDiff(want, got))
			}
		})
	}
}

// dumpRealm prints a realm as one line per set field, without positions
// and with named objects sorted, so two dumps compare the way the pairs
// want and a difference reads as the lines that differ.
func dumpRealm(r *schema.Realm) string {
	var lines []string
	dumpValue("", reflect.ValueOf(r).Elem(), &lines)
	return strings.Join(lines, "\n") + "\n"
}

var (
	posType    = reflect.TypeFor[schema.Pos]()
	typeType   = reflect.TypeFor[schema.Type]()
	kindType   = reflect.TypeFor[schema.ExprKind]()
	schemaType = reflect.TypeFor[*schema.Schema]()
)

var exprKinds = map[schema.ExprKind]string{schema.ExprString: "string", schema.ExprNumber: "number", schema.ExprBool: "bool", schema.ExprSQL: "sql"}

// sorted are the lists whose order has no meaning.
var sorted = map[string]bool{
	"Schemas": true, "Extensions": true, "Tables": true, "Views": true, "Funcs": true, "Enums": true,
	"Domains": true, "Composites": true, "Sequences": true, "Indexes": true, "ForeignKeys": true,
	"Checks": true, "Excludes": true, "Triggers": true, "Policies": true,
}

func dumpValue(path string, v reflect.Value, out *[]string) {
	switch {
	case v.Type() == posType:
		return
	case v.Type() == kindType:
		*out = append(*out, fmt.Sprintf("%s = %s", path, exprKinds[v.Interface().(schema.ExprKind)]))
		return
	case v.Type() == typeType:
		if t := v.Interface().(schema.Type); !reflect.ValueOf(t).IsZero() {
			*out = append(*out, fmt.Sprintf("%s = %s", path, describeType(t)))
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Elem().Kind() != reflect.Struct {
			*out = append(*out, fmt.Sprintf("%s = %#v", path, v.Elem().Interface()))
			return
		}
		dumpValue(path, v.Elem(), out)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Type == schemaType {
				continue // the back-pointer
			}
			fv := v.Field(i)
			if f.Type.Kind() == reflect.Slice && sorted[f.Name] {
				dumpSorted(path+"."+f.Name, fv, out)
				continue
			}
			dumpValue(path+"."+f.Name, fv, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			dumpValue(fmt.Sprintf("%s[%d]", path, i), v.Index(i), out)
		}
	default:
		if !v.IsZero() {
			*out = append(*out, fmt.Sprintf("%s = %#v", path, v.Interface()))
		}
	}
}

// dumpSorted prints a list of named objects in the order of their keys.
func dumpSorted(path string, v reflect.Value, out *[]string) {
	type item struct {
		key string
		v   reflect.Value
	}
	var items []item
	for i := range v.Len() {
		e := v.Index(i)
		items = append(items, item{objectKey(e.Interface()), e})
	}
	slices.SortStableFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
	for _, it := range items {
		dumpValue(fmt.Sprintf("%s[%s]", path, it.key), it.v, out)
	}
}

// objectKey names an object in its list: its name, with the argument
// types of a routine.
func objectKey(o any) string {
	if f, ok := o.(*schema.Func); ok {
		var args []string
		for _, a := range f.Args {
			if m := strings.ToUpper(a.Mode); m != "OUT" {
				args = append(args, describeType(a.Type))
			}
		}
		return f.Name + "(" + strings.Join(args, ",") + ")"
	}
	return reflect.ValueOf(o).Elem().FieldByName("Name").String()
}

// describeType tells built-in, user and raw types apart.
func describeType(t schema.Type) string {
	switch {
	case t.UserKind != "":
		return fmt.Sprintf("%s %s.%s%s", t.UserKind, t.UserSchema, t.Name, strings.Repeat("[]", t.Array))
	case t.Raw != "":
		return "raw " + t.Raw
	}
	return t.String()
}

// lineDiff shows the lines only a has (-) and only b has (+), with one
// line of context, from a longest common subsequence of lines.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		mark byte
		text string
	}
	var lines []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			lines = append(lines, line{' ', x[i]})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, line{'-', x[i]})
			i++
		default:
			lines = append(lines, line{'+', y[j]})
			j++
		}
	}
	var out strings.Builder
	for k, l := range lines {
		near := func(d int) bool { return k+d >= 0 && k+d < len(lines) && lines[k+d].mark != ' ' }
		if l.mark != ' ' || near(-1) || near(1) {
			fmt.Fprintf(&out, "%c %s\n", l.mark, l.text)
		}
	}
	return out.String()
}
