package spec

// TestFile is the root of a schema test file (*.test.hcl): test cases run
// against a dev database, and the inputs they use.
var TestFile = &Block{
	Type:   "",
	Doc:    "An Atlas test file: `test \"schema\"` and `test \"migrate\"` cases, run by `atlas schema test` and `atlas migrate test` against a dev database.",
	Blocks: []*Block{Test, Variable, Locals},
}

// Test is a test case; its first label says what it tests.
var Test = &Block{
	Type:   "test",
	Labels: []string{"kind", "name"},
	Doc:    "A test case: `test \"schema\" \"name\"` runs its steps on a database the schema was applied to; `test \"migrate\" \"version\"` migrates a database step by step and checks it between migrations.",
	Attrs:  testSchemaAttrs(), // the union of the variants', for completion
	Blocks: testSteps(true),
	Variants: map[string]*Block{
		"schema": {
			Type:   "test",
			Labels: []string{"kind", "name"},
			Doc:    "A schema test case: the schema is applied to a clean dev database, then the steps run in order. A step that fails stops the case.",
			Attrs:  testSchemaAttrs(),
			Blocks: testSteps(false),
		},
		"migrate": {
			Type:   "test",
			Labels: []string{"kind", "name"},
			Doc:    "A migration test case, named after the migration it tests: `migrate` steps bring the dev database to a version, the other steps check it there.",
			Attrs:  testMigrateAttrs(),
			Blocks: testSteps(true),
		},
	},
}

func testSchemaAttrs() []*Attr {
	return []*Attr{
		attr("skip", "Skips this case (reported as skipped).", boolean),
		attr("parallel", "Runs this case in parallel with the other parallel cases of the file, each on a database of its own.", boolean),
		attr("for_each", "Meta-argument: one case per element of a list or map (table-driven tests); inside, `each.value` (and `each.key`) stand for the element.", anyValue),
	}
}

func testMigrateAttrs() []*Attr {
	return []*Attr{
		attr("skip", "Skips this case (reported as skipped).", boolean),
		attr("for_each", "Meta-argument: one case per element of a list or map (table-driven tests); inside, `each.value` (and `each.key`) stand for the element.", anyValue),
	}
}

// testSteps are the steps of a case; migrate cases also have migrate
// steps.
func testSteps(migrate bool) []*Block {
	steps := []*Block{
		{
			Type: "exec",
			Doc:  "Runs SQL and, when `output` or `match` is set, checks what it returns.",
			Attrs: []*Attr{
				required(attr("sql", "The statements to run.", sqlText(SQLStatements))),
				attr("output", "The output the statement must return, exactly: rows as comma-separated values, one per line.", str),
				attr("match", "A regular expression the output must match.", str),
				attr("format", "How `output` is compared: `csv` (the default) or `table`.", consts("csv", "table")),
			},
			Exclusive: [][]string{{"output", "match"}},
		},
		{
			Type: "catch",
			Doc:  "Runs SQL that must fail; `error`, when set, is a pattern the error must match.",
			Attrs: []*Attr{
				required(attr("sql", "The statements that must fail.", sqlText(SQLStatements))),
				attr("error", "A regular expression the error message must match.", str),
			},
		},
		{
			Type: "assert",
			Doc:  "Runs a query that must return true.",
			Attrs: []*Attr{
				required(attr("sql", "A query returning a single boolean.", sqlText(SQLQuery))),
				attr("error_message", "The message reported when the query returns false.", str),
			},
		},
		{
			Type:  "log",
			Doc:   "Writes a message to the test output.",
			Attrs: []*Attr{required(attr("message", "The message; it may use `each.value` and variables.", str))},
		},
		{
			Type: "external",
			Doc:  "Runs a program and, when `output` or `match` is set, checks what it prints.",
			Attrs: []*Attr{
				required(attr("program", "The program and its arguments, as a list of strings.", strList)),
				attr("working_dir", "The directory to run it in; the current one by default.", str),
				attr("output", "The output the program must print, exactly.", str),
				attr("match", "A regular expression the output must match.", str),
			},
			Exclusive: [][]string{{"output", "match"}},
		},
	}
	if migrate {
		steps = append(steps, &Block{
			Type:  "migrate",
			Doc:   "Applies the migration directory up to a version.",
			Attrs: []*Attr{required(attr("to", "The version to migrate to, such as `\"20240613061046\"`.", str))},
		})
	}
	return steps
}
