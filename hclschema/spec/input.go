package spec

// SchemaFile is the root of a schema file: the blocks that may appear at its
// top level. It has no type, labels or attributes of its own.
var SchemaFile = &Block{
	Type: "",
	Doc:  "An Atlas schema file for PostgreSQL: schemas, tables, views, routines, types, policies and the inputs they use.",
	Blocks: []*Block{
		Schema, Table, View, Materialized, Function, Procedure, Aggregate,
		Trigger, EventTrigger, Policy, Enum, Domain, Composite, Sequence,
		Extension, Variable, Locals,
	},
}

// Variable is an input variable of a schema file.
var Variable = &Block{
	Type:   "variable",
	Labels: []string{"name"},
	Doc:    "An input variable of the schema file, read elsewhere as `var.<name>`. Its value comes from `--var name=value` on the command line (or from the project file), else from `default`.",
	Attrs: []*Attr{
		required(attr("type", "The type the value must have: `string`, `number`, `bool`, or a collection of them such as `list(string)`.", anyValue)),
		attr("default", "The value used when none is passed in; without it the variable must be given a value.", anyValue),
		attr("description", "A human-readable explanation of what the variable is for.", str),
	},
}

// Locals is a block of local values; its attributes are free.
var Locals = &Block{
	Type:      "locals",
	OpenAttrs: true,
	Doc:       "Named local values, read elsewhere as `local.<name>`. A `locals` block takes attributes of any name and any expression; there is no fixed list.",
}

// objectKinds are the top-level blocks that `depends_on` may reference.
var objectKinds = []string{
	"table", "view", "materialized", "function", "procedure", "aggregate",
	"trigger", "event_trigger", "policy", "enum", "domain", "composite",
	"sequence", "extension", "schema",
}

// Shared attribute constructors. Each call returns a fresh *Attr, so that a
// table's attribute can be marked required without touching another's.

// forEach is the for_each meta-argument every top-level block accepts.
func forEach() *Attr {
	return attr("for_each", "Meta-argument: expands this block into one copy per element of a list, set or map. Inside the block, `each.value` (and `each.key`) stand for the current element.", anyValue)
}

// dependsOn lists explicit dependencies on other schema objects.
func dependsOn() *Attr {
	return attr("depends_on", "Objects that must exist before this one, for dependencies Atlas cannot see by itself (for example, tables named only inside SQL text).", refs(objectKinds...))
}

// comment is the COMMENT ON text of an object; what names the object ("table", …).
func comment(what string) *Attr {
	return attr("comment", "The "+what+"'s comment, as set by `COMMENT ON` in PostgreSQL.", str)
}

// inSchema is the schema an object lives in.
func inSchema(what string) *Attr {
	return attr("schema", "The schema that holds the "+what+", written as a reference such as `schema.public`.", ref("schema"))
}

// nameOverride is the name attribute that replaces a block's label as the
// object's name in the database.
func nameOverride(what string) *Attr {
	return attr("name", "The "+what+"'s name in the database, when it differs from the block label (for example, taken from a variable).", str)
}

// sqlDefault is the default value of a column, argument or domain.
func sqlDefault(doc string) *Attr {
	return attr("default", doc, str, number, boolean, rawSQL(SQLExpression))
}

// typeOf is a type attribute holding a PostgreSQL type.
func typeOf(doc string) *Attr {
	return required(attr("type", doc, columnType))
}
