package spec

// Schema is a PostgreSQL schema (namespace).
var Schema = &Block{
	Type:   "schema",
	Labels: []string{"name"},
	Doc:    "A schema (`CREATE SCHEMA`): the namespace that tables, views, types and routines belong to, referenced from them as `schema.<name>`.",
	Attrs: []*Attr{
		nameOverride("schema"),
		comment("schema"),
		forEach(),
	},
}

// Enum is a PostgreSQL enum type.
var Enum = &Block{
	Type:      "enum",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "An enum type (`CREATE TYPE … AS ENUM`): a fixed, ordered list of text labels. Columns use it as `type = enum.<name>`.",
	Attrs: []*Attr{
		required(inSchema("type")),
		required(attr("values", "The enum's labels, in sort order.", strList)),
		nameOverride("type"),
		comment("type"),
		forEach(),
	},
}

// Domain is a PostgreSQL domain type.
var Domain = &Block{
	Type:      "domain",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A domain (`CREATE DOMAIN`): an existing type narrowed by constraints and given a default. Columns use it as `type = domain.<name>`.",
	Attrs: []*Attr{
		required(inSchema("domain")),
		typeOf("The underlying data type the domain is based on."),
		attr("null", "Whether the domain admits nulls; `false` adds `NOT NULL`.", boolean),
		sqlDefault("The default for columns of this domain that have none of their own; `sql(\"…\")` for an expression."),
		nameOverride("domain"),
		comment("domain"),
		forEach(),
	},
	Blocks: []*Block{
		checkBlock("A `CHECK` constraint on the domain's values; the expression names the value `VALUE`.", "value"),
	},
}

// Composite is a PostgreSQL composite type.
var Composite = &Block{
	Type:      "composite",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A composite type (`CREATE TYPE … AS (…)`): a row-like record of named fields. Columns use it as `type = composite.<name>`.",
	Attrs: []*Attr{
		required(inSchema("type")),
		nameOverride("type"),
		comment("type"),
		forEach(),
	},
	Blocks: []*Block{
		{
			Type:     "field",
			Labels:   []string{"name"},
			Required: true,
			Doc:      "A field of the composite type, in order.",
			Attrs: []*Attr{
				typeOf("The field's data type."),
				attr("collate", "The collation of a text field (`COLLATE`).", str),
			},
		},
	},
}

// Sequence is a PostgreSQL sequence.
var Sequence = &Block{
	Type:      "sequence",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A sequence (`CREATE SEQUENCE`): a counter that hands out numbers through `nextval`. Sequences made implicitly for `serial` and identity columns are not written as blocks.",
	Attrs: []*Attr{
		required(inSchema("sequence")),
		attr("type", "The sequence's integer type: `smallint`, `integer` or `bigint` (the default).", columnType),
		attr("start", "The first value returned (`START WITH`).", number),
		attr("increment", "The step added for each new value; negative steps count down (`INCREMENT BY`).", number),
		attr("min_value", "The lowest value the sequence may reach (`MINVALUE`).", number),
		attr("max_value", "The highest value the sequence may reach (`MAXVALUE`).", number),
		attr("cache", "How many values each session allocates ahead of time (`CACHE`).", number),
		attr("cycle", "Wraps around to the other end when the limit is reached instead of failing (`CYCLE`).", boolean),
		attr("owner", "The column that owns the sequence (`OWNED BY`), such as `table.users.column.id`; dropping the column drops the sequence.", ref("column")),
		comment("sequence"),
		forEach(),
	},
}

// Extension is a PostgreSQL extension.
var Extension = &Block{
	Type:   "extension",
	Labels: []string{"name"},
	Doc:    "An extension (`CREATE EXTENSION`), such as `pgcrypto` or `postgis`, installed once per database.",
	Attrs: []*Attr{
		attr("schema", "The schema the extension's objects are installed into, for extensions that can be relocated.", ref("schema")),
		attr("version", "The version to install; the default version of the extension when omitted.", str),
		nameOverride("extension"),
		attr("comment", "The extension's comment (`COMMENT ON EXTENSION`); the extension's own description stands when omitted.", str),
		attr("depends_on", "Other extensions that must be installed before this one.", refs("extension")),
		forEach(),
	},
}
