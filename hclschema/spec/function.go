package spec

// Function is a PostgreSQL function.
var Function = &Block{
	Exclusive: [][]string{{"return", "return_set", "return_table"}},
	Type:      "function",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A function (`CREATE FUNCTION`): its arguments, result, language and body. Functions may be overloaded, so several blocks can share a name with different arguments.",
	Attrs: []*Attr{
		required(inSchema("function")),
		required(routineLang("function")),
		required(attr("as", "The function body in its `lang`: a query or `BEGIN ATOMIC … END` for SQL, a `BEGIN … END;` block for PL/pgSQL.", sqlText(SQLBody))),
		attr("return", "The result type (`RETURNS`), such as `int`, `boolean` or `trigger`. Use one of `return`, `return_set` or a `return_table` block.", columnType),
		attr("return_set", "Makes the function return a set of rows of this type (`RETURNS SETOF`).", columnType),
		attr("volatility", "What the function may do, which lets the planner optimize calls: `IMMUTABLE` (same result for the same arguments), `STABLE` (same result within a statement) or `VOLATILE` (the default).", consts("VOLATILE", "STABLE", "IMMUTABLE")),
		attr("strict", "With `true`, the function returns null at once when any argument is null (`RETURNS NULL ON NULL INPUT`).", boolean),
		attr("leakproof", "Declares that the function reveals nothing about its arguments except through its result (`LEAKPROOF`); only superusers may set it.", boolean),
		routineSecurity(),
		parallelSafety("function"),
		attr("cost", "The planner's estimate of a call's cost (`COST`), in units of `cpu_operator_cost`; 100 (1 for C and internal functions) when omitted. Not in Atlas's HCL: a schema-ls attribute.", number),
		attr("rows", "The planner's estimate of how many rows a set-returning function returns (`ROWS`); 1000 when omitted. Not in Atlas's HCL: a schema-ls attribute.", number),
		comment("function"),
		dependsOn(),
		forEach(),
	},
	Blocks: []*Block{
		routineArg("function"),
		routineSet("function"),
		{
			Type:   "return_table",
			Unique: true,
			Doc:    "Makes the function return rows with the given columns (`RETURNS TABLE (…)`).",
			Blocks: []*Block{
				{
					Type:     "column",
					Labels:   []string{"name"},
					Required: true,
					Doc:      "An output column of the function's result rows.",
					Attrs: []*Attr{
						typeOf("The column's data type."),
					},
				},
			},
		},
	},
}

// Procedure is a PostgreSQL procedure.
var Procedure = &Block{
	Type:      "procedure",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "A procedure (`CREATE PROCEDURE`): a routine run with `CALL`, which returns no value and may commit or roll back transactions.",
	Attrs: []*Attr{
		required(inSchema("procedure")),
		required(routineLang("procedure")),
		required(attr("as", "The procedure body in its `lang`: SQL statements, or a `BEGIN … END;` block for PL/pgSQL.", sqlText(SQLBody))),
		routineSecurity(),
		comment("procedure"),
		dependsOn(),
		forEach(),
	},
	Blocks: []*Block{
		routineArg("procedure"),
		routineSet("procedure"),
	},
}

// Aggregate is a PostgreSQL aggregate function.
var Aggregate = &Block{
	Type:      "aggregate",
	Labels:    []string{"name"},
	Qualified: true,
	Doc:       "An aggregate function (`CREATE AGGREGATE`): folds a set of input rows into a single value by calling a state transition function once per row.",
	Attrs: []*Attr{
		required(inSchema("aggregate")),
		required(attr("state_type", "The type of the running state value (`STYPE`).", columnType)),
		required(aggFunc("state_func", "The state transition function called for each input row with the current state and the row's arguments (`SFUNC`).", "")),
		attr("initial_value", "The state's starting value (`INITCOND`), as the text of a value of `state_type`; without it the state starts as null.", str, number, boolean, rawSQL(SQLExpression)),
		aggFunc("final_func", "The function that computes the result from the final state (`FINALFUNC`); without it the result is the state.", aggExtra),
		aggFunc("combine_func", "The function that merges two partial states, which lets the aggregate run in parallel (`COMBINEFUNC`).", aggExtra),
		attr("sort_op", "The sort operator, such as `\"<\"`, that makes the aggregate a min or max the planner can answer from an index (`SORTOP`)."+aggExtra, str),
		parallelSafety("aggregate"),
		comment("aggregate"),
		dependsOn(),
		forEach(),
	},
	Blocks: []*Block{
		routineArg("aggregate"),
	},
}

// routineArg is an argument of a function, procedure or aggregate.
func routineArg(of string) *Block {
	return &Block{
		Type:           "arg",
		Labels:         []string{"name"},
		LabelsOptional: true,
		Doc:            "An argument of the " + of + ", in order. The label is the argument's name and may be omitted for an unnamed argument.",
		Attrs: []*Attr{
			typeOf("The argument's data type."),
			attr("mode", "How the argument passes data: `IN` (the default), `OUT`, `INOUT`, or `VARIADIC` for a trailing array of any number of values.", consts("IN", "OUT", "INOUT", "VARIADIC"), str),
			sqlDefault("The value used when a call omits the argument; `sql(\"…\")` for an expression."),
		},
	}
}

func routineLang(what string) *Attr {
	return attr("lang", "The language the "+what+"'s body is written in (`LANGUAGE`): `SQL`, `PLpgSQL`, or the name of another installed language as a string, such as `\"plpython3u\"`.", consts("SQL", "PLpgSQL"), str)
}

func routineSecurity() *Attr {
	return attr("security", "Whose privileges the routine runs with: the caller's (`INVOKER`, the default) or its owner's (`DEFINER`).", consts("INVOKER", "DEFINER"))
}

func parallelSafety(what string) *Attr {
	return attr("parallel", "Whether the "+what+" may run in parallel workers: `SAFE`, `RESTRICTED` (only in the leader) or `UNSAFE` (the default).", consts("UNSAFE", "RESTRICTED", "SAFE"))
}

// aggExtra marks what schema-ls adds to Atlas's aggregate block.
const aggExtra = " Not in Atlas's HCL: a schema-ls attribute."

// aggFunc is a support function of an aggregate: a function block, or a
// string naming a built-in one.
func aggFunc(name, doc, extra string) *Attr {
	return attr(name, doc+" A reference such as `function.add_up`, or a string naming a built-in function, such as `\"int4pl\"` (a string is a schema-ls extension)."+extra, ref("function"), str)
}

// routineSet is SET name = value of a function or procedure.
func routineSet(of string) *Block {
	return &Block{
		Type:   "set",
		Labels: []string{"name"},
		Doc:    "A configuration parameter, named by the label, set to a value while the " + of + " runs (`SET name = value`), such as `search_path` for a `SECURITY DEFINER` " + of + ". Not in Atlas's HCL: a schema-ls block.",
		Attrs: []*Attr{
			required(attr("value", "The parameter's value, as `SET` takes it: `\"public, pg_temp\"` for `search_path`, `\"64MB\"` for `work_mem`.", str, number, boolean)),
		},
	}
}
