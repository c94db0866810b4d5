package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Comparing realms. Two realms are Equal when they describe the same
// database as far as the model goes: every field is compared but
// positions (Pos), back-pointers (Table.Schema, …) are skipped, and lists
// of named objects (schemas, tables, indexes, constraints, triggers, …)
// are compared as sets keyed by name — a routine by its name and input
// argument types. Ordered lists stay ordered: columns, arguments, index
// parts, enum values.
//
// The comparison is literal: it normalises nothing. Callers normalise
// first (the Normalize methods, NormalizeDefault) where two spellings
// mean the same.

// Equal reports whether a and b are equal but for positions and the order
// of named objects.
func Equal(a, b *Realm) bool { return Dump(a) == Dump(b) }

// Diff shows how b differs from a, as the lines of their dumps only a has
// (marked -) and only b has (marked +), each with a line of context; ""
// when they are Equal.
func Diff(a, b *Realm) string {
	da, db := Dump(a), Dump(b)
	if da == db {
		return ""
	}
	return lineDiff(strings.Split(da, "\n"), strings.Split(db, "\n"))
}

// Dump prints a realm as one line per field that is set, a path and a
// value, without positions and with named objects sorted by name:
//
//	.Schemas[public].Tables[users].Columns[0].Name = "id"
//	.Schemas[public].Tables[users].Columns[0].Type = integer
//
// Types print as SQL (built-in), "enum s.name" (user types) or "raw …";
// expression kinds by name.
func Dump(r *Realm) string {
	if r == nil {
		return ""
	}
	var lines []string
	dumpValue("", reflect.ValueOf(r).Elem(), &lines)
	return strings.Join(lines, "\n") + "\n"
}

var (
	posType    = reflect.TypeFor[Pos]()
	typeType   = reflect.TypeFor[Type]()
	kindType   = reflect.TypeFor[ExprKind]()
	schemaType = reflect.TypeFor[*Schema]()
)

var exprKindNames = map[ExprKind]string{ExprString: "string", ExprNumber: "number", ExprBool: "bool", ExprSQL: "sql"}

// unordered are the lists of named objects, compared as sets.
var unordered = map[string]bool{
	"Schemas": true, "Extensions": true, "Tables": true, "Views": true, "Funcs": true, "Enums": true,
	"Domains": true, "Composites": true, "Sequences": true, "Indexes": true, "ForeignKeys": true,
	"Checks": true, "Excludes": true, "Triggers": true, "Policies": true,
}

func dumpValue(path string, v reflect.Value, out *[]string) {
	switch v.Type() {
	case posType:
		return
	case kindType:
		k := v.Interface().(ExprKind)
		name, ok := exprKindNames[k]
		if !ok {
			name = fmt.Sprint(int(k))
		}
		*out = append(*out, path+" = "+name)
		return
	case typeType:
		if t := v.Interface().(Type); !v.IsZero() {
			*out = append(*out, path+" = "+describeType(t))
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
			if f.Type.Kind() == reflect.Slice && unordered[f.Name] {
				dumpSet(path+"."+f.Name, v.Field(i), out)
				continue
			}
			dumpValue(path+"."+f.Name, v.Field(i), out)
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

// dumpSet prints a list of named objects in the order of their keys.
func dumpSet(path string, v reflect.Value, out *[]string) {
	type item struct {
		key string
		v   reflect.Value
	}
	items := make([]item, 0, v.Len())
	for i := range v.Len() {
		items = append(items, item{objectKey(v.Index(i)), v.Index(i)})
	}
	slices.SortStableFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
	for _, it := range items {
		dumpValue(fmt.Sprintf("%s[%s]", path, it.key), it.v, out)
	}
}

// objectKey names an object in its list: its name, with the input
// argument types of a routine.
func objectKey(v reflect.Value) string {
	if f, ok := v.Interface().(*Func); ok && f != nil {
		var args []string
		for _, a := range f.Args {
			if m := strings.ToUpper(a.Mode); m != "OUT" {
				args = append(args, describeType(a.Type))
			}
		}
		return f.Name + "(" + strings.Join(args, ",") + ")"
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		if n := v.FieldByName("Name"); n.IsValid() && n.Kind() == reflect.String {
			return n.String()
		}
	}
	return ""
}

// describeType tells built-in, user and raw types apart.
func describeType(t Type) string {
	switch {
	case t.UserKind != "":
		return fmt.Sprintf("%s %s.%s%s", t.UserKind, t.UserSchema, t.Name, strings.Repeat("[]", t.Array))
	case t.Raw != "":
		return "raw " + t.Raw
	}
	return t.String()
}

// maxDiffCells bounds the table of the longest common subsequence; past
// it, the lines that differ are listed without context in between.
const maxDiffCells = 4 << 20

// lineDiff shows the lines only x has (-) and only y has (+), with one
// line of context, from a longest common subsequence of lines.
func lineDiff(x, y []string) string {
	type line struct {
		mark byte
		text string
	}
	var lines []line
	// The common head and tail need no table.
	head := 0
	for head < len(x) && head < len(y) && x[head] == y[head] {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail] == y[len(y)-1-tail] {
		tail++
	}
	for _, s := range x[:head] {
		lines = append(lines, line{' ', s})
	}
	mx, my := x[head:len(x)-tail], y[head:len(y)-tail]
	if (len(mx)+1)*(len(my)+1) > maxDiffCells {
		// Too large for the table: the lines one side has more often
		// than the other, without context.
		count := map[string]int{}
		for _, s := range my {
			count[s]++
		}
		for _, s := range mx {
			if count[s] > 0 {
				count[s]--
			} else {
				lines = append(lines, line{'-', s})
			}
		}
		for _, s := range my {
			if count[s] > 0 {
				count[s]--
				lines = append(lines, line{'+', s})
			}
		}
	} else {
		lcs := make([][]int32, len(mx)+1)
		for i := range lcs {
			lcs[i] = make([]int32, len(my)+1)
		}
		for i := len(mx) - 1; i >= 0; i-- {
			for j := len(my) - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(mx) || j < len(my) {
			switch {
			case i < len(mx) && j < len(my) && mx[i] == my[j]:
				lines = append(lines, line{' ', mx[i]})
				i, j = i+1, j+1
			case i < len(mx) && (j == len(my) || lcs[i+1][j] >= lcs[i][j+1]):
				lines = append(lines, line{'-', mx[i]})
				i++
			default:
				lines = append(lines, line{'+', my[j]})
				j++
			}
		}
	}
	for _, s := range x[len(x)-tail:] {
		lines = append(lines, line{' ', s})
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
