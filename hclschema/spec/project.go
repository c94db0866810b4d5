package spec

import "strings"

// This file and the other project*.go files describe atlas.hcl, the project
// file: environments, global lint/diff/test policies, input variables, local
// values, data sources, Docker dev databases, migration hooks and the Atlas
// Cloud login block.
//
// Project files are checked with one rule above all: a valid file gets no
// diagnostic. Almost every project setting can be computed (getenv(…),
// format(…), file(…), urlsetpath(…), atlas.env, docker.postgres.dev.url),
// so attributes built with projectAttr accept any expression after their
// usual form; only attributes with a fixed set of words are strict.

// ProjectFile is the root of an atlas.hcl file: the blocks that may appear at
// its top level. It has no type, labels or attributes of its own.
var ProjectFile = &Block{
	Type: "",
	Doc:  "An Atlas project file (`atlas.hcl`): environments selected with `--env`, global lint, diff and test policies, input variables, local values, data sources, Docker dev databases and migration hooks.",
	Blocks: []*Block{
		ProjectEnv, ProjectLint, ProjectDiff, ProjectTest,
		ProjectVariable, ProjectLocals, ProjectData, ProjectDocker,
		ProjectHook, ProjectAtlas,
	},
}

// projectAttr is an attribute whose usual form is values but which may also
// be any computed expression (a function call, atlas.env, a reference to a
// docker block, …). Every non-enumerated project attribute is made with it;
// to make project values strict again, change this one function.
func projectAttr(name, doc string, values ...Value) *Attr {
	return attr(name, doc, append(values, anyValue)...)
}

// ProjectEnv is an environment: a named set of URLs and policies that
// commands select with `--env <name>`.
//
// Atlas also accepts attributes of any other name in an env block (the
// reference marks env as allowing unknown attributes): they become input
// values of the schema files the env loads (`tenant = each.value`). They are
// not listed here: OpenAttrs lets them through at the top of an env block.
var ProjectEnv = &Block{
	Type:           "env",
	Labels:         []string{"name"},
	LabelsOptional: true,
	OpenAttrs:      true,
	Doc:            "An environment, picked with `--env <name>`: the target database (`url`), the dev database (`dev`), the desired schema (`src`) and the migration, lint, diff and test settings used there. The label may be left out when `name` is set (usually `name = atlas.env`). Attributes not listed here are passed as input variables to the schema files of the env.",
	Attrs: []*Attr{
		projectAttr("name", "The environment's name, for an `env` block written without a label. `name = atlas.env` makes one block serve whatever `--env` selects.", str),
		attr("for_each", "Meta-argument: creates one environment per element of a set or map (for example `toset(data.sql.tenants.values)`); inside, `each.value` and `each.key` refer to the current element.", anyValue),
		projectAttr("url", "The URL of the database this environment manages, such as `postgres://user:pass@host:5432/db?sslmode=disable`.", str),
		projectAttr("dev", "The URL of the dev database: an empty database Atlas uses to compute and check changes, typically `docker://postgres/16/dev`.", str),
		projectAttr("src", "The desired schema: a URL (`file://schema.pg.hcl`, `file://schema/`), a list of URLs, or the `url` of a data source such as `data.hcl_schema.app.url` or `data.composite_schema.app.url`.", str, strList),
		projectAttr("schemas", "The database schemas Atlas manages in this environment; others are ignored.", strList),
		projectAttr("exclude", "Glob patterns of resources to leave out when inspecting the database, such as `\"public.audit_*\"`.", strList),
	},
	Blocks: []*Block{
		projectEnvSchema,
		projectEnvMigration,
		projectFormatBlock("format", "Output formats of this environment's commands, as Go templates (the `--format` flag of each command)."),
		projectFormatBlock("log", "Deprecated name of the `format` block: output formats of this environment's commands."),
		projectLintBlock("Migration linting settings for this environment. They extend the global `lint` block, overriding what they set."),
		projectDiffBlock("Schema diffing policy for this environment. It extends the global `diff` block, overriding what it sets."),
		projectTestBlock("Test settings for this environment (`atlas schema test`, `atlas migrate test`); they take precedence over the global `test` block."),
	},
}

