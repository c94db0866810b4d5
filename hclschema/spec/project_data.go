package spec

import (
	"slices"
	"sort"
	"strings"
)

// ProjectDataSources maps the first label of a `data` block (the source type)
// to the precise description of that source. A decoder that knows the label
// uses the entry; ProjectData, their union, stands in for unknown or
// half-typed labels.
var ProjectDataSources = map[string]*Block{
	"aws_rds_token": projectDataSource(
		"A short-lived password for an AWS RDS database with IAM authentication. The value is a string; escape it with `urlescape(…)` inside a URL.",
		required(projectAttr("endpoint", "The database endpoint, as `host:port`.", str)),
		required(projectAttr("username", "The database user to log in as.", str)),
		projectAttr("region", "The AWS region of the database; the default AWS configuration's region when omitted.", str),
		projectAttr("profile", "The AWS profile whose credentials sign the token; the default credentials when omitted.", str),
	),
	"composite_schema": projectDataSourceBlocks(
		"Composes one desired schema out of several sources (HCL, SQL, ORMs, external programs), loaded in the order of its `schema` blocks. Use its `url` as an env's `src`.",
		[]*Block{{
			Type:           "schema",
			Labels:         []string{"name"},
			LabelsOptional: true,
			Doc:            "One source of the composite schema. A label names the database schema the source is loaded into (and creates it); without a label the source is loaded at database scope. Several blocks may name the same schema.",
			Required:       true,
			Attrs: []*Attr{
				required(projectAttr("url", "Where this part of the schema comes from: a URL such as `file://schema.pg.hcl` or `ent://ent/schema`, or another data source's `url`.", str)),
			},
		}},
	),
	"external": projectDataSource(
		"Runs a program and makes its standard output available as a string, for example a JSON document to read with `jsondecode(…)`.",
		projectProgram(),
		projectWorkingDir(),
	),
	"external_schema": projectDataSource(
		"Runs a program that prints SQL DDL (such as an ORM schema loader) and uses the result as a desired schema. Use its `url` as an env's `src`.",
		projectProgram(),
		projectWorkingDir(),
	),
	"gcp_cloudsql_token": projectDataSource(
		"A short-lived password for a GCP Cloud SQL database with IAM authentication, from the default Google credentials. The value is a string; escape it with `urlescape(…)` inside a URL.",
		projectAttr("region", "The GCP region of the database.", str),
	),
	"hcl_schema": projectExclusive([]string{"path", "paths"}, projectDataSource(
		"Loads an Atlas HCL schema from files or directories, passing it input variables. Use its `url` as an env's `src`.",
		projectAttr("path", "The HCL schema file or directory to load. Use either `path` or `paths`.", str),
		projectAttr("paths", "Several HCL schema files or directories to load, such as `fileset(\"schema/*.pg.hcl\")`. Use either `path` or `paths`.", strList),
		attr("vars", "Input values for the schema's variables, as a map such as `{ tenant = var.tenant }`.", anyValue),
	)),
	"remote_dir": projectDataSource(
		"Reads a migration directory stored in Atlas Cloud. Use its `url` as an env's `migration.dir`; `atlas://<name>` does the same.",
		required(projectAttr("name", "The name (slug) of the migration directory in Atlas Cloud.", str)),
		projectAttr("tag", "The tag of the directory to read, such as a Git commit; the latest when omitted.", str),
	),
	"remote_schema": projectDataSource(
		"Reads a schema stored in the Atlas Registry. Use its `url` as an env's `src`.",
		required(projectAttr("name", "The name (slug) of the schema repository in the Atlas Registry.", str)),
		projectAttr("tag", "The tag of the schema to read; the latest when omitted.", str),
		projectAttr("version", "The version of the schema to read.", str),
	),
	"runtimevar": projectDataSource(
		"Reads a runtime variable, such as a secret, from a store like AWS Secrets Manager, AWS Parameter Store, GCP Secret Manager, an HTTP endpoint or a file. The value is a string.",
		required(projectAttr("url", "Where the variable is, as a Go CDK runtimevar URL such as `awssecretsmanager://<secret>?region=<region>` or `file:///path/to/secret`.", str)),
	),
	"sql": projectDataSource(
		"Runs a query on a database and makes the result available: `count`, `values` (all rows of the first column) and `value` (the first one).",
		required(projectAttr("url", "The URL of the database to query.", str)),
		required(projectAttr("query", "The query to run, in the SQL of that database, with placeholders for `args`.", str)),
		attr("args", "Values for the query's placeholders, as a list.", anyValue),
	),
	"template_dir": projectDataSource(
		"Renders a migration directory from Go templates: each top-level `.sql` file is executed with `vars`. Use its `url` as an env's `migration.dir`.",
		required(projectAttr("path", "The directory holding the templates.", str)),
		attr("vars", "Values passed to the templates, as a map such as `{ Env = atlas.env }`.", anyValue),
	),
}

