package sqlsupport_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

func load(sql string) *sqlsupport.Loaded {
	return sqlsupport.Load(sqlsupport.Source{Name: "x.sql", Text: sql})
}

// diags prints a source's diagnostics as "severity code: message @ text".
func diags(l *sqlsupport.Loaded, name, text string) []string {
	var out []string
	for _, d := range l.Diags[name] {
		out = append(out, fmt.Sprintf("%s %s: %s @ %s", d.Severity, d.Code, d.Message, text[d.Range.Start:d.Range.End]))
	}
	return out
}

// at is the range of the n-th (0-based) occurrence of sub in text.
func at(t *testing.T, text, sub string, n int) source.Range {
	t.Helper()
	off := 0
	for range n {
		i := strings.Index(text[off:], sub)
		require.GreaterOrEqual(t, i, 0, "occurrence of %q", sub)
		off += i + len(sub)
	}
	i := strings.Index(text[off:], sub)
	require.GreaterOrEqual(t, i, 0, "occurrence of %q", sub)
	return source.Range{Start: off + i, End: off + i + len(sub)}
}

func TestUnmodelledStatementsWarn(t *testing.T) {
	sql := `CREATE ROLE app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app;
SET search_path = public;
CREATE TABLE t (id int);
INSERT INTO t VALUES (1);
DO $$ BEGIN END $$;
CREATE TABLE t2 AS SELECT * FROM t;
CREATE TEMP TABLE scratch (a int);
CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f();
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app;
COMMENT ON EXTENSION plpgsql IS 'x';
SELECT 1`
	l := load(sql)
	assert.Equal(t, []string{
		"warning sql-not-modelled: CREATE ROLE statements are not part of the schema model; ignored @ CREATE ROLE app",
		"warning sql-not-modelled: GRANT statements are not part of the schema model; ignored @ GRANT SELECT ON ALL TABLES IN SCHEMA public TO app",
		"warning sql-not-modelled: SET statements are not part of the schema model; ignored @ SET search_path = public",
		"warning sql-not-modelled: INSERT statements are not part of the schema model; ignored @ INSERT INTO t VALUES (1)",
		"warning sql-not-modelled: DO statements are not part of the schema model; ignored @ DO $$ BEGIN END $$",
		"warning sql-not-modelled: CREATE TABLE … AS statements are not part of the schema model; ignored @ CREATE TABLE t2 AS SELECT * FROM t",
		"warning sql-not-modelled: CREATE TEMPORARY TABLE statements are not part of the schema model; ignored @ CREATE TEMP TABLE scratch (a int)",
		"warning sql-not-modelled: CREATE EVENT TRIGGER statements are not part of the schema model; ignored @ CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()",
		"warning sql-not-modelled: ALTER DEFAULT PRIVILEGES statements are not part of the schema model; ignored @ ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app",
		"warning sql-not-modelled: COMMENT ON EXTENSION plpgsql statements are not part of the schema model; ignored @ COMMENT ON EXTENSION plpgsql IS 'x'",
		"warning sql-not-modelled: SELECT statements are not part of the schema model; ignored @ SELECT 1",
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	require.NotNil(t, s)
	assert.Len(t, s.Tables, 1, "only t is a table of the model")
}

func TestUnmodelledClausesWarn(t *testing.T) {
	sql := `CREATE UNLOGGED TABLE t (a int, b int REFERENCES t2 (x) MATCH FULL) WITH (fillfactor = 70) TABLESPACE fast;
CREATE TABLE t2 (x int PRIMARY KEY);
ALTER TABLE t OWNER TO bob, ALTER COLUMN a SET STATISTICS 100;
CREATE FUNCTION f() RETURNS int LANGUAGE sql COST 5 SET search_path = public SET work_mem FROM CURRENT AS 'SELECT 1';
CREATE AGGREGATE a(int8) (SFUNC = int8inc_any, STYPE = int8, SSPACE = 8, MSFUNC = int8inc_any, MINVFUNC = int8dec_any, MSTYPE = int8);
CREATE AGGREGATE o(ORDER BY int) (SFUNC = array_append, STYPE = int[]);`
	l := load(sql)
	assert.Equal(t, []string{
		"warning sql-not-modelled: Not part of the schema model, ignored: WITH (…) storage parameters, TABLESPACE @ " + strings.Split(sql, ";")[0],
		"warning sql-not-modelled: Not part of the schema model, ignored: OWNER TO bob, ALTER COLUMN a SET STATISTICS 100 @ ALTER TABLE t OWNER TO bob, ALTER COLUMN a SET STATISTICS 100",
		"warning sql-not-modelled: Not part of the schema model, ignored: SET work_mem FROM CURRENT @ CREATE FUNCTION f() RETURNS int LANGUAGE sql COST 5 SET search_path = public SET work_mem FROM CURRENT AS 'SELECT 1'",
		"warning sql-not-modelled: Not part of the schema model, ignored: SSPACE, MSFUNC, MINVFUNC, MSTYPE @ CREATE AGGREGATE a(int8) (SFUNC = int8inc_any, STYPE = int8, SSPACE = 8, MSFUNC = int8inc_any, MINVFUNC = int8dec_any, MSTYPE = int8)",
		"warning sql-not-modelled: Ordered-set CREATE AGGREGATE statements are not part of the schema model; ignored @ CREATE AGGREGATE o(ORDER BY int) (SFUNC = array_append, STYPE = int[])",
	}, diags(l, "x.sql", sql))
	assert.NotNil(t, l.Realm.Schema("public").Table("t"), "the table is loaded all the same")
	f := l.Realm.Schema("public").Funcs[0]
	assert.Equal(t, []schema.FuncConfig{{Name: "search_path", Value: "public"}}, f.Config, "the SET modelled is kept")
	assert.Equal(t, 5.0, f.Cost)
}

func TestSyntaxErrorsPerStatement(t *testing.T) {
	sql := "CREATE TABLE a (id int);\nCREATE TABLE b (id int,);\nCREATE TABLE c (id int);\nCREATE TABLEE d ();\n"
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-syntax: syntax error at or near ")" @ CREATE TABLE b (id int,)`,
		`error sql-syntax: syntax error at or near "TABLEE" @ CREATE TABLEE d ()`,
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	require.NotNil(t, s)
	assert.NotNil(t, s.Table("a"))
	assert.NotNil(t, s.Table("c"))
	// Positions after a broken statement are still offsets into the file.
	assert.Equal(t, at(t, sql, "CREATE TABLE c (id int)", 0), s.Table("c").Pos.Range)
	assert.Equal(t, at(t, sql, "id int", 2), s.Table("c").Columns[0].Pos.Range)
}

func TestUnterminatedString(t *testing.T) {
	sql := "CREATE TABLE a (id int);\nCREATE TABLE b (s text DEFAULT 'oops);\n"
	l := load(sql)
	got := diags(l, "x.sql", sql)
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "error sql-syntax: unterminated quoted string")
	assert.Contains(t, got[0], "@ CREATE TABLE b (s text DEFAULT 'oops);")
	assert.NotNil(t, l.Realm.Schema("public").Table("a"))
}

func TestReplayErrors(t *testing.T) {
	sql := `CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE a (id int);
CREATE TABLE IF NOT EXISTS a (id int);
CREATE TABLE b (a_id int REFERENCES a, ghost_id int REFERENCES ghost);
ALTER TABLE missing ADD COLUMN x int;
ALTER TABLE IF EXISTS missing ADD COLUMN x int;
ALTER TABLE a DROP COLUMN nope;
ALTER TABLE a DROP COLUMN id;
DROP TABLE a;
DROP VIEW a;
DROP INDEX gone;
CREATE INDEX ON nowhere (x);
CREATE TABLE s2.t (id int);
CREATE TYPE e AS ENUM ('x');
CREATE TYPE e AS ENUM ('y');
ALTER TYPE e ADD VALUE 'x';
ALTER TYPE e ADD VALUE 'z' BEFORE 'nope';
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE TRIGGER t BEFORE INSERT ON nowhere FOR EACH ROW EXECUTE FUNCTION f();`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Relation "a" already exists in schema "public" @ CREATE TABLE a (id int)`,
		`error sql-replay: Foreign key b_ghost_id_fkey references table "ghost", which does not exist @ REFERENCES ghost`,
		`error sql-replay: Relation "missing" does not exist @ ALTER TABLE missing ADD COLUMN x int`,
		`error sql-replay: Column "nope" of table "a" does not exist @ ALTER TABLE a DROP COLUMN nope`,
		`error sql-replay: Cannot drop column "id" of "a": foreign key b_a_id_fkey depends on it (use CASCADE) @ ALTER TABLE a DROP COLUMN id`,
		`error sql-replay: Cannot drop table "a": foreign key b_a_id_fkey depends on it (use CASCADE) @ DROP TABLE a`,
		`error sql-replay: "a" is a table, not a view @ DROP VIEW a`,
		`error sql-replay: Index "gone" does not exist @ DROP INDEX gone`,
		`error sql-replay: Relation "nowhere" does not exist @ CREATE INDEX ON nowhere (x)`,
		`error sql-replay: Schema "s2" does not exist @ CREATE TABLE s2.t (id int)`,
		`error sql-replay: Type "e" already exists in schema "public" @ CREATE TYPE e AS ENUM ('y')`,
		`error sql-replay: Enum "e" has a value "x" already @ ALTER TYPE e ADD VALUE 'x'`,
		`error sql-replay: Enum "e" has no value "nope" @ ALTER TYPE e ADD VALUE 'z' BEFORE 'nope'`,
		`error sql-replay: Routine f() already exists in schema "public" @ CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2'`,
		`error sql-replay: Table or view "nowhere" does not exist @ CREATE TRIGGER t BEFORE INSERT ON nowhere FOR EACH ROW EXECUTE FUNCTION f()`,
	}, diags(l, "x.sql", sql))
	a := l.Realm.Schema("public").Table("a")
	require.NotNil(t, a, "refused drops leave the table")
	assert.NotNil(t, a.Column("id"))
}