// projectRepo is the registry repository of a schema or migration directory.
func projectRepo(doc string) *Block {
	return &Block{
		Type:   "repo",
		Doc:    doc,
		Unique: true,
		Attrs: []*Attr{
			required(projectAttr("name", "The repository's name (slug) in the Atlas Registry.", str)),
		},
	}
}

var projectEnvSchema = &Block{
	Type:   "schema",
	Doc:    "The desired schema of the environment: its source, and optionally the Atlas Registry repository it is pushed to. An alternative to the `src` attribute.",
	Unique: true,
	Attrs: []*Attr{
		required(projectAttr("src", "The desired schema: a URL, a list of URLs, or the `url` of a data source.", str, strList)),
	},
	Blocks: []*Block{
		projectRepo("The Atlas Registry repository of the desired schema."),
	},
}

var projectEnvMigration = &Block{
	Type:   "migration",
	Doc:    "How versioned migrations work in this environment: where the migration directory is, its format, and how it is applied.",
	Unique: true,
	Attrs: []*Attr{
		projectAttr("dir", "The URL of the migration directory, such as `file://migrations`, `atlas://<name>`, or `data.template_dir.<name>.url`.", str),
		attr("format", "The layout of the migration directory: `atlas` (the default), `golang-migrate`, `goose`, `flyway`, `liquibase` or `dbmate`.", consts("atlas", "golang-migrate", "goose", "flyway", "liquibase", "dbmate"), str),
		projectAttr("baseline", "The version of an existing database's baseline migration: the files up to it are taken as already applied.", str),
		attr("exec_order", "How pending files are ordered against applied ones: `LINEAR` (the default) refuses files older than the last applied one, `LINEAR_SKIP` skips them, `NON_LINEAR` runs them.", consts("LINEAR", "LINEAR_SKIP", "NON_LINEAR"), str),
		projectAttr("lock_timeout", "How long to wait for the database lock that serializes migration runs, as a duration such as `\"30s\"` (default `10s`).", str),
		projectAttr("revisions_schema", "The schema holding Atlas's revisions table (`atlas_schema_revisions`).", str),
		projectAttr("exclude", "Glob patterns of resources the migration directory does not manage, left out when Atlas compares it with a schema.", strList),
	},
	Blocks: []*Block{
		projectRepo("The Atlas Registry repository of the migration directory."),
	},
}

// projectFormatBlock is the env `format` block, or its deprecated name `log`.
func projectFormatBlock(typ, doc string) *Block {
	tmpl := func(cmd string) string {
		return "Go template that formats the output of `atlas " + cmd + "`, like its `--format` flag."
	}
	return &Block{
		Type:   typ,
		Doc:    doc,
		Unique: true,
		Blocks: []*Block{
			{
				Type:   "migrate",
				Doc:    "Output formats of the `atlas migrate` commands.",
				Unique: true,
				Attrs: []*Attr{
					projectAttr("apply", tmpl("migrate apply"), str),
					projectAttr("diff", tmpl("migrate diff"), str),
					projectAttr("down", tmpl("migrate down"), str),
					projectAttr("lint", tmpl("migrate lint"), str),
					projectAttr("status", tmpl("migrate status"), str),
				},
			},
			{
				Type:   "schema",
				Doc:    "Output formats of the `atlas schema` commands.",
				Unique: true,
				Attrs: []*Attr{
					projectAttr("apply", tmpl("schema apply"), str),
					projectAttr("diff", tmpl("schema diff"), str),
					projectAttr("inspect", tmpl("schema inspect"), str),
					projectAttr("clean", tmpl("schema clean"), str),
					projectAttr("push", tmpl("schema push"), str),
				},
			},
		},
	}
}

