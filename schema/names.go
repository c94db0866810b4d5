package schema

import (
	"strconv"
	"unicode/utf8"
)

// MaxIdentLen is the longest identifier PostgreSQL keeps, in bytes
// (NAMEDATALEN - 1); longer names are truncated.
const MaxIdentLen = 63

// DefaultName is the name PostgreSQL chooses for an index or constraint
// the source leaves unnamed (ChooseRelationName, ChooseConstraintName):
// name1_name2_label, the longer of name1 and name2 truncated first to fit
// MaxIdentLen, and the label numbered (label1, label2, …) while taken
// reports the name in use. name2 may be empty.
//
// PostgreSQL's labels: pkey for a primary key; key for a unique
// constraint, idx for an index and excl for an exclusion constraint, each
// with NameAddition of its columns as name2; fkey with the foreign key's
// columns; check with the one column a check uses, or none.
func DefaultName(name1, name2, label string, taken func(string) bool) string {
	for pass := 0; ; pass++ {
		l := label
		if pass > 0 {
			l += strconv.Itoa(pass)
		}
		name := objectName(name1, name2, l)
		if taken == nil || !taken(name) {
			return name
		}
	}
}

// objectName is PostgreSQL's makeObjectName.
func objectName(name1, name2, label string) string {
	overhead := 0
	if name2 != "" {
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := MaxIdentLen - overhead
	n1, n2 := len(name1), len(name2)
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	out := clip(name1, n1)
	if name2 != "" {
		out += "_" + clip(name2, n2)
	}
	if label != "" {
		out += "_" + label
	}
	return out
}

// clip cuts s to at most n bytes without splitting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// NameAddition joins the column names of a default index or constraint
// name with underscores, stopping once it is longer than PostgreSQL keeps
// (ChooseIndexNameAddition).
func NameAddition(names []string) string {
	out := ""
	for _, n := range names {
		if out != "" {
			out += "_"
		}
		out += clip(n, MaxIdentLen)
		if len(out) > MaxIdentLen {
			break
		}
	}
	return out
}

// IndexColumnNames names the parts of an index for its default name as
// PostgreSQL does (ChooseIndexColumnNames): each part's column name, or
// for an expression the name PostgreSQL derives from it ("expr" when
// none; pass ""), numbered when repeated (expr, expr1, …).
func IndexColumnNames(names []string) []string {
	out := make([]string, 0, len(names))
	used := map[string]bool{}
	for _, orig := range names {
		if orig == "" {
			orig = "expr"
		}
		cur := orig
		for i := 1; used[cur]; i++ {
			suffix := strconv.Itoa(i)
			cur = clip(orig, MaxIdentLen-len(suffix)) + suffix
		}
		used[cur] = true
		out = append(out, cur)
	}
	return out
}