func TestReplayAcrossSources(t *testing.T) {
	first := "CREATE TABLE t (id int);\nCREATE VIEW v AS SELECT id FROM t;\n"
	second := "ALTER TABLE t ADD COLUMN name text NOT NULL DEFAULT 'x';\nDROP VIEW v;\nCREATE OR REPLACE VIEW w AS SELECT name FROM t;\nALTER TABLE nope ADD COLUMN a int;\n"
	l := sqlsupport.Load(sqlsupport.Source{Name: "1.sql", Text: first}, sqlsupport.Source{Name: "2.sql", Text: second})
	assert.Empty(t, l.Diags["1.sql"])
	assert.Equal(t, []string{`error sql-replay: Relation "nope" does not exist @ ALTER TABLE nope ADD COLUMN a int`}, diags(l, "2.sql", second))
	s := l.Realm.Schema("public")
	tbl := s.Table("t")
	require.NotNil(t, tbl)
	name := tbl.Column("name")
	require.NotNil(t, name)
	assert.Equal(t, "2.sql", name.Pos.File, "a column keeps the source that added it")
	assert.Equal(t, at(t, second, "name text NOT NULL DEFAULT 'x'", 0), name.Pos.Range)
	assert.Equal(t, schema.Pos{File: "2.sql", Range: at(t, second, "'x'", 0)}, name.Default.Pos)
	require.Len(t, s.Views, 1)
	assert.Equal(t, "w", s.Views[0].Name)
	assert.Equal(t, "1.sql", tbl.Pos.File)
}

