package hclschema

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

// TestWritePairs writes the realm of each testdata/sqlmodel archive, as
// the HCL decoder reads its HCL and as the SQL loader reads its SQL, and
// checks that the HCL written parses, validates and decodes without
// diagnostics to an equal realm, and that writing that realm again gives
// the same text.
func TestWritePairs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "sqlmodel", "*.txtar"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(paths), 70, "pairs")
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			var files []*File
			var sources []sqlsupport.Source
			for _, f := range ar.Files {
				switch filepath.Ext(f.Name) {
				case ".hcl":
					files = append(files, Parse(f.Name, f.Data))
				case ".sql":
					sources = append(sources, sqlsupport.Source{Name: f.Name, Text: string(f.Data)})
				}
			}
			require.NotEmpty(t, files)
			require.NotEmpty(t, sources)
			t.Run("hcl", func(t *testing.T) {
				dec := Decode(files)
				for name, diags := range dec.Diags {
					require.Empty(t, diags, "decoding %s", name)
				}
				roundTrip(t, dec.Realm)
			})
			t.Run("sql", func(t *testing.T) {
				loaded := sqlsupport.Load(sources...)
				for name, diags := range loaded.Diags {
					require.Empty(t, diags, "loading %s", name)
				}
				roundTrip(t, loaded.Realm)
			})
		})
	}
}

// roundTrip writes realm and checks what the HCL decodes to; it returns
// the HCL.
func roundTrip(t *testing.T, realm *schema.Realm) string {
	t.Helper()
	out := Write(realm)
	back := readBack(t, out)
	if d := schema.Diff(realm, back); d != "" {
		t.Errorf("the realm written (-) and the one read back (+) differ:\n%s\nHCL:\n%s", d, out)
	}
	assert.Equal(t, string(out), string(Write(back)), "writing what was read back")
	return string(out)
}

// readBack parses, validates and decodes written HCL, which must have no
// diagnostics.
func readBack(t *testing.T, out []byte) *schema.Realm {
	t.Helper()
	f := Parse("written.hcl", out)
	assert.Empty(t, f.Diags, "syntax of\n%s", out)
	assert.Empty(t, Validate(f, spec.SchemaFile), "validating\n%s", out)
	dec := Decode([]*File{f})
	for _, diags := range dec.Diags {
		assert.Empty(t, diags, "decoding\n%s", out)
	}
	return dec.Realm
}

// load loads SQL into a realm, with no diagnostics.
func load(t *testing.T, sql string) *schema.Realm {
	t.Helper()
	loaded := sqlsupport.Load(sqlsupport.Source{Name: "schema.sql", Text: sql})
	for name, diags := range loaded.Diags {
		require.Empty(t, diags, "loading %s", name)
	}
	return loaded.Realm
}

// TestWriteEscapes: ${ and %{ in strings, labels and heredocs are
// escaped, not interpolated; quotes and backslashes survive.
func TestWriteEscapes(t *testing.T) {
	realm := load(t, `
CREATE TABLE "${t}" (
  a text DEFAULT '${x} %{y} $${z} $$$',
  b text DEFAULT 'line1
line2 "q" \ ',
  c text CHECK (c <> '${c}')
);
COMMENT ON TABLE "${t}" IS 'costs $5 ${not} "quoted" \ back\slash';
CREATE VIEW v AS
SELECT a,
       '${a}' AS b, '%{' AS pct, '\n' AS nl
  FROM "${t}";
`)
	out := roundTrip(t, realm)
	assert.Contains(t, out, `table "$${t}" {`)
	assert.Contains(t, out, `default = "$${x} %%{y} $$${z} $$$"`)
	assert.Contains(t, out, `default = "line1\nline2 \"q\" \\ "`)
	assert.Contains(t, out, `expr = "c <> '$${c}'"`)
	assert.Contains(t, out, `comment = "costs $5 $${not} \"quoted\" \\ back\\slash"`)
	assert.Contains(t, out, "       '$${a}' AS b, '%%{' AS pct, '\\n' AS nl\n")
}

