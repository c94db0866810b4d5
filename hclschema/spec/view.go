package spec

// View is a PostgreSQL view.
var View = &Block{
	Type:      "view",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A view (`CREATE VIEW`): a stored query that can be read like a table. Its `column` blocks describe the query's output.",
	Attrs: []*Attr{
		required(inSchema("view")),
		required(attr("as", "The view's defining query (`AS SELECT …`).", sqlText(SQLQuery))),
		attr("check_option", "For updatable views, rejects inserted or updated rows the view would not show (`WITH … CHECK OPTION`): `LOCAL` checks this view's condition only, `CASCADED` also those of the views below it.", consts("LOCAL", "CASCADED")),
		attr("security_barrier", "Makes the view a security barrier (`WITH (security_barrier)`): the view's own conditions are applied before any function of the query reading it, so a leaky function cannot see rows the view hides. Not in Atlas's HCL: a schema-ls attribute.", boolean),
		attr("security_invoker", "Checks access to the tables the view reads as the user querying it rather than the view's owner, row-level security included (`WITH (security_invoker)`, PostgreSQL 15+). Not in Atlas's HCL: a schema-ls attribute.", boolean),
		comment("view"),
		dependsOn(),
		forEach(),
	},
	Blocks: []*Block{
		viewColumn("view"),
	},
}

// Materialized is a PostgreSQL materialized view.
var Materialized = &Block{
	Type:      "materialized",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A materialized view (`CREATE MATERIALIZED VIEW`): a query whose result is stored and brought up to date with `REFRESH MATERIALIZED VIEW`. Unlike views, it can have indexes.",
	Attrs: []*Attr{
		required(inSchema("materialized view")),
		required(attr("as", "The materialized view's defining query (`AS SELECT …`).", sqlText(SQLQuery))),
		comment("materialized view"),
		dependsOn(),
		forEach(),
	},
	Blocks: []*Block{
		viewColumn("materialized view"),
		indexBlock("materialized view"),
	},
}

// viewColumn is an output column of a view or materialized view.
func viewColumn(of string) *Block {
	return &Block{
		Type:   "column",
		Labels: []string{"name"},
		Doc:    "An output column of the " + of + "'s query, as PostgreSQL reports it.",
		Attrs: []*Attr{
			typeOf("The column's data type, as produced by the query."),
			attr("null", "Whether the column may hold nulls.", boolean),
			comment("column"),
		},
	}
}