func TestPositions(t *testing.T) {
	sql := `-- the café table
CREATE TABLE café (
  id int CONSTRAINT café_pk PRIMARY KEY,
  owner int NOT NULL REFERENCES café (id) ON DELETE CASCADE,
  total numeric DEFAULT 0 CHECK (total >= 0),
  CONSTRAINT total_cap CHECK (total < 100)
);
CREATE INDEX café_owner ON café (owner);`
	l := load(sql)
	require.Empty(t, l.Diags)
	tbl := l.Realm.Schema("public").Table("café")
	require.NotNil(t, tbl)
	r := func(sub string) source.Range { return at(t, sql, sub, 0) }
	assert.Equal(t, schema.Pos{File: "x.sql", Range: r(strings.Split(sql[r("CREATE TABLE").Start:], ";")[0])}, tbl.Pos)
	assert.Equal(t, r("id int CONSTRAINT café_pk PRIMARY KEY"), tbl.Columns[0].Pos.Range)
	assert.Equal(t, r("CONSTRAINT café_pk PRIMARY KEY"), tbl.PrimaryKey.Pos.Range)
	assert.Equal(t, r("REFERENCES café (id) ON DELETE CASCADE"), tbl.ForeignKeys[0].Pos.Range)
	assert.Equal(t, r("0"), tbl.Column("total").Default.Pos.Range)
	require.Len(t, tbl.Checks, 2)
	assert.Equal(t, r("CHECK (total >= 0)"), tbl.Checks[0].Pos.Range)
	assert.Equal(t, r("CONSTRAINT total_cap CHECK (total < 100)"), tbl.Checks[1].Pos.Range)
	assert.Equal(t, r("CREATE INDEX café_owner ON café (owner)"), tbl.Indexes[0].Pos.Range)
}

