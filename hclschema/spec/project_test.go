package spec

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// projectWalk calls f for b and every block below it, with its dotted path.
func projectWalk(path string, b *Block, f func(path string, b *Block)) {
	f(path, b)
	for _, nb := range b.Blocks {
		p := nb.Type
		if path != "" {
			p = path + "." + nb.Type
		}
		projectWalk(p, nb, f)
	}
}

// projectRoots are all the spec blocks of a project file: the file itself
// and the precise variants of data sources and docker drivers.
func projectRoots() map[string]*Block {
	roots := map[string]*Block{"": ProjectFile}
	for k, b := range ProjectDataSources {
		roots["data."+k] = b
	}
	for k, b := range ProjectDockerDrivers {
		roots["docker."+k] = b
	}
	return roots
}

var projectName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func TestProjectWellFormed(t *testing.T) {
	for root, rb := range projectRoots() {
		projectWalk(root, rb, func(path string, b *Block) {
			if path == "" {
				path = "(file)"
			}
			if strings.TrimSpace(b.Doc) == "" {
				t.Errorf("%s: block without Doc", path)
			}
			if b != ProjectFile && !projectName.MatchString(b.Type) {
				t.Errorf("%s: bad block type %q", path, b.Type)
			}
			seen := map[string]bool{}
			for _, nb := range b.Blocks {
				if seen[nb.Type] {
					t.Errorf("%s: duplicate block %q", path, nb.Type)
				}
				seen[nb.Type] = true
			}
			attrs := map[string]bool{}
			for _, a := range b.Attrs {
				where := path + "." + a.Name
				if attrs[a.Name] {
					t.Errorf("%s: duplicate attribute", where)
				}
				attrs[a.Name] = true
				if seen[a.Name] {
					t.Errorf("%s: both an attribute and a block", where)
				}
				if !projectName.MatchString(a.Name) {
					t.Errorf("%s: bad attribute name", where)
				}
				if strings.TrimSpace(a.Doc) == "" {
					t.Errorf("%s: attribute without Doc", where)
				}
				if len(a.Values) == 0 {
					t.Errorf("%s: attribute without Values", where)
				}
				for i, v := range a.Values {
					switch {
					case v.Kind == Const && len(v.Consts) == 0:
						t.Errorf("%s: Const value without Consts", where)
					case (v.Kind == Ref || v.Kind == RefList) && len(v.RefTo) == 0:
						t.Errorf("%s: reference value without RefTo", where)
					case v.Kind == Any && i != len(a.Values)-1:
						t.Errorf("%s: Any must be the last accepted form", where)
					case v.Kind == ColumnType || v.Kind == RawSQL:
						t.Errorf("%s: schema-file value kind %d in a project file", where, v.Kind)
					}
				}
			}
			for _, l := range b.Labels {
				if !projectName.MatchString(l) {
					t.Errorf("%s: bad label name %q", path, l)
				}
			}
		})
	}
}

// Docs are short Markdown: one to three sentences, no stray whitespace.
func TestProjectDocs(t *testing.T) {
	for root, rb := range projectRoots() {
		projectWalk(root, rb, func(path string, b *Block) {
			docs := map[string]string{path: b.Doc}
			for _, a := range b.Attrs {
				docs[path+"."+a.Name] = a.Doc
			}
			for where, d := range docs {
				if d != strings.TrimSpace(d) || strings.Contains(d, "\n") {
					t.Errorf("%s: Doc has stray whitespace: %q", where, d)
				}
				if !strings.HasSuffix(d, ".") && !strings.HasSuffix(d, ")") {
					t.Errorf("%s: Doc does not end a sentence: %q", where, d)
				}
				if strings.Count(d, "`")%2 != 0 {
					t.Errorf("%s: unbalanced backquotes: %q", where, d)
				}
			}
		})
	}
}

func TestProjectTopLevel(t *testing.T) {
	var types []string
	for _, b := range ProjectFile.Blocks {
		types = append(types, b.Type)
	}
	want := []string{"atlas", "data", "diff", "docker", "env", "hook", "lint", "locals", "test", "variable"}
	slices.Sort(types)
	if !slices.Equal(types, want) {
		t.Errorf("top-level blocks = %v, want %v", types, want)
	}
	if len(ProjectLocals.Attrs) != 0 || len(ProjectLocals.Blocks) != 0 {
		t.Error("locals takes free attributes: its spec must list none")
	}
	for _, b := range []*Block{ProjectEnv, ProjectData, ProjectDocker, ProjectHook, ProjectVariable} {
		if len(b.Labels) == 0 {
			t.Errorf("%s: want labels", b.Type)
		}
	}
	for _, b := range []*Block{ProjectEnv, ProjectData, ProjectDocker, ProjectHook, ProjectVariable, ProjectLocals} {
		if b.Unique {
			t.Errorf("%s: may be repeated", b.Type)
		}
	}
	for _, b := range []*Block{ProjectLint, ProjectDiff, ProjectTest, ProjectAtlas} {
		if !b.Unique {
			t.Errorf("%s: appears at most once", b.Type)
		}
	}
}

