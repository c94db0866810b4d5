package spec

// Table is a PostgreSQL table with its columns, keys, indexes and constraints.
var Table = &Block{
	Type:      "table",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A table (`CREATE TABLE`): its columns, keys, indexes, constraints and options. Two labels (`table \"schema\" \"name\"`) qualify tables of the same name in different schemas.",
	Attrs: []*Attr{
		required(inSchema("table")),
		comment("table"),
		dependsOn(),
		forEach(),
		attr("unlogged", "Makes the table `UNLOGGED`: its writes skip the write-ahead log, so it is faster but emptied after a crash and not replicated. Not in Atlas's HCL: a schema-ls attribute.", boolean),
		attr("partition_of", "Makes the table a partition of a partitioned table, such as `table.events` (`CREATE TABLE … PARTITION OF`), with the bound `partition_bound`. It has its parent's columns, keys, indexes and checks, so it declares no `column` blocks; what is its own it declares as any table. Not in Atlas's HCL: a schema-ls attribute.", ref("table")),
		attr("partition_bound", "The bound of a partition (`partition_of`), as in SQL: `\"FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')\"` for a `RANGE` parent (`MINVALUE` and `MAXVALUE` for no bound), `\"FOR VALUES IN (1, 2)\"` for `LIST`, `\"FOR VALUES WITH (modulus 4, remainder 0)\"` for `HASH`, or `\"DEFAULT\"` for the rows no other partition takes. Not in Atlas's HCL: a schema-ls attribute.", str),
	},
	Blocks: []*Block{
		tableColumn,
		primaryKey,
		indexBlock("table"),
		uniqueBlock,
		foreignKey,
		tableCheck,
		excludeBlock,
		partitionBlock,
		rowSecurity,
	},
}

var tableColumn = &Block{
	Type:   "column",
	Labels: []string{"name"},
	Doc:    "A column of the table, with its type, nullability, default and generation.",
	Attrs: []*Attr{
		typeOf("The column's data type: a built-in type such as `int` or `varchar(255)`, a reference to an enum, domain or composite type, or `sql(\"…\")`."),
		attr("null", "Whether the column accepts `NULL`; `false` adds `NOT NULL`. Columns are nullable when it is omitted.", boolean),
		sqlDefault("The column's `DEFAULT`: a literal, or `sql(\"…\")` for an expression such as `sql(\"now()\")`."),
		comment("column"),
		attr("collate", "The collation of a text column (`COLLATE`), such as `\"C\"` or `\"en_US\"`.", str),
		attr("as", "Makes this a generated column (`GENERATED ALWAYS AS (…) STORED`) computed from the SQL expression. Use either this attribute or an `as` block.", sqlText(SQLExpression)),
		{
			Name:   "auto_increment",
			Values: []Value{boolean},
			Doc:    "A MySQL and SQLite attribute. PostgreSQL has no `AUTO_INCREMENT`: use an `identity` block or a `serial` type.",
			Warn:   "auto_increment has no effect in PostgreSQL: use an identity block (or a serial type) to number rows",
		},
	},
	Blocks: []*Block{
		{
			Type:   "identity",
			Unique: true,
			Doc:    "Makes the column an identity column (`GENERATED … AS IDENTITY`), filled from an implicit sequence.",
			Attrs: []*Attr{
				attr("generated", "`ALWAYS` rejects explicit values unless overridden; `BY_DEFAULT` uses the sequence only when no value is given.", consts("ALWAYS", "BY_DEFAULT")),
				attr("start", "The first value the identity sequence produces; its minimum (or maximum, counting down) when omitted.", number),
				attr("increment", "The step between consecutive identity values.", number),
				attr("min_value", "The sequence's `MINVALUE`; 1 counting up, the type's minimum counting down, when omitted. Not in Atlas's `identity` block (its `sequence` block has it): a schema-ls attribute.", number),
				attr("max_value", "The sequence's `MAXVALUE`; the type's maximum counting up, -1 counting down, when omitted. Not in Atlas's `identity` block (its `sequence` block has it): a schema-ls attribute.", number),
				attr("cache", "How many values the sequence allocates ahead (`CACHE`); 1 when omitted. Not in Atlas's `identity` block (its `sequence` block has it): a schema-ls attribute.", number),
				attr("cycle", "Wraps around at the bound instead of failing (`CYCLE`). Not in Atlas's `identity` block (its `sequence` block has it): a schema-ls attribute.", boolean),
			},
		},
		{
			Type:   "as",
			Unique: true,
			Doc:    "Makes the column a generated column computed from an expression over other columns of the row. Use either this block or the `as` attribute.",
			Attrs: []*Attr{
				required(attr("expr", "The SQL expression that computes the column's value.", sqlText(SQLExpression))),
				attr("type", "How the value is kept; PostgreSQL generated columns are `STORED` (computed on write).", consts("STORED")),
			},
		},
	},
}