func projectDataSource(doc string, attrs ...*Attr) *Block {
	return &Block{Type: "data", Labels: []string{"type", "name"}, Doc: doc, Attrs: attrs}
}

// projectExclusive marks attributes of a source as mutually exclusive.
func projectExclusive(group []string, b *Block) *Block {
	b.Exclusive = append(b.Exclusive, group)
	return b
}

func projectDataSourceBlocks(doc string, blocks []*Block, attrs ...*Attr) *Block {
	b := projectDataSource(doc, attrs...)
	b.Blocks = blocks
	return b
}

func projectProgram() *Attr {
	return required(projectAttr("program", "The command to run and its arguments: the first element is the program, the rest its arguments.", strList))
}

func projectWorkingDir() *Attr {
	return projectAttr("working_dir", "The directory the program runs in; the current directory when omitted.", str)
}

// ProjectData is a data source block, `data "<type>" "<name>"`, read
// elsewhere as `data.<type>.<name>`. Its attributes and blocks are the union
// of all sources' (none required); ProjectDataSources has each source alone.
var ProjectData = projectUnion(
	&Block{
		Type:   "data",
		Labels: []string{"type", "name"},
		Doc:    "A data source, `data \"<type>\" \"<name>\"`, read elsewhere as `data.<type>.<name>`: " + projectKeyList(ProjectDataSources) + ". It is evaluated only when something in use refers to it.",
	},
	ProjectDataSources,
)

// ProjectDockerDrivers maps the first label of a `docker` block (the database
// engine) to its precise description.
var ProjectDockerDrivers = map[string]*Block{
	"clickhouse": projectDockerDriver("clickhouse", "ClickHouse", false),
	"mariadb":    projectDockerDriver("mariadb", "MariaDB", false),
	"mysql":      projectDockerDriver("mysql", "MySQL", false),
	"postgres":   projectDockerDriver("postgres", "PostgreSQL", true),
	"sqlserver":  projectDockerDriver("sqlserver", "SQL Server", true),
}

func projectDockerDriver(driver, engine string, hasDatabase bool) *Block {
	b := &Block{
		Type:   "docker",
		Labels: []string{"driver", "name"},
		Doc:    "A " + engine + " dev database run in Docker from a pulled or built image. Use its `url` as an env's `dev`: `dev = docker." + driver + ".<name>.url`.",
		Attrs: []*Attr{
			required(projectAttr("image", "The Docker image to run, such as `\"postgres:16\"`; with a `build` block, the tag given to the built image.", str)),
			projectAttr("schema", "The schema the dev database URL is scoped to; the whole database when omitted.", str),
		},
		Blocks: []*Block{projectDockerBuild},
	}
	if hasDatabase {
		b.Attrs = append(b.Attrs, projectAttr("database", "The name of the database created in the container.", str))
	}
	baseline := "SQL run on the dev database once it starts, to create what every plan assumes exists (schemas, extensions, roles). Often `file(\"baseline.sql\")`."
	if driver == "postgres" {
		b.Attrs = append(b.Attrs, projectAttr("baseline", baseline, sqlText(SQLStatements)))
	} else {
		b.Attrs = append(b.Attrs, projectAttr("baseline", baseline, str))
	}
	return b
}

