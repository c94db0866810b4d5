package sqlsupport_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

func TestPartitionsLoad(t *testing.T) {
	sql := `CREATE TABLE ev (id int NOT NULL, d date NOT NULL, n numeric, k text, ts timestamptz,
  CONSTRAINT ck CHECK (id > 0), PRIMARY KEY (id, d)) PARTITION BY RANGE (d);
CREATE TABLE ev_2024 PARTITION OF ev (CONSTRAINT own CHECK (id < 10), UNIQUE (k)) FOR VALUES FROM ('2024-1-1') TO (maxvalue)
  PARTITION BY LIST (k);
CREATE TABLE ev_2024_a PARTITION OF ev_2024 FOR VALUES IN ('a', NULL);
CREATE TABLE ev_old PARTITION OF ev FOR VALUES FROM (MINVALUE) TO ('2024-01-01'::date);
CREATE TABLE ev_def PARTITION OF ev (k WITH OPTIONS DEFAULT 'x') DEFAULT;
CREATE INDEX ev_old_k ON ev_old (k);
CREATE TABLE loose (id int NOT NULL, d date NOT NULL, n numeric, k text, ts timestamptz, CONSTRAINT ck CHECK (id > 0), PRIMARY KEY (id, d));
ALTER TABLE ev DETACH PARTITION ev_def;
ALTER TABLE ev ATTACH PARTITION loose DEFAULT;`
	l := load(sql)
	assert.Equal(t, []string{
		"warning sql-not-modelled: Not part of the schema model, ignored: column options of a partition @ CREATE TABLE ev_def PARTITION OF ev (k WITH OPTIONS DEFAULT 'x') DEFAULT",
	}, diags(l, "x.sql", sql))
	s := l.Realm.Schema("public")
	p := s.Table("ev_2024")
	require.NotNil(t, p)
	assert.Equal(t, &schema.PartitionOf{Schema: "public", Table: "ev", Bound: "FOR VALUES FROM ('2024-01-01') TO (MAXVALUE)"}, p.PartitionOf)
	assert.Empty(t, p.Columns, "a partition's columns are its parent's")
	assert.Equal(t, []string{"own"}, names(p.Checks))
	assert.Equal(t, "ev_2024_k_key", p.Indexes[0].Name)
	assert.Equal(t, "LIST", p.Partition.Type)
	assert.Equal(t, "FOR VALUES IN ('a', NULL)", s.Table("ev_2024_a").PartitionOf.Bound)
	assert.Equal(t, "FOR VALUES FROM (MINVALUE) TO ('2024-01-01')", s.Table("ev_old").PartitionOf.Bound)
	assert.Equal(t, "ev_old_k", s.Table("ev_old").Indexes[0].Name)

	// Detached, a partition has its parent's columns and clones of its
	// keys and checks; attached, a table loses what it shares with it.
	d := s.Table("ev_def")
	assert.Nil(t, d.PartitionOf)
	assert.Len(t, d.Columns, 5)
	assert.Equal(t, "ev_def_pkey", d.PrimaryKey.Name)
	assert.Equal(t, []string{"ck"}, names(d.Checks))
	a := s.Table("loose")
	assert.Equal(t, &schema.PartitionOf{Schema: "public", Table: "ev", Bound: "DEFAULT"}, a.PartitionOf)
	assert.Empty(t, a.Columns)
	assert.Nil(t, a.PrimaryKey)
	assert.Empty(t, a.Checks)

	// Dropping the parent drops its partitions.
	l = load(sql + ";\nDROP TABLE ev")
	assert.Len(t, l.Realm.Schema("public").Tables, 1)
}

func TestPartitionReplayErrors(t *testing.T) {
	sql := `CREATE TABLE t (a int);
CREATE TABLE p (a int) PARTITION BY LIST (a);
CREATE TABLE c1 PARTITION OF nope FOR VALUES IN (1);
CREATE TABLE c2 PARTITION OF t FOR VALUES IN (1);
CREATE TABLE c3 PARTITION OF p (UNIQUE (b)) FOR VALUES IN (1);
CREATE TABLE other (a int, b int);
ALTER TABLE p ATTACH PARTITION other FOR VALUES IN (2);
ALTER TABLE p DETACH PARTITION t;
ALTER TABLE c3 ADD COLUMN z int`
	l := load(sql)
	assert.Equal(t, []string{
		`error sql-replay: Table "nope" does not exist @ CREATE TABLE c1 PARTITION OF nope FOR VALUES IN (1)`,
		`error sql-replay: Table "t" is not partitioned @ CREATE TABLE c2 PARTITION OF t FOR VALUES IN (1)`,
		`error sql-replay: Column "b" named in key c3_b_key does not exist in table "c3" @ CREATE TABLE c3 PARTITION OF p (UNIQUE (b)) FOR VALUES IN (1)`,
		`error sql-replay: Table "other" has column "b", which its parent "p" has not @ ALTER TABLE p ATTACH PARTITION other FOR VALUES IN (2)`,
		`error sql-replay: Table "t" is not a partition of "p" @ ALTER TABLE p DETACH PARTITION t`,
		`error sql-replay: Cannot change the columns of partition "c3": they are its parent's @ ALTER TABLE c3 ADD COLUMN z int`,
	}, diags(l, "x.sql", sql))
}