// ProjectLint is the global migration linting policy. Environments extend it
// with their own lint block.
var ProjectLint = projectLintBlock("Migration linting settings for `atlas migrate lint` (and the review of `schema apply`), shared by all environments; an env's own `lint` block overrides what it sets.")

// projectErrorAnalyzer is a lint analyzer whose only setting is error.
func projectErrorAnalyzer(typ, doc, errDoc string) *Block {
	return &Block{
		Type:   typ,
		Doc:    doc,
		Unique: true,
		Attrs: []*Attr{
			projectAttr("error", errDoc, boolean),
		},
	}
}

// projectNamingRule is one object kind's pattern in lint.naming.
func projectNamingRule(kind string) *Block {
	return &Block{
		Type:   kind,
		Doc:    "The naming rule for " + kind + " names, replacing the general one for them.",
		Unique: true,
		Attrs: []*Attr{
			projectAttr("match", "A regular expression every "+kind+" name must match.", str),
			projectAttr("message", "The message reported when a "+kind+" name does not match.", str),
		},
	}
}

var (
	projectLintDestructive = projectErrorAnalyzer("destructive",
		"The analyzer of destructive changes, such as dropping a table or a column.",
		"Whether a destructive change fails the lint (default `true`); `false` only reports it.")
	projectLintDataDepend = projectErrorAnalyzer("data_depend",
		"The analyzer of changes that may fail depending on the data, such as adding a unique index or making a column non-nullable.",
		"Whether such a change fails the lint instead of only being reported.")
	projectLintIncompatible = projectErrorAnalyzer("incompatible",
		"The analyzer of backward-incompatible changes, such as renaming a table or a column that applications still use.",
		"Whether such a change fails the lint instead of only being reported.")
	projectLintCondrop = projectErrorAnalyzer("condrop",
		"The analyzer of dropped constraints, such as a foreign key removed from a table.",
		"Whether dropping a constraint fails the lint instead of only being reported.")
	projectLintNonLinear = projectErrorAnalyzer("non_linear",
		"The analyzer of migration files added out of order, before files already applied elsewhere.",
		"Whether a non-linear change fails the lint instead of only being reported.")

	projectLintConcurrentIndex = &Block{
		Type:   "concurrent_index",
		Doc:    "The PostgreSQL analyzer of index changes that lock tables: `CREATE INDEX`/`DROP INDEX` without `CONCURRENTLY`, or `CONCURRENTLY` inside a transaction.",
		Unique: true,
		Attrs: []*Attr{
			projectAttr("check_create", "Whether to report `CREATE INDEX` without `CONCURRENTLY` (default `true`).", boolean),
			projectAttr("check_drop", "Whether to report `DROP INDEX` without `CONCURRENTLY` (default `true`).", boolean),
			projectAttr("check_txmode", "Whether to report concurrent index changes in a file that runs in a transaction (default `true`).", boolean),
			projectAttr("error", "Whether a finding fails the lint instead of only being reported.", boolean),
		},
	}

	projectLintNaming = &Block{
		Type:   "naming",
		Doc:    "The naming-convention analyzer: names of new objects must match a regular expression, with optional rules per kind of object.",
		Unique: true,
		Attrs: []*Attr{
			projectAttr("match", "A regular expression the names of all new objects must match, such as `\"^[a-z_]+$\"`.", str),
			projectAttr("message", "The message reported when a name does not match.", str),
			projectAttr("error", "Whether a naming violation fails the lint instead of only being reported.", boolean),
		},
		Blocks: []*Block{
			projectNamingRule("schema"),
			projectNamingRule("table"),
			projectNamingRule("column"),
			projectNamingRule("index"),
			projectNamingRule("foreign_key"),
			projectNamingRule("check"),
		},
	}

	projectLintGit = &Block{
		Type:   "git",
		Doc:    "Lint only the migration files that differ from a Git branch (the `--git-base` and `--git-dir` flags).",
		Unique: true,
		Attrs: []*Attr{
			projectAttr("base", "The Git branch to compare with, such as `\"master\"`.", str),
			projectAttr("dir", "The working directory of the Git repository (the `-C` flag of git).", str),
		},
	}
)

