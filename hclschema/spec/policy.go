package spec

// Policy is a PostgreSQL row-level security policy.
var Policy = &Block{
	Type:   "policy",
	Labels: []string{"name"},
	Doc:    "A row-level security policy (`CREATE POLICY`): decides which rows of a table each role may see or change. It has effect once the table enables `row_security`.",
	Attrs: []*Attr{
		required(attr("on", "The table the policy applies to.", ref("table"))),
		attr("as", "How the policy combines with others: `PERMISSIVE` policies (the default) are OR-ed together, `RESTRICTIVE` ones must all pass as well.", consts("PERMISSIVE", "RESTRICTIVE")),
		attr("for", "The commands the policy covers: `ALL` (the default), `SELECT`, `INSERT`, `UPDATE` or `DELETE`.", consts("ALL", "SELECT", "INSERT", "UPDATE", "DELETE")),
		attr("to", "The roles the policy applies to: role names as strings and the bare words `PUBLIC`, `CURRENT_ROLE`, `CURRENT_USER`, `SESSION_USER`. All roles when omitted.",
			Value{Kind: StringList, Consts: []string{"PUBLIC", "CURRENT_ROLE", "CURRENT_USER", "SESSION_USER"}}),
		attr("using", "The condition existing rows must meet to be visible, updated or deleted (`USING (…)`).", sqlText(SQLExpression)),
		attr("check", "The condition new or updated rows must meet (`WITH CHECK (…)`).", sqlText(SQLExpression)),
		comment("policy"),
		forEach(),
	},
}