var projectDockerBuild = &Block{
	Type:   "build",
	Doc:    "Builds the image from a Dockerfile instead of pulling it; the result is tagged with `image`.",
	Unique: true,
	Attrs: []*Attr{
		required(projectAttr("context", "The build context directory, such as `\".\"`.", str)),
		projectAttr("dockerfile", "The Dockerfile to build, relative to the context; `Dockerfile` when omitted.", str),
		projectAttr("target", "The build stage to stop at, in a multi-stage Dockerfile.", str),
		attr("args", "Build arguments (`--build-arg`), as a map such as `{ LOCALE = \"vi-VN\" }`.", anyValue),
	},
}

// ProjectDocker is a Docker dev database block, `docker "<driver>" "<name>"`.
// Its attributes are the union of all drivers' (ProjectDockerDrivers).
var ProjectDocker = projectUnion(
	&Block{
		Type:   "docker",
		Labels: []string{"driver", "name"},
		Doc:    "A dev database run in Docker, `docker \"<driver>\" \"<name>\"` with driver " + projectKeyList(ProjectDockerDrivers) + ". Refer to it as `docker.<driver>.<name>.url`, usually in an env's `dev`.",
	},
	ProjectDockerDrivers,
)

// projectUnion fills into the attributes and blocks of all blocks in
// variants, none required. An attribute shared by variants with different
// documentation gets each variant's, prefixed with its label; its accepted
// values are the union of theirs.
func projectUnion(into *Block, variants map[string]*Block) *Block {
	into.Variants = variants
	type doc struct{ label, text string }
	var (
		attrs  = map[string]*Attr{}
		docs   = map[string][]doc{}
		blocks = map[string]*Block{}
	)
	for _, label := range projectKeys(variants) {
		v := variants[label]
		for _, a := range v.Attrs {
			u := attrs[a.Name]
			if u == nil {
				u = &Attr{Name: a.Name}
				attrs[a.Name] = u
				into.Attrs = append(into.Attrs, u)
			}
			for _, val := range a.Values {
				if !slices.ContainsFunc(u.Values, func(w Value) bool { return w.Kind == val.Kind }) {
					u.Values = append(u.Values, val)
				}
			}
			docs[a.Name] = append(docs[a.Name], doc{label, a.Doc})
		}
		for _, b := range v.Blocks {
			if blocks[b.Type] == nil {
				c := *b
				c.Required = false
				blocks[b.Type] = &c
				into.Blocks = append(into.Blocks, &c)
			}
		}
	}
	for _, u := range into.Attrs {
		ds := docs[u.Name]
		same := !slices.ContainsFunc(ds, func(d doc) bool { return d.text != ds[0].text })
		var labels []string
		for _, d := range ds {
			labels = append(labels, "`"+d.label+"`")
		}
		switch {
		case same && len(ds) == len(variants):
			u.Doc = ds[0].text
			continue
		case same:
			u.Doc = "In " + projectAnd(labels) + ": " + ds[0].text
			continue
		}
		var parts []string
		for _, d := range ds {
			parts = append(parts, "In `"+d.label+"`: "+d.text)
		}
		u.Doc = strings.Join(parts, " ")
	}
	for _, u := range into.Attrs {
		// SQL text in one variant but a plain string in another (a
		// PostgreSQL-only SQL body): the union must not check it as SQL.
		if slices.ContainsFunc(u.Values, func(v Value) bool { return v.Kind == String }) {
			u.Values = slices.DeleteFunc(u.Values, func(v Value) bool { return v.Kind == SQLText })
		}
		// Anything-goes values last, so the usual form comes first.
		i := slices.IndexFunc(u.Values, func(v Value) bool { return v.Kind == Any })
		if i >= 0 && i != len(u.Values)-1 {
			u.Values = append(slices.Delete(u.Values, i, i+1), anyValue)
		}
	}
	return into
}

func projectKeys(m map[string]*Block) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// projectKeyList is the keys of m as a Markdown list in prose: `a`, `b` or `c`.
func projectKeyList(m map[string]*Block) string {
	var quoted []string
	for _, k := range projectKeys(m) {
		quoted = append(quoted, "`"+k+"`")
	}
	return projectJoin(quoted, " or ")
}

// projectAnd joins items in prose: a, b and c.
func projectAnd(items []string) string { return projectJoin(items, " and ") }

func projectJoin(items []string, last string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}