// TestWriteHeredoc: SQL over several lines is a heredoc indented to its
// block, keeping the SQL's own indentation, blank lines, lines of white
// space and tabs; a line reading SQL changes the delimiter.
func TestWriteHeredoc(t *testing.T) {
	body := "BEGIN\n\tIF NEW.x IS NULL THEN\n\n    RETURN NULL;\n  \n\tEND IF;\n/*\nSQL\n*/\n  RETURN NEW;\nEND"
	realm := load(t, "CREATE TABLE t (x int, CHECK (x > 0\n  AND x < 10));\n"+
		"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$"+body+"$$;\n"+
		"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW WHEN (NEW.x IS NOT NULL\n  AND NEW.x > 1) EXECUTE FUNCTION f();\n")
	out := roundTrip(t, realm)
	assert.Contains(t, out, "    expr = <<-SQL\n    x > 0\n      AND x < 10\n    SQL\n")
	assert.Contains(t, out, "  as     = <<-SQL1\n  BEGIN\n  \tIF NEW.x IS NULL THEN\n\n      RETURN NULL;\n  \n  \tEND IF;\n  /*\n  SQL\n  */\n    RETURN NEW;\n  END\n  SQL1\n")
	assert.Contains(t, out, "  when = <<-SQL\n  NEW.x IS NOT NULL\n    AND NEW.x > 1\n  SQL\n")
	// What is not trimmed, or holds a carriage return, stays quoted.
	assert.Equal(t, `"a\r\nb"`, string(sqlText("a\r\nb", 1).Bytes()))
	assert.Equal(t, `" a\nb"`, string(sqlText(" a\nb", 1).Bytes()))
}

// TestWriteTypeReferences: user types are references, qualified when
// their name is in several schemas or in another schema than the
// object's; arrays of them, and types HCL words cannot say, are sql("…").
func TestWriteTypeReferences(t *testing.T) {
	realm := load(t, `
CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TYPE a.color AS ENUM ('red');
CREATE TYPE b.color AS ENUM ('blue');
CREATE TYPE b.mood AS ENUM ('ok');
CREATE DOMAIN pct AS int;
CREATE TYPE pair AS (x int, y "char");
CREATE TABLE b.t (
  c1 a.color, c2 b.color, m b.mood, p public.pct, pr public.pair,
  ms b.mood[], cs a.color[], ch "char", chs "char"[], n numeric(10,2)[], v varchar(5),
  ts timestamp(3) with time zone, bits bit varying(4), d double precision
);
CREATE TABLE pt (m b.mood, p pct);
`)
	out := roundTrip(t, realm)
	for _, want := range []string{
		"type = enum.a.color\n", "type = enum.b.color\n", "type = enum.mood\n", "type = domain.public.pct\n",
		"type = composite.public.pair\n", `type = sql("b.mood[]")`, `type = sql("a.color[]")`,
		`type = sql("\"char\"")`, `type = sql("\"char\"[]")`, `type = sql("numeric(10,2)[]")`,
		"type = varchar(5)\n", "type = timestamptz(3)\n", "type = varbit(4)\n", "type = double_precision\n",
		"type = enum.b.mood\n", "type = domain.pct\n",
	} {
		assert.Contains(t, out, want)
	}
}