var primaryKey = &Block{
	Type:           "primary_key",
	Labels:         []string{"name"},
	LabelsOptional: true,
	Unique:         true,
	Doc:            "The table's `PRIMARY KEY` constraint: columns that are unique and not null. The label, naming the constraint, may be omitted.",
	Attrs: []*Attr{
		required(attr("columns", "The columns that make up the key, in order.", refs("column"))),
		attr("include", "Extra columns stored in the key's index without being part of the key (`INCLUDE`).", refs("column")),
		indexType(),
		pagesPerRange(),
		deferrable("key"),
		comment("constraint"),
	},
}

var uniqueBlock = &Block{
	Type:   "unique",
	Labels: []string{"name"},
	Doc:    "A `UNIQUE` constraint: no two rows may have equal values in its columns.",
	Attrs: []*Attr{
		required(attr("columns", "The columns whose combined values must be unique.", refs("column"))),
		attr("include", "Extra columns stored in the constraint's index without being part of the key (`INCLUDE`).", refs("column")),
		nullsDistinct(),
		pagesPerRange(),
		deferrable("constraint"),
		comment("constraint"),
	},
}

var foreignKey = &Block{
	Type:   "foreign_key",
	Labels: []string{"name"},
	Doc:    "A `FOREIGN KEY` constraint: values in its columns must match a row of the referenced table.",
	Attrs: []*Attr{
		required(attr("columns", "The referencing columns of this table.", refs("column"))),
		required(attr("ref_columns", "The referenced columns, such as `table.users.column.id`, in the same order as `columns`.", refs("column"))),
		attr("on_update", "What happens to referencing rows when the referenced key changes (`ON UPDATE`).", consts(referenceActions...)),
		attr("on_delete", "What happens to referencing rows when the referenced row is deleted (`ON DELETE`).", consts(referenceActions...)),
		attr("on_delete_columns", "With `on_delete = SET_NULL` or `SET_DEFAULT`, the columns it sets, some of `columns` (`ON DELETE SET NULL (…)`, PostgreSQL 15+); all of them when omitted. Not in Atlas's HCL: a schema-ls attribute.", refs("column")),
		attr("match", "How a multicolumn key with nulls matches: `SIMPLE` (the default) lets any null column skip the check, `FULL` requires all columns null or none (`MATCH FULL`). Not in Atlas's HCL: a schema-ls attribute.", consts("SIMPLE", "FULL")),
		deferrable("constraint"),
		comment("constraint"),
	},
}

var excludeBlock = &Block{
	Type:   "exclude",
	Labels: []string{"name"},
	Doc:    "An `EXCLUDE` constraint: no two rows may satisfy all of its element/operator comparisons at once (for example, overlapping ranges).",
	Attrs: []*Attr{
		indexType(),
		attr("include", "Extra columns stored in the constraint's index (`INCLUDE`).", refs("column")),
		attr("where", "Restricts the constraint to the rows matching this predicate.", sqlText(SQLExpression)),
		nullsDistinct(),
		pagesPerRange(),
		deferrable("constraint"),
		comment("constraint"),
	},
	Blocks: []*Block{
		{
			Type:      "on",
			Required:  true,
			Exclusive: [][]string{{"column", "expr"}},
			Doc:       "One element of the exclusion constraint: a column or expression and the operator it is compared with.",
			Attrs: []*Attr{
				attr("column", "The column this element covers; use either `column` or `expr`.", ref("column")),
				attr("expr", "The SQL expression this element covers; use either `column` or `expr`.", sqlText(SQLExpression)),
				attr("op", "The operator two rows are compared with, such as `\"=\"` or `\"&&\"`.", str, rawSQL(SQLNone)),
				attr("desc", "Sorts the element in descending order in the index.", boolean),
			},
		},
	},
}

var partitionBlock = &Block{
	Type:      "partition",
	Unique:    true,
	Exclusive: [][]string{{"columns", "by"}},
	Doc:       "Makes the table partitioned (`PARTITION BY`): rows go to partitions by the values of its key.",
	Attrs: []*Attr{
		required(attr("type", "The partitioning strategy: by value ranges, lists of values or hash.", consts("RANGE", "LIST", "HASH"))),
		attr("columns", "The partition key columns; use either this or `by` blocks.", refs("column")),
	},
	Blocks: []*Block{
		{
			Type:      "by",
			Exclusive: [][]string{{"column", "expr"}},
			Doc:       "One part of the partition key: a column or an expression.",
			Attrs: []*Attr{
				attr("column", "A column of the partition key; use either `column` or `expr`.", ref("column")),
				attr("expr", "An SQL expression of the partition key; use either `column` or `expr`.", sqlText(SQLExpression)),
			},
		},
	},
}