func TestForwardTypeReference(t *testing.T) {
	// PostgreSQL wants the type first; the loader resolves it anyway.
	l := load("CREATE TABLE t (m mood, ms mood[]);\nCREATE TYPE mood AS ENUM ('a');\nCREATE TABLE u (x unknown_ext_type(3));")
	require.Empty(t, l.Diags)
	s := l.Realm.Schema("public")
	assert.Equal(t, schema.Type{UserKind: "enum", UserSchema: "public", Name: "mood"}, s.Table("t").Columns[0].Type)
	assert.Equal(t, schema.Type{UserKind: "enum", UserSchema: "public", Name: "mood", Array: 1}, s.Table("t").Columns[1].Type)
	assert.Equal(t, schema.Type{Raw: "unknown_ext_type(3)"}, s.Table("u").Columns[0].Type)
}

func TestPublicOnlyWhenUsed(t *testing.T) {
	l := load("CREATE SCHEMA app; CREATE TABLE app.t (id int);")
	require.Empty(t, l.Diags)
	require.Len(t, l.Realm.Schemas, 1)
	assert.Equal(t, "app", l.Realm.Schemas[0].Name)
	l = load("CREATE SCHEMA app; CREATE TABLE t (id int);")
	assert.NotNil(t, l.Realm.Schema("public"))
}

func TestReplaceKeepsAttachments(t *testing.T) {
	sql := `CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER v_ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();
COMMENT ON VIEW v IS 'kept';
CREATE OR REPLACE VIEW v AS SELECT id, id + 1 AS next FROM t;
CREATE VIEW v AS SELECT 1;`
	l := load(sql)
	assert.Equal(t, []string{`error sql-replay: Relation "v" already exists in schema "public" @ CREATE VIEW v AS SELECT 1`}, diags(l, "x.sql", sql))
	v := l.Realm.Schema("public").Views[0]
	assert.Equal(t, "SELECT id, id + 1 AS next FROM t", v.Def)
	assert.Equal(t, "kept", v.Comment)
	require.Len(t, v.Triggers, 1)
	assert.Equal(t, at(t, sql, "CREATE OR REPLACE VIEW v AS SELECT id, id + 1 AS next FROM t", 0), v.Pos.Range)
}