func projectLintBlock(doc string) *Block {
	return &Block{
		Type:      "lint",
		Doc:       doc,
		Unique:    true,
		Exclusive: [][]string{{"format", "log"}, {"latest", "git"}},
		Attrs: []*Attr{
			projectAttr("format", "Go template that formats the lint report, like the `--format` flag of `atlas migrate lint`.", str),
			projectAttr("log", "Deprecated name of `format`: the Go template of the lint report.", str),
			projectAttr("latest", "Lint the latest N migration files (the `--latest` flag).", number),
			attr("review", "When `schema apply` asks for a review before applying: `ALWAYS`, `WARNING` (on any diagnostic) or `ERROR` (on errors only). Requires logging in to Atlas.", consts("ALWAYS", "WARNING", "ERROR"), str),
		},
		Blocks: []*Block{
			projectLintDestructive,
			projectLintDataDepend,
			projectLintIncompatible,
			projectLintNonLinear,
			projectLintCondrop,
			projectLintConcurrentIndex,
			projectLintNaming,
			projectLintGit,
		},
	}
}

// ProjectDiff is the global schema diffing policy. Environments extend it
// with their own diff block.
var ProjectDiff = projectDiffBlock("The schema diffing policy shared by all environments: kinds of changes to leave out of plans, and how PostgreSQL indexes are changed. An env's own `diff` block overrides it.")

// projectDiffSkipKinds are the change kinds diff.skip can leave out, in the
// reference's order.
var projectDiffSkipKinds = []string{
	"add_column", "add_foreign_key", "add_func", "add_index", "add_proc", "add_schema", "add_table", "add_trigger", "add_view",
	"drop_column", "drop_foreign_key", "drop_func", "drop_index", "drop_proc", "drop_schema", "drop_table", "drop_trigger", "drop_view",
	"modify_column", "modify_foreign_key", "modify_func", "modify_index", "modify_proc", "modify_schema", "modify_table", "modify_trigger", "modify_view",
	"rename_func", "rename_proc", "rename_table", "rename_trigger", "rename_view",
}

var projectDiffSkip = func() *Block {
	b := &Block{
		Type:   "skip",
		Doc:    "Kinds of changes to leave out of computed plans; all are planned by default.",
		Unique: true,
	}
	words := map[string]string{
		"add": "adding", "drop": "dropping", "modify": "modifying", "rename": "renaming",
		"column": "a column", "foreign_key": "a foreign key", "func": "a function", "index": "an index",
		"proc": "a procedure", "schema": "a schema", "table": "a table", "trigger": "a trigger", "view": "a view",
	}
	for _, k := range projectDiffSkipKinds {
		verb, object, _ := strings.Cut(k, "_")
		b.Attrs = append(b.Attrs, projectAttr(k, "Set to `true` to leave "+words[verb]+" "+words[object]+" out of plans.", boolean))
	}
	return b
}()

var projectDiffConcurrentIndex = &Block{
	Type:   "concurrent_index",
	Doc:    "Use `CONCURRENTLY` for PostgreSQL index changes in plans, so tables are not locked while indexes are built or dropped.",
	Unique: true,
	Attrs: []*Attr{
		projectAttr("add", "Add new indexes with `CREATE INDEX CONCURRENTLY`.", boolean),
		projectAttr("create", "Create new indexes with `CREATE INDEX CONCURRENTLY` (same as `add`).", boolean),
		projectAttr("drop", "Drop indexes with `DROP INDEX CONCURRENTLY`.", boolean),
	},
}

func projectDiffBlock(doc string) *Block {
	return &Block{
		Type:   "diff",
		Doc:    doc,
		Unique: true,
		Blocks: []*Block{projectDiffSkip, projectDiffConcurrentIndex},
	}
}