var rowSecurity = &Block{
	Type:   "row_security",
	Unique: true,
	Doc:    "Row-level security settings of the table; the rules themselves are `policy` blocks.",
	Attrs: []*Attr{
		attr("enabled", "Turns row-level security on (`ENABLE ROW LEVEL SECURITY`).", boolean),
		attr("enforced", "Applies the policies to the table's owner too (`FORCE ROW LEVEL SECURITY`).", boolean),
	},
}

// tableCheck is a CHECK constraint of a table.
var tableCheck = func() *Block {
	b := checkBlock("A `CHECK` constraint: each row must make the expression true (or null).", "row")
	b.Attrs = append(b.Attrs, attr("no_inherit", "Makes the constraint `NO INHERIT`: it holds for this table but not for tables inheriting from it. Not in Atlas's HCL: a schema-ls attribute.", boolean))
	return b
}()

// checkBlock is a CHECK constraint of a table or a domain.
// what is what the expression is evaluated for ("row", "value").
func checkBlock(doc, what string) *Block {
	return &Block{
		Type:           "check",
		Labels:         []string{"name"},
		LabelsOptional: true,
		Doc:            doc + " The label, naming the constraint, may be omitted.",
		Attrs: []*Attr{
			required(attr("expr", "The boolean SQL expression every "+what+" must satisfy.", sqlText(SQLExpression))),
			comment("constraint"),
		},
	}
}

// indexBlock is an index of a table or a materialized view.
func indexBlock(of string) *Block {
	return &Block{
		Type:      "index",
		Labels:    []string{"name"},
		Exclusive: [][]string{{"columns", "on"}},
		Doc:       "An index on the " + of + " (`CREATE INDEX`), over columns (`columns`) or over `on` parts with ordering, expressions and operator classes.",
		Attrs: []*Attr{
			attr("columns", "The indexed columns, in order; use either this or `on` blocks.", refs("column")),
			attr("unique", "Makes it a unique index (`CREATE UNIQUE INDEX`).", boolean),
			indexType(),
			attr("where", "Makes it a partial index over the rows matching this predicate.", sqlText(SQLExpression)),
			attr("include", "Extra columns stored in the index without being part of the key (`INCLUDE`).", refs("column")),
			nullsDistinct(),
			pagesPerRange(),
			comment("index"),
		},
		Blocks: []*Block{
			{
				Type:      "on",
				Exclusive: [][]string{{"column", "expr"}, {"nulls_first", "nulls_last"}},
				Doc:       "One key part of the index: a column or an expression, with its sort order and operator class.",
				Attrs: []*Attr{
					attr("column", "The indexed column; use either `column` or `expr`.", ref("column")),
					attr("expr", "The indexed SQL expression, such as `\"lower(email)\"`; use either `column` or `expr`.", sqlText(SQLExpression)),
					attr("desc", "Sorts this part in descending order (`DESC`).", boolean),
					attr("nulls_first", "Sorts nulls before other values (`NULLS FIRST`).", boolean),
					attr("nulls_last", "Sorts nulls after other values (`NULLS LAST`).", boolean),
					attr("ops", "The operator class of this part, such as `jsonb_path_ops` or `gin_trgm_ops`; `sql(\"…\")` passes one with parameters.", consts(opClasses...), str, rawSQL(SQLNone)),
				},
			},
		},
	}
}

func indexType() *Attr {
	return attr("type", "The index access method (`USING`); B-tree when omitted.", consts("BTREE", "BRIN", "HASH", "GIN", "GIST", "SPGIST", "GiST", "SPGiST"), str)
}

func nullsDistinct() *Attr {
	return attr("nulls_distinct", "With `false`, nulls count as equal to each other for uniqueness (`NULLS NOT DISTINCT`, PostgreSQL 15+).", boolean)
}

func pagesPerRange() *Attr {
	return attr("page_per_range", "For BRIN indexes, the number of table pages summarized by each index entry (`pages_per_range`).", number)
}

func deferrable(what string) *Attr {
	return attr("deferrable", "Makes the "+what+" `DEFERRABLE`, checked at once (`INITIALLY_IMMEDIATE`) or at commit (`INITIALLY_DEFERRED`) unless changed with `SET CONSTRAINTS`.", consts("INITIALLY_IMMEDIATE", "INITIALLY_DEFERRED"))
}