func TestDropCascades(t *testing.T) {
	sql := `CREATE TYPE e AS ENUM ('a');
CREATE TABLE t (id int PRIMARY KEY, k e, other int);
CREATE TABLE r (t_id int REFERENCES t);
CREATE FUNCTION uses_e(x e) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
DROP TYPE e;
DROP FUNCTION trg();
DROP TYPE e CASCADE;
DROP FUNCTION trg() CASCADE;
ALTER TABLE t DROP CONSTRAINT t_pkey;
ALTER TABLE t DROP CONSTRAINT t_pkey CASCADE;`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Cannot drop type "e": other objects use it (use CASCADE) @ DROP TYPE e`,
		`error sql-replay: Cannot drop function "trg": a trigger executes it (use CASCADE) @ DROP FUNCTION trg()`,
		`error sql-replay: Cannot drop constraint "t_pkey" of "t": foreign key r_t_id_fkey depends on it (use CASCADE) @ ALTER TABLE t DROP CONSTRAINT t_pkey`,
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	tbl := s.Table("t")
	assert.Nil(t, tbl.Column("k"), "CASCADE drops the column of the type")
	assert.Empty(t, tbl.Triggers)
	assert.Nil(t, tbl.PrimaryKey)
	assert.Empty(t, s.Table("r").ForeignKeys)
	assert.Empty(t, s.Enums)
	require.Len(t, s.Funcs, 0, "the function using the type and the trigger function are gone")
}

func TestIdentityAndSerialNullability(t *testing.T) {
	l := load("CREATE TABLE t (a serial, b int GENERATED BY DEFAULT AS IDENTITY, c int, d int NULL);")
	require.Empty(t, l.Diags)
	cols := l.Realm.Schema("public").Table("t").Columns
	assert.False(t, cols[0].Null)
	assert.False(t, cols[1].Null)
	assert.True(t, cols[2].Null)
	assert.True(t, cols[3].Null)
	assert.Equal(t, &schema.Identity{Always: false, Start: 1, Increment: 1}, cols[1].Identity)
}

func TestIndexPartCollation(t *testing.T) {
	l := load(`CREATE TABLE t (name text); CREATE INDEX t_name ON t (name COLLATE "C" DESC NULLS LAST);`)
	require.Empty(t, l.Diags)
	p := l.Realm.Schema("public").Table("t").Indexes[0].Parts[0]
	assert.Equal(t, "C", p.Collate)
	assert.True(t, p.Desc)
	require.NotNil(t, p.NullsFirst)
	assert.False(t, *p.NullsFirst)
}

// FuzzLoad checks that loading never fails on a statement, whatever the
// text.
func FuzzLoad(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "sqlmodel", "*.txtar"))
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		require.NoError(f, err)
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".sql") {
				f.Add(string(file.Data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, sql string) {
		l := load(sql)
		for _, d := range l.Diags["x.sql"] {
			if d.Code == sqlsupport.CodeInternal {
				t.Fatalf("%s @ %q", d.Message, sql[d.Range.Start:d.Range.End])
			}
			require.LessOrEqual(t, d.Range.End, len(sql))
			require.LessOrEqual(t, d.Range.Start, d.Range.End)
		}
	})
}

func TestPsqlMetaCommands(t *testing.T) {
	sql := "\\connect app\nCREATE TABLE t (id int);\n  \\set ON_ERROR_STOP on\nCREATE TABLE u (id int);\n"
	l := load(sql)
	assert.Equal(t, []string{
		`warning sql-not-modelled: psql meta-commands (\connect) are not SQL; ignored @ \connect app`,
		`warning sql-not-modelled: psql meta-commands (\set) are not SQL; ignored @ \set ON_ERROR_STOP on`,
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	require.NotNil(t, s.Table("t"))
	assert.Equal(t, at(t, sql, "CREATE TABLE u (id int)", 0), s.Table("u").Pos.Range)
}

func TestSchemaElementPositions(t *testing.T) {
	sql := "CREATE SCHEMA app\n  CREATE TABLE a (id int)\n  CREATE VIEW v AS SELECT id FROM a;"
	l := load(sql)
	require.Empty(t, l.Diags)
	s := l.Realm.Schema("app")
	require.NotNil(t, s)
	assert.Equal(t, at(t, sql, strings.TrimSuffix(sql, ";"), 0), s.Pos.Range, "the statement, without its semicolon")
	assert.Equal(t, at(t, sql, "CREATE TABLE a (id int)", 0), s.Table("a").Pos.Range)
	require.Len(t, s.Views, 1)
	assert.Equal(t, "SELECT id FROM a", s.Views[0].Def)
	assert.Equal(t, at(t, sql, "CREATE VIEW v AS SELECT id FROM a", 0), s.Views[0].Pos.Range)
	assert.Nil(t, l.Realm.Schema("public"))
}

func TestDuplicateKeysDropped(t *testing.T) {
	// PostgreSQL keeps one index for equal key constraints, the primary
	// key first, and names what is left.
	l := load("CREATE TABLE t (a int UNIQUE, b int, UNIQUE (a), PRIMARY KEY (a), UNIQUE (b), CONSTRAINT b_uq UNIQUE (b));")
	require.Empty(t, l.Diags)
	tbl := l.Realm.Schema("public").Table("t")
	assert.Equal(t, "t_pkey", tbl.PrimaryKey.Name)
	require.Len(t, tbl.Indexes, 1)
	assert.Equal(t, "b_uq", tbl.Indexes[0].Name, "a named duplicate names the original")
}

func TestKeyAndReferenceChecks(t *testing.T) {
	sql := `CREATE TABLE p (id int, code text, UNIQUE (code));
CREATE TABLE c (a int, b int, PRIMARY KEY (nope), FOREIGN KEY (a, b) REFERENCES p (id, code), FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (code));
ALTER TABLE c ADD UNIQUE (ghost);`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Column "nope" named in key c_pkey does not exist in table "c" @ CREATE TABLE c (a int, b int, PRIMARY KEY (nope), FOREIGN KEY (a, b) REFERENCES p (id, code), FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (code))`,
		`error sql-replay: Foreign key c_a_b_fkey references p(id, code), which has no primary key or unique constraint on these columns @ FOREIGN KEY (a, b) REFERENCES p (id, code)`,
		`error sql-replay: Foreign key c_a_fkey references p(id), which has no primary key or unique constraint on these columns @ FOREIGN KEY (a) REFERENCES p (id)`,
		`error sql-replay: Column "ghost" named in key c_ghost_key does not exist in table "c" @ ALTER TABLE c ADD UNIQUE (ghost)`,
	}, diags(l, "x.sql", sql))
}

