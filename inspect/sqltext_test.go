package inspect

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStripParens(t *testing.T) {
	for in, want := range map[string]string{
		"(a > 0)":                  "a > 0",
		"((a > 0))":                "a > 0",
		" (a) ":                    "a",
		"(a > 0) AND (b > 0)":      "(a > 0) AND (b > 0)",
		"(a, b)":                   "(a, b)",
		"('(' || x)":               "'(' || x",
		`("(" || x)`:               `"(" || x`,
		"lower(x)":                 "lower(x)",
		"((first || ' ') || last)": "(first || ' ') || last",
	} {
		assert.Equal(t, want, stripParens(in), in)
	}
}

func TestSplitTop(t *testing.T) {
	assert.Equal(t, []string{"10", "'a, b'::text", "ARRAY[1, 2]", "f(x, y)", `"c,d"`}, splitTop(`10, 'a, b'::text, ARRAY[1, 2], f(x, y), "c,d"`))
	assert.Nil(t, splitTop("  "))
}

func TestElemTail(t *testing.T) {
	for _, c := range []struct {
		elem, head, collate, ops string
		words                    []string
	}{
		{"sku", "sku", "", "", nil},
		{`"Sku" COLLATE "C" DESC NULLS LAST`, `"Sku"`, "C", "", []string{"DESC", "NULLS", "LAST"}},
		{"sku text_pattern_ops", "sku", "", "text_pattern_ops", nil},
		{"lower(sku) text_pattern_ops DESC", "lower(sku)", "", "text_pattern_ops", []string{"DESC"}},
		{"((a || 'x'::text)) COLLATE pg_catalog.\"default\"", "((a || 'x'::text))", "default", "", nil},
		{`public.f(a, b) COLLATE app."de_DE" app.my_ops(siglen=8)`, "public.f(a, b)", "app.de_DE", "app.my_ops", nil},
	} {
		head, collate, ops, words := elemTail(c.elem)
		assert.Equal(t, c.head, head, c.elem)
		assert.Equal(t, c.collate, collate, c.elem)
		assert.Equal(t, c.ops, ops, c.elem)
		assert.Equal(t, c.words, words, c.elem)
	}
}

func TestIndexElems(t *testing.T) {
	assert.Equal(t, []string{"last", "upper(first)", "((length(last) + 1))"},
		indexElems(`CREATE INDEX "odd (name" ON public.people USING btree (last, upper(first), ((length(last) + 1))) INCLUDE (x) WHERE (y > 0)`))
}

func TestWhenClause(t *testing.T) {
	def := `CREATE TRIGGER "WHEN (x)" AFTER UPDATE ON t FOR EACH ROW WHEN (old.a IS DISTINCT FROM new.a) EXECUTE FUNCTION f('WHEN (y)')`
	assert.Equal(t, "old.a IS DISTINCT FROM new.a", whenClause(def))
	assert.Equal(t, "", whenClause(`CREATE TRIGGER t AFTER INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION f('WHEN (y)')`))
}

func TestUnquoteName(t *testing.T) {
	assert.Equal(t, "C", unquoteName(`"C"`))
	assert.Equal(t, `a.b"c`, unquoteName(`a."b""c"`))
}