// ProjectTest is the global test configuration; environments may set their
// own.
var ProjectTest = projectTestBlock("Where `atlas schema test` and `atlas migrate test` find their test files, and the variables passed to them, for all environments.")

func projectTestRun(typ, cmd string) *Block {
	return &Block{
		Type:   typ,
		Doc:    "Settings of `atlas " + cmd + " test`.",
		Unique: true,
		Attrs: []*Attr{
			required(projectAttr("src", "The test files or directories to run, such as `[\"schema.test.hcl\"]`.", strList)),
			attr("vars", "Input values passed to the test files' variables, as a map such as `{ seed_file = \"seed.sql\" }`.", anyValue),
		},
	}
}

var (
	projectTestSchema  = projectTestRun("schema", "schema")
	projectTestMigrate = projectTestRun("migrate", "migrate")
)

func projectTestBlock(doc string) *Block {
	return &Block{
		Type:   "test",
		Doc:    doc,
		Unique: true,
		Blocks: []*Block{projectTestSchema, projectTestMigrate},
	}
}

// ProjectVariable is an input variable of the project file.
var ProjectVariable = &Block{
	Type:   "variable",
	Labels: []string{"name"},
	Doc:    "An input variable of the project file, read as `var.<name>` and set with `--var name=value`. Values given on the command line reach only the project file; pass them on to schema files through `data \"hcl_schema\"` `vars` or env attributes.",
	Attrs: []*Attr{
		required(attr("type", "The variable's type: `string`, `number`, `bool`, or a collection such as `list(string)`.", consts("string", "number", "bool"), anyValue)),
		attr("default", "The value used when `--var` does not set one; without it the variable is required. Often `getenv(\"…\")`.", anyValue),
		projectAttr("description", "A human-readable explanation of the variable.", str),
	},
}

// ProjectLocals is a block of local values. It takes attributes of any name:
// Attrs is empty on purpose and the validator special-cases "locals".
var ProjectLocals = &Block{
	Type:      "locals",
	OpenAttrs: true,
	Doc:       "Named local values, read as `local.<name>` anywhere in the project file. A `locals` block takes attributes of any name and any expression; there is no fixed list.",
}

// ProjectAtlas is the Atlas Cloud login block.
var ProjectAtlas = &Block{
	Type:   "atlas",
	Doc:    "Logs the project in to Atlas Cloud, as an alternative to `atlas login`.",
	Unique: true,
	Blocks: []*Block{
		{
			Type:     "cloud",
			Doc:      "The Atlas Cloud connection: the token, and optionally the project and API URL.",
			Unique:   true,
			Required: true,
			Attrs: []*Attr{
				required(projectAttr("token", "The Atlas Cloud token, usually read from the environment or a secret (`getenv(\"ATLAS_TOKEN\")`, `data.runtimevar.token`).", str)),
				projectAttr("project", "The Atlas Cloud project to report to.", str),
				projectAttr("url", "The Atlas Cloud URL, for a cloud other than the default one.", str),
			},
		},
	},
}

// ProjectHook is a migration hook: SQL run inside each migration
// transaction. The only hook type is "sql".
var ProjectHook = &Block{
	Type:   "hook",
	Labels: []string{"type", "name"},
	Doc:    "A migration hook, `hook \"sql\" \"<name>\"`: SQL statements Atlas runs inside the transaction of each migration, for example to set `statement_timeout` or `lock_timeout`. Requires logging in to Atlas.",
	Attrs: []*Attr{
		projectAttr("skip_errors", "Whether errors of the hook's statements are ignored instead of failing the migration.", boolean),
	},
	Blocks: []*Block{
		{
			Type:   "transaction",
			Doc:    "The statements to run at points of the migration transaction.",
			Unique: true,
			Attrs: []*Attr{
				projectAttr("after_begin", "SQL statements run right after the transaction starts.", strList),
				projectAttr("before_commit", "SQL statements run just before the transaction commits.", strList),
				projectAttr("before_rollback", "SQL statements run just before the transaction rolls back.", strList),
			},
		},
	},
}