// TestWriteQuotedNames: names are labels as they are, escaped; a name
// that is not an HCL identifier is referenced by index, as Atlas does.
func TestWriteQuotedNames(t *testing.T) {
	realm := load(t, `
CREATE SCHEMA "My Schema";
CREATE TYPE "My Schema"."Mood" AS ENUM ('ok');
CREATE TABLE "My Schema"."Order Items" (
  "Item ID" int PRIMARY KEY,
  "qty-x" int,
  "say ""hi""" text,
  "1st" int,
  mood "My Schema"."Mood",
  UNIQUE ("say ""hi""", "1st")
);
CREATE INDEX ON "My Schema"."Order Items" ("Item ID" DESC, "qty-x");
CREATE SEQUENCE "My Schema".s OWNED BY "My Schema"."Order Items"."Item ID";
CREATE TABLE "for" (
  "null" int REFERENCES "My Schema"."Order Items" ("Item ID"),
  moods "My Schema"."Mood"[]
);
CREATE FUNCTION "My Schema"."touch it"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Touch" BEFORE UPDATE OF "qty-x", "1st" ON "My Schema"."Order Items" FOR EACH ROW EXECUTE FUNCTION "My Schema"."touch it"();
`)
	out := roundTrip(t, realm)
	for _, want := range []string{
		`table "Order Items" {`, `schema = schema["My Schema"]`, `column "say \"hi\"" {`,
		`type = enum.Mood`, `columns = [column["say \"hi\""], column["1st"]]`,
		`column = column["Item ID"]`, `column = column.qty-x`,
		`owner  = table["Order Items"].column["Item ID"]`,
		`ref_columns = [table["My Schema"]["Order Items"].column["Item ID"]]`,
		`type = sql("\"My Schema\".\"Mood\"[]")`, `table "for" {`, `column "null" {`,
		`update_of = [column.qty-x, column["1st"]]`, `function = function["touch it"]`,
		`on = table["Order Items"]`, `function "touch it" {`,
	} {
		assert.Contains(t, out, want)
	}
}

// TestWriteInexpressible: what Atlas HCL has no place for is a comment,
// and the rest still reads back without diagnostics.
func TestWriteInexpressible(t *testing.T) {
	realm := sqlsupport.Load(sqlsupport.Source{Name: "schema.sql", Text: `
CREATE TABLE t (a text, b int);
CREATE INDEX t_a ON t (a COLLATE "C" DESC, lower(a) COLLATE "POSIX");
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
CREATE INDEX mv_a ON mv (a);
CREATE TABLE p1 (a text) PARTITION BY LIST (a COLLATE "C");
CREATE TABLE p2 (a text) PARTITION BY RANGE (a text_pattern_ops);
`}).Realm
	out := Write(realm)
	assert.Contains(t, string(out), `expr = "a COLLATE \"C\""`)
	assert.Contains(t, string(out), `expr = "(lower(a)) COLLATE \"POSIX\""`)
	back := readBack(t, out)
	ix := back.Schema("public").Table("t").Indexes[0]
	assert.Equal(t, []*schema.IndexPart{{Expr: `a COLLATE "C"`, Desc: true}, {Expr: `(lower(a)) COLLATE "POSIX"`}}, ix.Parts)
	// A materialized view loaded from SQL without a column list declares
	// no columns for its indexes to name.
	assert.Contains(t, string(out), "# column a is not declared by the view\n      expr = \"a\"")
	assert.Equal(t, []*schema.IndexPart{{Expr: "a"}}, back.Schema("public").Views[0].Indexes[0].Parts)
	// Partition key parts: a collation makes an expression, an operator
	// class is left out.
	assert.Contains(t, string(out), "# collation C: Atlas HCL has no collate for partition key parts\n      expr = \"a COLLATE \\\"C\\\"\"")
	assert.Contains(t, string(out), "# operator class text_pattern_ops: Atlas HCL has no place for it\n      column = column.a")
	assert.Equal(t, []schema.IndexPart{{Expr: `a COLLATE "C"`}}, back.Schema("public").Table("p1").Partition.Parts)
	assert.Equal(t, []schema.IndexPart{{Column: "a"}}, back.Schema("public").Table("p2").Partition.Parts)
}