// Each precise variant is a labelled block of its kind, and the union stands
// for all of them without requiring anything.
func TestProjectUnions(t *testing.T) {
	for _, c := range []struct {
		union    *Block
		variants map[string]*Block
		labels   []string
	}{
		{ProjectData, ProjectDataSources, []string{"type", "name"}},
		{ProjectDocker, ProjectDockerDrivers, []string{"driver", "name"}},
	} {
		if !slices.Equal(c.union.Labels, c.labels) {
			t.Errorf("%s: labels %v, want %v", c.union.Type, c.union.Labels, c.labels)
		}
		for key, v := range c.variants {
			if v.Type != c.union.Type || !slices.Equal(v.Labels, c.labels) {
				t.Errorf("%s %q: type %q labels %v", c.union.Type, key, v.Type, v.Labels)
			}
			for _, a := range v.Attrs {
				u := c.union.Attr(a.Name)
				if u == nil {
					t.Errorf("%s %q: attribute %s missing from the union", c.union.Type, key, a.Name)
					continue
				}
				for _, val := range a.Values {
					if val.Kind != SQLText && !slices.ContainsFunc(u.Values, func(w Value) bool { return w.Kind == val.Kind }) {
						t.Errorf("%s %q: %s accepts kind %d, the union does not", c.union.Type, key, a.Name, val.Kind)
					}
				}
			}
			for _, b := range v.Blocks {
				if c.union.Block(b.Type) == nil {
					t.Errorf("%s %q: block %s missing from the union", c.union.Type, key, b.Type)
				}
			}
		}
		for _, a := range c.union.Attrs {
			if a.Required {
				t.Errorf("%s.%s: required in the union", c.union.Type, a.Name)
			}
		}
		for _, b := range c.union.Blocks {
			if b.Required {
				t.Errorf("%s.%s: required in the union", c.union.Type, b.Type)
			}
		}
	}
	for _, k := range []string{"aws_rds_token", "composite_schema", "external", "external_schema", "gcp_cloudsql_token", "hcl_schema", "remote_dir", "remote_schema", "runtimevar", "sql", "template_dir"} {
		if ProjectDataSources[k] == nil {
			t.Errorf("data source %q missing", k)
		}
	}
}

// projectLookup resolves a dotted path such as "env.migration.dir". After
// "data" and "docker" the next step is the source type or driver, looked up
// in ProjectDataSources or ProjectDockerDrivers.
func projectLookup(path string) (*Attr, bool) {
	steps := strings.Split(path, ".")
	b := ProjectFile
	for i, s := range steps[:len(steps)-1] {
		switch {
		case i == 1 && steps[0] == "data":
			b = ProjectDataSources[s]
		case i == 1 && steps[0] == "docker":
			b = ProjectDockerDrivers[s]
		default:
			b = b.Block(s)
		}
		if b == nil {
			return nil, false
		}
	}
	a := b.Attr(steps[len(steps)-1])
	return a, a != nil
}

