package hclschema

import (
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// nameTableChecks gives the unnamed checks of t the names PostgreSQL
// chooses: t_col_check when the expression uses exactly one column of
// cols (t's, or a partition's root's), else t_check, numbered past the
// names the table already uses.
func nameTableChecks(t *schema.Table, cols []*schema.Column) {
	taken := map[string]bool{}
	if t.PrimaryKey != nil {
		taken[t.PrimaryKey.Name] = true
	}
	for _, ix := range t.Indexes {
		taken[ix.Name] = true
	}
	for _, fk := range t.ForeignKeys {
		taken[fk.Name] = true
	}
	for _, ex := range t.Excludes {
		taken[ex.Name] = true
	}
	for _, c := range t.Checks {
		taken[c.Name] = true
	}
	var names []string
	for _, c := range cols {
		names = append(names, c.Name)
	}
	for _, c := range t.Checks {
		if c.Name != "" {
			continue
		}
		col := ""
		if used := columnsIn(c.Expr, names); len(used) == 1 {
			col = used[0]
		}
		c.Name = schema.DefaultName(t.Name, col, "check", func(n string) bool { return taken[n] })
		taken[c.Name] = true
	}
}

// nameDomainChecks names the unnamed checks of a domain as PostgreSQL
// does: domain_check, domain_check1, …
func nameDomainChecks(dm *schema.Domain) {
	taken := map[string]bool{}
	for _, c := range dm.Checks {
		taken[c.Name] = true
	}
	for _, c := range dm.Checks {
		if c.Name == "" {
			c.Name = schema.DefaultName(dm.Name, "", "check", func(n string) bool { return taken[n] })
			taken[c.Name] = true
		}
	}
}

// columnsIn lists the names of columns an SQL expression uses, each once:
// identifiers (folded to lower case unless quoted) that name a column and
// are not called as functions or written after "::". String literals are
// skipped.
func columnsIn(expr string, columns []string) []string {
	var out []string
	seen := map[string]bool{}
	isCol := map[string]bool{}
	for _, c := range columns {
		isCol[c] = true
	}
	cast := false
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\'':
			i = skipQuoted(expr, i, '\'')
			cast = false
		case c == '"' || isIdentStart(c):
			var name string
			if c == '"' {
				end := skipQuoted(expr, i, '"')
				name = strings.ReplaceAll(expr[i+1:max(i+1, end-1)], `""`, `"`)
				i = end
			} else {
				j := i
				for j < len(expr) && (isIdentStart(expr[j]) || expr[j] >= '0' && expr[j] <= '9' || expr[j] == '$') {
					j++
				}
				name = strings.ToLower(expr[i:j])
				i = j
			}
			rest := strings.TrimLeft(expr[i:], " \t\r\n")
			call := strings.HasPrefix(rest, "(")
			if isCol[name] && !cast && !call && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
			cast = false
		case c == ':' && strings.HasPrefix(expr[i:], "::"):
			cast = true
			i += 2
		default:
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				cast = false
			}
			i++
		}
	}
	return out
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// skipQuoted returns the offset after the quoted text starting at i; a
// doubled quote stays inside.
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}