// TestWriteEverything round-trips one schema with every object and
// option the model keeps.
func TestWriteEverything(t *testing.T) {
	realm := load(t, `
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA app VERSION '1.3';
CREATE TYPE app.status AS ENUM ('new', 'done');
COMMENT ON TYPE app.status IS 'states';
CREATE DOMAIN app.posint AS bigint NOT NULL DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0) CHECK (VALUE < 1000000);
CREATE TYPE app.money2 AS (amount numeric(12,2), cur char(3) COLLATE "C");
CREATE SEQUENCE app.counter AS integer INCREMENT BY -2 MINVALUE -1000 MAXVALUE 50 START WITH 40 CACHE 10 CYCLE;
COMMENT ON SEQUENCE app.counter IS 'counts down';
CREATE TABLE app.accounts (
  id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 10 MAXVALUE 1000000 CACHE 5),
  code text NOT NULL,
  balance numeric(12,2) NOT NULL DEFAULT -1.5,
  ratio real DEFAULT 0.25,
  active boolean NOT NULL DEFAULT true,
  created timestamptz NOT NULL DEFAULT now(),
  status app.status NOT NULL DEFAULT 'new',
  price app.money2,
  tags text[] DEFAULT '{}',
  during tstzrange,
  doubled bigint GENERATED ALWAYS AS (id * 2) STORED,
  CONSTRAINT accounts_pk PRIMARY KEY (id) INCLUDE (code),
  CONSTRAINT code_unique UNIQUE NULLS NOT DISTINCT (code) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT sane CHECK (balance > -100),
  CONSTRAINT base_only CHECK (ratio < 1) NO INHERIT,
  EXCLUDE USING gist (during WITH &&, (id + 0) WITH =) INCLUDE (code) WHERE (active) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE app.accounts IS 'accounts';
COMMENT ON COLUMN app.accounts.code IS 'the code';
COMMENT ON CONSTRAINT sane ON app.accounts IS 'not too negative';
COMMENT ON CONSTRAINT code_unique ON app.accounts IS 'one per code';
CREATE UNIQUE INDEX accounts_lower ON app.accounts USING btree (lower(code) DESC NULLS LAST, created NULLS FIRST, code text_pattern_ops, code varchar_ops) INCLUDE (ratio) WHERE (active AND balance > 0);
CREATE INDEX accounts_tags ON app.accounts USING gin (tags);
CREATE INDEX accounts_code_nnd ON app.accounts (code) NULLS NOT DISTINCT;
COMMENT ON INDEX app.accounts_tags IS 'tag search';
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
ALTER SEQUENCE app.counter OWNED BY app.accounts.id;
CREATE TABLE app.entries (
  account bigint NOT NULL,
  at date NOT NULL,
  amount numeric NOT NULL,
  CONSTRAINT entries_account_fkey FOREIGN KEY (account) REFERENCES app.accounts (id) MATCH FULL ON UPDATE SET NULL ON DELETE SET DEFAULT (account) DEFERRABLE INITIALLY DEFERRED
) PARTITION BY RANGE (at, (amount > 0));
CREATE UNLOGGED TABLE app.scratch (n int);
COMMENT ON CONSTRAINT entries_account_fkey ON app.entries IS 'owner';
CREATE TABLE app.kinds (k int NOT NULL) PARTITION BY LIST (k);
CREATE POLICY own ON app.accounts AS RESTRICTIVE FOR DELETE TO CURRENT_USER, "Admins", SESSION_USER USING (active) WITH CHECK (balance >= 0);
CREATE VIEW app.active AS SELECT id, code FROM app.accounts WHERE active WITH CASCADED CHECK OPTION;
COMMENT ON VIEW app.active IS 'active ones';
CREATE MATERIALIZED VIEW app.totals (status, n) AS SELECT status, count(*)::bigint FROM app.accounts GROUP BY status;
CREATE VIEW app.consts (one, two) AS SELECT 1, lower('x');
CREATE UNIQUE INDEX totals_status ON app.totals (status);
CREATE FUNCTION app.add(a int, b int DEFAULT -1, c text DEFAULT 'x', d numeric DEFAULT 2.5, e boolean DEFAULT false, f int[] DEFAULT ARRAY[1]) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE SECURITY DEFINER AS 'SELECT a + b';
COMMENT ON FUNCTION app.add(int, int, text, numeric, boolean, int[]) IS 'adds';
CREATE FUNCTION app.add(a text) RETURNS SETOF text LANGUAGE sql STABLE PARALLEL RESTRICTED AS $$ SELECT a $$;
CREATE FUNCTION app.pairs(n int, OUT x int, OUT y int) RETURNS SETOF record LANGUAGE sql AS 'SELECT 1, 2';
CREATE FUNCTION app.rows() RETURNS TABLE (id bigint, label text) LANGUAGE sql AS 'SELECT 1::bigint, ''a''';
CREATE FUNCTION app.py() RETURNS int LANGUAGE plpython3u AS 'return 1';
CREATE PROCEDURE app.reset(INOUT n int, VARIADIC rest int[]) LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  n := 0;
END
$$;
COMMENT ON PROCEDURE app.reset(int, int[]) IS 'resets';
CREATE FUNCTION app.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER audit_accounts AFTER INSERT OR DELETE OR UPDATE OF code, ratio ON app.accounts
  FOR EACH ROW WHEN (NEW.active) EXECUTE FUNCTION app.audit('a', 'b c');
CREATE TRIGGER audit_view INSTEAD OF UPDATE ON app.active FOR EACH ROW EXECUTE FUNCTION app.audit();
COMMENT ON TRIGGER audit_accounts ON app.accounts IS 'audits';
COMMENT ON POLICY own ON app.accounts IS 'owners only';
`)
	out := roundTrip(t, realm)
	for _, want := range []string{
		`generated = BY_DEFAULT`, `start     = 100`, `increment = 10`, `default = -1.5`, `default = 0.25`,
		`default = sql("now()")`, `default = "new"`, `type = enum.status`, `increment = -2`, `cycle     = true`,
		`owner     = table.accounts.column.id`, `nulls_distinct = false`, `deferrable = INITIALLY_DEFERRED`,
		`nulls_last = true`, `nulls_first = true`, `ops    = text_pattern_ops`, `ops    = varchar_ops`, `on_update         = SET_NULL`,
		`check_option = CASCADED`, `return_set = text`, `lang   = "plpython3u"`, `to      = ["Admins", CURRENT_USER, SESSION_USER]`,
		`args     = ["a", "b c"]`, `update_of = [column.code, column.ratio]`, `on = view.active`,
		`primary_key "accounts_pk" {`, `type    = numeric(12, 2)`, `type    = char(3)`,
		"# type unknown: the source does not say it\n    type = null\n",
		`unlogged = true`, `max_value = 1000000`, `cache     = 5`, `no_inherit = true`, `match             = FULL`,
		`on_delete_columns = [column.account]`,
	} {
		assert.Contains(t, out, want)
	}
}