// projectPaths are attribute paths taken from the Atlas configuration
// reference (every attribute table) and from the atlas.hcl examples of the
// project, versioned-migration, linting, testing and concepts guides, plus
// a few the Atlas sources accept (atlas.cloud.url/project, format.schema
// clean/push, aws_rds_token.profile, documented in the project guide).
var projectPaths = []string{
	"atlas.cloud.project", "atlas.cloud.token", "atlas.cloud.url",
	"data.aws_rds_token.endpoint", "data.aws_rds_token.profile", "data.aws_rds_token.region",
	"data.aws_rds_token.username",
	"data.composite_schema.schema.url",
	"data.external.program", "data.external.working_dir",
	"data.external_schema.program", "data.external_schema.working_dir",
	"data.gcp_cloudsql_token.region",
	"data.hcl_schema.path", "data.hcl_schema.paths", "data.hcl_schema.vars",
	"data.remote_dir.name", "data.remote_dir.tag",
	"data.remote_schema.name", "data.remote_schema.tag", "data.remote_schema.version",
	"data.runtimevar.url",
	"data.sql.args", "data.sql.query", "data.sql.url",
	"data.template_dir.path", "data.template_dir.vars",
	"diff.concurrent_index.add", "diff.concurrent_index.create", "diff.concurrent_index.drop",
	"diff.skip.add_column", "diff.skip.add_foreign_key", "diff.skip.add_func", "diff.skip.add_index",
	"diff.skip.add_proc", "diff.skip.add_schema", "diff.skip.add_table", "diff.skip.add_trigger",
	"diff.skip.add_view", "diff.skip.drop_column", "diff.skip.drop_foreign_key",
	"diff.skip.drop_func", "diff.skip.drop_index", "diff.skip.drop_proc", "diff.skip.drop_schema",
	"diff.skip.drop_table", "diff.skip.drop_trigger", "diff.skip.drop_view",
	"diff.skip.modify_column", "diff.skip.modify_foreign_key", "diff.skip.modify_func",
	"diff.skip.modify_index", "diff.skip.modify_proc", "diff.skip.modify_schema",
	"diff.skip.modify_table", "diff.skip.modify_trigger", "diff.skip.modify_view",
	"diff.skip.rename_func", "diff.skip.rename_proc", "diff.skip.rename_table",
	"diff.skip.rename_trigger", "diff.skip.rename_view",
	"docker.clickhouse.baseline", "docker.clickhouse.build.args", "docker.clickhouse.build.context",
	"docker.clickhouse.build.dockerfile", "docker.clickhouse.build.target", "docker.clickhouse.image",
	"docker.clickhouse.schema",
	"docker.mariadb.baseline", "docker.mariadb.build.args", "docker.mariadb.build.context",
	"docker.mariadb.build.dockerfile", "docker.mariadb.build.target", "docker.mariadb.image",
	"docker.mariadb.schema",
	"docker.mysql.baseline", "docker.mysql.build.args", "docker.mysql.build.context",
	"docker.mysql.build.dockerfile", "docker.mysql.build.target", "docker.mysql.image",
	"docker.mysql.schema",
	"docker.postgres.baseline", "docker.postgres.build.args", "docker.postgres.build.context",
	"docker.postgres.build.dockerfile", "docker.postgres.build.target", "docker.postgres.database",
	"docker.postgres.image", "docker.postgres.schema",
	"docker.sqlserver.baseline", "docker.sqlserver.build.args", "docker.sqlserver.build.context",
	"docker.sqlserver.build.dockerfile", "docker.sqlserver.build.target", "docker.sqlserver.database",
	"docker.sqlserver.image", "docker.sqlserver.schema",
	"env.dev",
	"env.diff.concurrent_index.add", "env.diff.concurrent_index.create",
	"env.diff.concurrent_index.drop", "env.diff.skip.add_column", "env.diff.skip.add_foreign_key",
	"env.diff.skip.add_func", "env.diff.skip.add_index", "env.diff.skip.add_proc",
	"env.diff.skip.add_schema", "env.diff.skip.add_table", "env.diff.skip.add_trigger",
	"env.diff.skip.add_view", "env.diff.skip.drop_column", "env.diff.skip.drop_foreign_key",
	"env.diff.skip.drop_func", "env.diff.skip.drop_index", "env.diff.skip.drop_proc",
	"env.diff.skip.drop_schema", "env.diff.skip.drop_table", "env.diff.skip.drop_trigger",
	"env.diff.skip.drop_view", "env.diff.skip.modify_column", "env.diff.skip.modify_foreign_key",
	"env.diff.skip.modify_func", "env.diff.skip.modify_index", "env.diff.skip.modify_proc",
	"env.diff.skip.modify_schema", "env.diff.skip.modify_table", "env.diff.skip.modify_trigger",
	"env.diff.skip.modify_view", "env.diff.skip.rename_func", "env.diff.skip.rename_proc",
	"env.diff.skip.rename_table", "env.diff.skip.rename_trigger", "env.diff.skip.rename_view",
	"env.exclude",
	"env.for_each",
	"env.format.migrate.apply", "env.format.migrate.diff", "env.format.migrate.down",
	"env.format.migrate.lint", "env.format.migrate.status", "env.format.schema.apply",
	"env.format.schema.clean", "env.format.schema.diff", "env.format.schema.inspect",
	"env.format.schema.push",
	"env.lint.concurrent_index.check_create", "env.lint.concurrent_index.check_drop",
	"env.lint.concurrent_index.check_txmode", "env.lint.concurrent_index.error",
	"env.lint.condrop.error", "env.lint.data_depend.error", "env.lint.destructive.error",
	"env.lint.format", "env.lint.git.base", "env.lint.git.dir", "env.lint.incompatible.error",
	"env.lint.latest", "env.lint.log", "env.lint.naming.check.match", "env.lint.naming.check.message",
	"env.lint.naming.column.match", "env.lint.naming.column.message", "env.lint.naming.error",
	"env.lint.naming.foreign_key.match", "env.lint.naming.foreign_key.message",
	"env.lint.naming.index.match", "env.lint.naming.index.message", "env.lint.naming.match",
	"env.lint.naming.message", "env.lint.naming.schema.match", "env.lint.naming.schema.message",
	"env.lint.naming.table.match", "env.lint.naming.table.message", "env.lint.non_linear.error",
	"env.lint.review",
	"env.log.migrate.apply", "env.log.migrate.diff", "env.log.migrate.down", "env.log.migrate.lint",
	"env.log.migrate.status", "env.log.schema.apply", "env.log.schema.diff", "env.log.schema.inspect",
	"env.migration.baseline", "env.migration.dir", "env.migration.exclude",
	"env.migration.exec_order", "env.migration.format", "env.migration.lock_timeout",
	"env.migration.repo.name", "env.migration.revisions_schema",
	"env.name",
	"env.schema.repo.name", "env.schema.src",
	"env.schemas",
	"env.src",
	"env.test.migrate.src", "env.test.migrate.vars", "env.test.schema.src", "env.test.schema.vars",
	"env.url",
	"hook.skip_errors",
	"hook.transaction.after_begin", "hook.transaction.before_commit",
	"hook.transaction.before_rollback",
	"lint.concurrent_index.check_create", "lint.concurrent_index.check_drop",
	"lint.concurrent_index.check_txmode", "lint.concurrent_index.error",
	"lint.condrop.error",
	"lint.data_depend.error",
	"lint.destructive.error",
	"lint.format",
	"lint.git.base", "lint.git.dir",
	"lint.incompatible.error",
	"lint.latest",
	"lint.log",
	"lint.naming.check.match", "lint.naming.check.message", "lint.naming.column.match",
	"lint.naming.column.message", "lint.naming.error", "lint.naming.foreign_key.match",
	"lint.naming.foreign_key.message", "lint.naming.index.match", "lint.naming.index.message",
	"lint.naming.match", "lint.naming.message", "lint.naming.schema.match",
	"lint.naming.schema.message", "lint.naming.table.match", "lint.naming.table.message",
	"lint.non_linear.error",
	"lint.review",
	"test.migrate.src", "test.migrate.vars",
	"test.schema.src", "test.schema.vars",
	"variable.default",
	"variable.description",
	"variable.type"}

