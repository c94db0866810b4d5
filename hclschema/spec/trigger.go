package spec

// Trigger is a PostgreSQL trigger on a table or view.
var Trigger = &Block{
	Type:      "trigger",
	Labels:    []string{"name"},
	Exclusive: [][]string{{"for", "foreach"}},
	OneOf:     [][]string{{"before", "after", "instead_of"}, {"as", "execute"}},
	Doc:       "A trigger (`CREATE TRIGGER`): runs a function when rows of a table or view are inserted, updated, deleted or truncated. Give exactly one of `before`, `after` or `instead_of`, and an `execute` block.",
	Attrs: []*Attr{
		required(attr("on", "The table or view the trigger is attached to.", ref("table", "view"))),
		attr("for", "Whether the function runs once per affected row (`ROW`) or once per statement (`STATEMENT`, the default).", consts("ROW", "STATEMENT")),
		attr("foreach", "Another spelling of `for`: `ROW` or `STATEMENT` (`FOR EACH …`). Use one of the two.", consts("ROW", "STATEMENT")),
		attr("when", "A condition that must hold for the function to run (`WHEN (…)`); row triggers may use `OLD` and `NEW`.", sqlText(SQLExpression)),
		attr("from", "For constraint triggers, the other table the constraint refers to (`FROM`).", ref("table")),
		attr("constraint", "Makes it a constraint trigger (`CREATE CONSTRAINT TRIGGER`): an `after` trigger `for = ROW` whose firing can be deferred with `deferrable`; `from` makes one too. Not in Atlas's HCL: a schema-ls attribute.", boolean),
		attr("deferrable", "Makes a constraint trigger `DEFERRABLE`: it fires at the end of the statement (`INITIALLY_IMMEDIATE`) or of the transaction (`INITIALLY_DEFERRED`) unless changed with `SET CONSTRAINTS`. Not in Atlas's HCL: a schema-ls attribute.", consts("INITIALLY_IMMEDIATE", "INITIALLY_DEFERRED")),
		attr("as", "An inline trigger body, for databases whose triggers carry their own code; PostgreSQL triggers use an `execute` block instead.", sqlText(SQLStatements)),
		comment("trigger"),
		forEach(),
	},
	Blocks: []*Block{
		triggerTiming("before", "Fires before the operation, so a row trigger can change or skip the row (`BEFORE`)."),
		triggerTiming("after", "Fires after the operation has completed (`AFTER`)."),
		triggerTiming("instead_of", "Replaces the operation on a view with the function's work (`INSTEAD OF`); only for row triggers on views."),
		{
			Type:   "execute",
			Unique: true,
			OneOf:  [][]string{{"function", "procedure"}},
			Doc:    "What the trigger runs (`EXECUTE FUNCTION`): a function returning `trigger`, with optional constant arguments.",
			Attrs: []*Attr{
				attr("function", "The trigger function to run; use either `function` or `procedure`.", ref("function")),
				attr("procedure", "The routine to run, given as a `procedure` block reference (the older `EXECUTE PROCEDURE` spelling); use either `function` or `procedure`.", ref("procedure")),
				attr("args", "Constant string arguments passed to the function, read in it through `TG_ARGV`.", strList),
			},
		},
		{
			Type: "referencing",
			Doc:  "Names the transition tables of an `AFTER` trigger (`REFERENCING`), which hold the rows the statement changed.",
			Attrs: []*Attr{
				attr("old_table", "The name under which the rows before the change can be queried (`OLD TABLE AS`).", str),
				attr("new_table", "The name under which the rows after the change can be queried (`NEW TABLE AS`).", str),
			},
		},
	},
}

// triggerTiming is a before/after/instead_of block of a trigger.
func triggerTiming(typ, doc string) *Block {
	return &Block{
		Type:      typ,
		Unique:    true,
		Exclusive: [][]string{{"update", "update_of"}},
		AnyOf:     [][]string{{"insert", "update", "update_of", "delete", "truncate"}},
		Doc:       doc + " Set to `true` each event that fires it.",
		Attrs: []*Attr{
			attr("insert", "Fires on `INSERT`.", boolean),
			attr("update", "Fires on any `UPDATE`; use either this or `update_of`.", boolean),
			attr("update_of", "Fires on an `UPDATE` that targets one of these columns (`UPDATE OF`).", refs("column")),
			attr("delete", "Fires on `DELETE`.", boolean),
			attr("truncate", "Fires on `TRUNCATE` (statement-level triggers only).", boolean),
		},
	}
}

// EventTrigger is a PostgreSQL event trigger.
var EventTrigger = &Block{
	Type:   "event_trigger",
	Labels: []string{"name"},
	Doc:    "An event trigger (`CREATE EVENT TRIGGER`): runs a function on database-wide events such as DDL commands, rather than on a table's rows.",
	Attrs: []*Attr{
		required(attr("on", "The event that fires it: `ddl_command_start`, `ddl_command_end`, `table_rewrite` or `sql_drop`.", consts("ddl_command_start", "ddl_command_end", "table_rewrite", "sql_drop"), str)),
		required(attr("execute", "The function to run; it must return `event_trigger`.", ref("function"))),
		attr("tags", "Limits the trigger to these command tags, such as `\"CREATE TABLE\"` (`WHEN TAG IN (…)`).", strList),
		comment("event trigger"),
		forEach(),
	},
}