// TestWriteSharedNames: tables, functions and types of one name in
// several schemas take two labels and qualified references; triggers and
// policies of one name on several tables are each written.
func TestWriteSharedNames(t *testing.T) {
	realm := load(t, `
CREATE SCHEMA a;
CREATE TABLE a.t (id int PRIMARY KEY, tenant int);
CREATE TABLE public.t (id int PRIMARY KEY, a_id int REFERENCES a.t, tenant int);
CREATE TABLE u (t_id int REFERENCES t);
CREATE FUNCTION a.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER audit AFTER INSERT ON a.t FOR EACH ROW EXECUTE FUNCTION a.audit();
CREATE TRIGGER audit AFTER INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION a.audit();
CREATE TRIGGER audit AFTER INSERT ON u FOR EACH ROW EXECUTE FUNCTION audit();
CREATE POLICY tenant ON a.t USING (tenant = 1);
CREATE POLICY tenant ON public.t USING (tenant = 2);
`)
	out := roundTrip(t, realm)
	for _, want := range []string{
		`table "a" "t" {`, `table "public" "t" {`, `ref_columns = [table.a.t.column.id]`, `ref_columns = [table.public.t.column.id]`,
		`function "a" "audit" {`, `function = function.a.audit`, `function = function.public.audit`, `on = table.a.t`,
		`on    = table.public.t`, `on = table.u`,
	} {
		assert.Contains(t, out, want)
	}
}