func TestProjectPaths(t *testing.T) {
	if len(projectPaths) < 50 {
		t.Fatalf("only %d paths", len(projectPaths))
	}
	for _, p := range projectPaths {
		if _, ok := projectLookup(p); !ok {
			t.Errorf("%s: not in the project spec", p)
		}
	}
}

func TestProjectRequired(t *testing.T) {
	for _, p := range []string{
		"atlas.cloud.token", "data.aws_rds_token.endpoint", "data.aws_rds_token.username",
		"data.composite_schema.schema.url", "data.external.program", "data.external_schema.program",
		"data.remote_dir.name", "data.remote_schema.name", "data.runtimevar.url", "data.sql.query",
		"data.sql.url", "data.template_dir.path", "docker.postgres.image", "docker.postgres.build.context",
		"env.migration.repo.name", "env.schema.src", "env.test.schema.src", "test.migrate.src", "variable.type",
	} {
		if a, ok := projectLookup(p); !ok || !a.Required {
			t.Errorf("%s: want a required attribute", p)
		}
	}
	for _, p := range []string{
		"env.url", "env.dev", "env.src", "env.name", "env.migration.dir", "data.hcl_schema.path",
		"data.gcp_cloudsql_token.region", "docker.postgres.schema", "variable.default", "lint.latest",
	} {
		if a, ok := projectLookup(p); !ok || a.Required {
			t.Errorf("%s: want an optional attribute", p)
		}
	}
}

// Enumerated settings keep their words, and accept a string spelling too
// ("linear-skip", "golang-migrate").
func TestProjectConsts(t *testing.T) {
	for p, words := range map[string][]string{
		"env.migration.format":     {"atlas", "golang-migrate", "goose", "flyway", "liquibase", "dbmate"},
		"env.migration.exec_order": {"LINEAR", "LINEAR_SKIP", "NON_LINEAR"},
		"env.lint.review":          {"ALWAYS", "WARNING", "ERROR"},
		"lint.review":              {"ALWAYS", "WARNING", "ERROR"},
	} {
		a, ok := projectLookup(p)
		if !ok {
			t.Errorf("%s: missing", p)
			continue
		}
		if a.Values[0].Kind != Const || !slices.Equal(a.Values[0].Consts, words) {
			t.Errorf("%s: first value %+v, want constants %v", p, a.Values[0], words)
		}
		if !slices.ContainsFunc(a.Values, func(v Value) bool { return v.Kind == String }) {
			t.Errorf("%s: a quoted spelling must be accepted", p)
		}
	}
}

func TestProjectCounts(t *testing.T) {
	var blocks, attrs int
	for _, rb := range projectRoots() {
		projectWalk("", rb, func(_ string, b *Block) {
			blocks++
			attrs += len(b.Attrs)
		})
	}
	t.Logf("project spec: %d blocks, %d attributes (counting data and docker variants)", blocks, attrs)
}
