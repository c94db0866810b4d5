package hclschema

import (
	"fmt"
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// HoverRef summarises what a reference (or declared name) at off names:
// a table's columns and types, an enum's values, a function's signature.
func HoverRef(dec *Decoded, file string, off int) (Hover, bool) {
	r, ok := dec.NameAt(file, off)
	if !ok {
		return Hover{}, false
	}
	md := describeTarget(dec.Realm, r.Target)
	if md == "" {
		return Hover{}, false
	}
	return Hover{Markdown: md, Range: r.Range}, true
}

func describeTarget(realm *schema.Realm, p schema.Pos) string {
	for _, s := range realm.Schemas {
		if s.Pos == p {
			return fmt.Sprintf("**schema** `%s`: %d tables, %d views, %d functions", s.Name, len(s.Tables), len(s.Views), len(s.Funcs))
		}
		for _, t := range s.Tables {
			for _, c := range t.Columns {
				if c.Pos == p {
					return fmt.Sprintf("**column** `%s.%s` `%s`%s", t.Name, c.Name, c.Type, nullText(c))
				}
			}
		}
		for _, o := range s.Objects() {
			if o.Pos != p {
				continue
			}
			switch v := o.Value.(type) {
			case *schema.Table:
				return describeTable(realm, v)
			case *schema.View:
				kind := "view"
				if v.Materialized {
					kind = "materialized view"
				}
				return fmt.Sprintf("**%s** `%s.%s`\n\n```sql\n%s\n```", kind, s.Name, v.Name, strings.TrimSpace(v.Def))
			case *schema.Func:
				return describeFunc(v)
			case *schema.Enum:
				return fmt.Sprintf("**enum** `%s.%s`: %s", s.Name, v.Name, "'"+strings.Join(v.Values, "', '")+"'")
			case *schema.Domain:
				return fmt.Sprintf("**domain** `%s.%s` over `%s`", s.Name, v.Name, v.Type)
			case *schema.Composite:
				var fields []string
				for _, f := range v.Fields {
					fields = append(fields, fmt.Sprintf("`%s %s`", f.Name, f.Type))
				}
				return fmt.Sprintf("**composite type** `%s.%s` (%s)", s.Name, v.Name, strings.Join(fields, ", "))
			case *schema.Sequence:
				return fmt.Sprintf("**sequence** `%s.%s`", s.Name, v.Name)
			}
		}
	}
	return ""
}

func describeTable(realm *schema.Realm, t *schema.Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**table** `%s.%s`", t.Schema.Name, t.Name)
	cols := t.Columns
	if p := t.PartitionOf; p != nil {
		fmt.Fprintf(&b, ", partition of `%s.%s`", p.Schema, p.Table)
		cols = realm.Columns(t)
	}
	b.WriteString("\n\n| column | type | null |\n|---|---|---|\n")
	for _, c := range cols {
		null := "not null"
		if c.Null {
			null = "null"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", c.Name, c.Type, null)
	}
	if t.PrimaryKey != nil {
		cols, _ := t.PrimaryKey.Columns()
		fmt.Fprintf(&b, "\nprimary key (%s)", strings.Join(cols, ", "))
	}
	return b.String()
}

func describeFunc(f *schema.Func) string {
	var args []string
	for _, a := range f.Args {
		s := strings.TrimSpace(a.Name + " " + a.Type.String())
		if a.Mode != "" && a.Mode != "IN" {
			s = a.Mode + " " + s
		}
		args = append(args, s)
	}
	kind := [...]string{"function", "procedure", "aggregate"}[f.Kind]
	sig := fmt.Sprintf("**%s** `%s.%s(%s)`", kind, f.Schema.Name, f.Name, strings.Join(args, ", "))
	if f.Return != nil {
		ret := f.Return.String()
		if f.ReturnSet {
			ret = "SETOF " + ret
		}
		sig += " returns `" + ret + "`"
	}
	if f.Lang != "" {
		sig += ", language " + strings.ToLower(f.Lang)
	}
	return sig
}

func nullText(c *schema.Column) string {
	if c.Null {
		return " null"
	}
	return " not null"
}