func TestDeferrableKeysNotReferenced(t *testing.T) {
	// PostgreSQL refuses a foreign key whose referenced key is deferrable.
	// The table referenced before it is declared is checked once loaded.
	sql := `CREATE TABLE early (a int REFERENCES p);
CREATE TABLE p (id int PRIMARY KEY DEFERRABLE, code text UNIQUE DEFERRABLE, alt text UNIQUE);
CREATE TABLE c (a int REFERENCES p, b text REFERENCES p (code), d text REFERENCES p (alt));`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Foreign key early_a_fkey references the primary key of "p", which is deferrable: a foreign key needs a key checked immediately @ REFERENCES p`,
		`error sql-replay: Foreign key c_a_fkey references p(id), whose key on these columns is deferrable: a foreign key needs a key checked immediately @ REFERENCES p`,
		`error sql-replay: Foreign key c_b_fkey references p(code), whose key on these columns is deferrable: a foreign key needs a key checked immediately @ REFERENCES p (code)`,
	}, diags(l, "x.sql", sql))
}

func TestLoadCustomDelimiter(t *testing.T) {
	text := "-- atlas:delimiter -- end\n\nCREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND\n-- end\nCREATE TABLE t (\n  id int\n)\n-- end\n"
	l := sqlsupport.Load(sqlsupport.Source{Name: "m.sql", Text: text})
	assert.Empty(t, l.Diags["m.sql"])
	s := l.Realm.Schema("public")
	require.NotNil(t, s)
	require.NotNil(t, s.Table("t"), "the statement after a -- end delimiter loads")
	require.Len(t, s.Funcs, 1)
	assert.Equal(t, "CREATE TABLE t", text[s.Table("t").Pos.Range.Start:s.Table("t").Pos.Range.Start+14], "positions are the file's")
}

// TestOnDeleteSetColumnsOfKey: ON DELETE SET NULL (…) may name only
// columns of the key, as PostgreSQL requires.
func TestOnDeleteSetColumnsOfKey(t *testing.T) {
	sql := `CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (a int, b int, x int, FOREIGN KEY (a, b) REFERENCES p ON DELETE SET NULL (x))`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Column "x" referenced in ON DELETE SET action must be part of foreign key @ ` + strings.Split(sql, ";\n")[1],
	}, diags(l, "x.sql", sql))
}