// referenceActions are the referential actions of foreign keys.
var referenceActions = []string{"NO_ACTION", "RESTRICT", "CASCADE", "SET_NULL", "SET_DEFAULT"}

// opClasses are the operator classes Atlas accepts as bare words in index
// parts (core PostgreSQL, pg_trgm and PostGIS).
var opClasses = []string{
	"bit_minmax_ops", "box_inclusion_ops", "bpchar_bloom_ops", "bpchar_minmax_ops",
	"bytea_bloom_ops", "bytea_minmax_ops", "char_bloom_ops", "char_minmax_ops",
	"date_bloom_ops", "date_minmax_multi_ops", "date_minmax_ops", "float4_bloom_ops",
	"float4_minmax_multi_ops", "float4_minmax_ops", "float8_bloom_ops",
	"float8_minmax_multi_ops", "float8_minmax_ops", "inet_bloom_ops", "inet_inclusion_ops",
	"inet_minmax_multi_ops", "inet_minmax_ops", "int2_bloom_ops", "int2_minmax_multi_ops",
	"int2_minmax_ops", "int4_bloom_ops", "int4_minmax_multi_ops", "int4_minmax_ops",
	"int8_bloom_ops", "int8_minmax_multi_ops", "int8_minmax_ops", "interval_bloom_ops",
	"interval_minmax_multi_ops", "interval_minmax_ops", "macaddr8_bloom_ops",
	"macaddr8_minmax_multi_ops", "macaddr8_minmax_ops", "macaddr_bloom_ops",
	"macaddr_minmax_multi_ops", "macaddr_minmax_ops", "name_bloom_ops", "name_minmax_ops",
	"numeric_bloom_ops", "numeric_minmax_multi_ops", "numeric_minmax_ops", "oid_bloom_ops",
	"oid_minmax_multi_ops", "oid_minmax_ops", "pg_lsn_bloom_ops", "pg_lsn_minmax_multi_ops",
	"pg_lsn_minmax_ops", "range_inclusion_ops", "text_bloom_ops", "text_minmax_ops",
	"tid_bloom_ops", "tid_minmax_multi_ops", "tid_minmax_ops", "time_bloom_ops",
	"time_minmax_multi_ops", "time_minmax_ops", "timestamp_bloom_ops",
	"timestamp_minmax_multi_ops", "timestamp_minmax_ops", "timestamptz_bloom_ops",
	"timestamptz_minmax_multi_ops", "timestamptz_minmax_ops", "timetz_bloom_ops",
	"timetz_minmax_multi_ops", "timetz_minmax_ops", "uuid_bloom_ops", "uuid_minmax_multi_ops",
	"uuid_minmax_ops", "varbit_minmax_ops", "array_ops", "bit_ops", "bool_ops", "bpchar_ops",
	"bpchar_pattern_ops", "bytea_ops", "char_ops", "cidr_ops", "date_ops", "enum_ops",
	"float4_ops", "float8_ops", "inet_ops", "int2_ops", "int4_ops", "int8_ops", "interval_ops",
	"jsonb_ops", "macaddr8_ops", "macaddr_ops", "money_ops", "multirange_ops", "name_ops",
	"numeric_ops", "oid_ops", "oidvector_ops", "pg_lsn_ops", "range_ops", "record_image_ops",
	"record_ops", "text_ops", "text_pattern_ops", "tid_ops", "time_ops", "timestamp_ops",
	"timestamptz_ops", "timetz_ops", "tsquery_ops", "tsvector_ops", "uuid_ops", "varbit_ops",
	"varchar_ops", "varchar_pattern_ops", "xid8_ops", "jsonb_path_ops", "box_ops",
	"circle_ops", "point_ops", "poly_ops", "aclitem_ops", "cid_ops", "xid_ops", "kd_point_ops",
	"quad_point_ops", "gin_trgm_ops", "gist_trgm_ops", "btree_geography_ops",
	"btree_geometry_ops", "gist_geography_ops", "gist_geometry_ops_2d", "gist_geometry_ops_nd",
	"gist_geometry_ops_3d", "hash_geometry_ops", "brin_geography_inclusion_ops",
	"brin_geometry_inclusion_ops_2d", "brin_geometry_inclusion_ops_3d",
	"brin_geometry_inclusion_ops_4d", "spgist_geography_ops_nd", "spgist_geometry_ops_2d",
	"spgist_geometry_ops_3d", "spgist_geometry_ops_nd",
}