func TestNormalizeBound(t *testing.T) {
	typ := func(name string) schema.Type {
		ty, ok := schema.ParseSQLType(name)
		require.True(t, ok, name)
		return ty
	}
	for _, c := range []struct {
		bound string
		key   []schema.Type
		want  string
	}{
		{"for values from ('2024-01-01') to ('2024-02-01')", []schema.Type{typ("date")}, "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')"},
		{"FOR VALUES IN (1,2)", []schema.Type{typ("int")}, "FOR VALUES IN (1, 2)"},
		{"FOR VALUES IN (-4, +5, '7')", []schema.Type{typ("integer")}, "FOR VALUES IN ('-4', 5, 7)"},
		{"FOR VALUES IN (3, 1)", []schema.Type{typ("bigint")}, "FOR VALUES IN ('3', '1')"},
		{"FOR VALUES FROM (1.50) TO (1000)", []schema.Type{typ("numeric")}, "FOR VALUES FROM (1.50) TO ('1000')"},
		{"FOR VALUES IN ('a', 'it''s', 12)", []schema.Type{typ("text")}, "FOR VALUES IN ('a', 'it''s', '12')"},
		{"FOR VALUES IN (true, 'f')", []schema.Type{typ("bool")}, "FOR VALUES IN (true, false)"},
		{"for values from (minvalue, 1) to (10, MaxValue)", []schema.Type{typ("int"), typ("int")}, "FOR VALUES FROM (MINVALUE, 1) TO (10, MAXVALUE)"},
		{"FOR VALUES WITH (MODULUS 4, REMAINDER 0)", []schema.Type{typ("int")}, "FOR VALUES WITH (modulus 4, remainder 0)"},
		{"default", nil, "DEFAULT"},
		{"FOR VALUES FROM ('2024-01-01') TO ('2024-01-01 10:30:00.500')", []schema.Type{typ("timestamp")}, "FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-01-01 10:30:00.5')"},
		{"FOR VALUES FROM ('2024-03-01 00:00:00+02') TO ('2024-03-02T00:00:00Z')", []schema.Type{typ("timestamptz")}, "FOR VALUES FROM ('2024-02-29 22:00:00+00') TO ('2024-03-02 00:00:00+00')"},
		{"FOR VALUES IN ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')", []schema.Type{typ("uuid")}, "FOR VALUES IN ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"},
		{"FOR VALUES FROM (0) TO (10)", nil, "FOR VALUES FROM (0) TO (10)"},
	} {
		got, ok := sqlsupport.NormalizeBound(c.bound, c.key)
		assert.True(t, ok, c.bound)
		assert.Equal(t, c.want, got, c.bound)
	}
	for _, bad := range []string{"", "FOR VALUES", "IN (1)", "FOR VALUES IN (1) PARTITION BY LIST (a)", "DEFAULT; DROP TABLE x"} {
		_, ok := sqlsupport.NormalizeBound(bad, nil)
		assert.False(t, ok, bad)
	}
}

func names(checks []*schema.Check) []string {
	var out []string
	for _, c := range checks {
		out = append(out, c.Name)
	}
	return out
}

func TestPartitionColumnSettings(t *testing.T) {
	sql := `CREATE TABLE p (a int, b text) PARTITION BY LIST (a);
CREATE TABLE c PARTITION OF p FOR VALUES IN (1);
ALTER TABLE c ALTER COLUMN b SET DEFAULT 'x';
COMMENT ON COLUMN c.b IS 'mine';
ALTER TABLE c ALTER COLUMN zz SET DEFAULT 1`
	l := load(sql)
	assert.Equal(t, []string{
		`warning sql-not-modelled: Not part of the schema model, ignored: column settings of a partition @ ALTER TABLE c ALTER COLUMN b SET DEFAULT 'x'`,
		`warning sql-not-modelled: Not part of the schema model, ignored: COMMENT ON COLUMN of a partition (its columns are its parent's) @ COMMENT ON COLUMN c.b IS 'mine'`,
		`error sql-replay: Column "zz" of table "c" does not exist @ ALTER TABLE c ALTER COLUMN zz SET DEFAULT 1`,
	}, diags(l, "x.sql", sql))
}
