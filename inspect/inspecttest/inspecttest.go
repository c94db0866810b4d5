// Package inspecttest makes a realm loaded from files comparable with the
// realm inspected from a database the same schema was applied to. The
// inspect round trip and the diff convergence suite compare through it.
//
// The rules by which the two are made comparable are each a place where
// they legitimately differ; nothing else is loosened.
//
//  1. SQL text compares as PostgreSQL deparses it. The loader keeps the
//     text as written ("price > 0"), the catalogs hold it deparsed
//     ("price > 0::numeric"). Both sides' texts are deparsed again by the
//     server, in the context they belong to, and compared: expressions of
//     a table (checks, index and partition expressions, predicates,
//     generated columns, policies) as the select list of a view over the
//     table; trigger conditions over the table aliased new and old;
//     domain checks over a one-column row named value; column, domain and
//     argument defaults as a select list without FROM; view queries as a
//     view with the same column list; SQL-standard routine bodies (BEGIN
//     ATOMIC, RETURN) as the body of a temporary function with the same
//     signature. Bodies given as strings are compared as they are.
//  2. Defaults: a loaded default that is a literal cast to the column's own
//     type ('a'::text) is that literal (schema.NormalizeDefault), since
//     PostgreSQL stores DEFAULT 'a' and DEFAULT 'a'::text alike.
//  3. View columns: the loader knows a view's columns only from a column
//     list, and their types only when a column selects a table column or
//     a cast. An inspected view's columns are compared only when the
//     loaded view lists columns, and an inspected type only where the
//     loaded column has one.
//  4. Extensions: the schema and version PostgreSQL chose for an extension
//     the SQL installs without SCHEMA or VERSION are compared only when
//     the SQL gives them; so, with such an extension, the public schema it
//     lands in is there only if the loaded realm has it.
//  5. The public schema's comment: PostgreSQL's own comment on public
//     (schema.DefaultPublicComment) reads as none, so the same text set
//     by COMMENT ON SCHEMA public in the SQL is none too.
//  6. Policy roles: PostgreSQL stores the role CURRENT_USER, CURRENT_ROLE
//     or SESSION_USER names, so those read as the role connected.
package inspecttest

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/schema-ls/schema-ls/schema"
)

// Comparable applies the rules to loaded, the realm loaded from the
// schema's source, and inspected, the realm inspected from conn after the
// schema was applied to it. Both are changed in place; afterwards
// schema.Diff(loaded, inspected) is empty when they describe the same
// schema.
func Comparable(t testing.TB, conn *pgx.Conn, loaded, inspected *schema.Realm) {
	t.Helper()
	var role string
	if err := conn.QueryRow(t.Context(), "SELECT current_user").Scan(&role); err != nil {
		t.Fatalf("current_user: %v", err)
	}
	align(loaded, inspected, role)
	c := &canon{t: t, ctx: t.Context(), conn: conn}
	c.canonRealm(loaded, true)
	c.canonRealm(inspected, false)
}

// canon deparses SQL text with the server, in a transaction it rolls
// back, on the database the schema was applied to.
type canon struct {
	t      testing.TB
	ctx    context.Context
	conn   *pgx.Conn
	schema string // the schema of the objects being deparsed
	loaded bool   // deparsing the loaded realm
}

// deparse runs the statements, the last of which returns one text, in a
// transaction it rolls back. On failure it returns the text unchanged
// (after logging why), so that the comparison shows it.
func (c *canon) deparse(text string, stmts ...string) string {
	tx, err := c.conn.Begin(c.ctx)
	if err != nil {
		c.t.Fatalf("begin: %v", err)
	}
	defer tx.Rollback(c.ctx) //nolint:errcheck // rolled back on purpose
	var out string
	for i, s := range stmts {
		if i < len(stmts)-1 {
			_, err = tx.Exec(c.ctx, s)
		} else {
			err = tx.QueryRow(c.ctx, s).Scan(&out)
		}
		if err != nil {
			c.t.Logf("cannot deparse %q: %v\n%s", text, err, strings.Join(stmts, ";\n"))
			return text
		}
	}
	return strings.TrimSpace(out)
}

// searchPath is the search_path of deparsing: unqualified names in the
// loaded text resolve in the schema of the object they belong to, then in
// public, as the SQL that made them had it (CREATE SCHEMA … CREATE VIEW)
// or, after ALTER … SET SCHEMA, as the objects moved along.
func (c *canon) searchPath() string {
	return "SET LOCAL search_path = " + pgx.Identifier{c.schema}.Sanitize() + ", public"
}

// query deparses a query, as a temporary view with the given columns.
func (c *canon) query(q string, cols []string) string {
	list := ""
	if len(cols) > 0 {
		var quoted []string
		for _, n := range cols {
			quoted = append(quoted, pgx.Identifier{n}.Sanitize())
		}
		list = " (" + strings.Join(quoted, ", ") + ")"
	}
	return c.deparse(q, c.searchPath(), "CREATE TEMP VIEW inspect_canon"+list+" AS "+q,
		"SELECT pg_get_viewdef('inspect_canon'::regclass, true)")
}

// expr deparses an expression over the relations of from ("" for none).
func (c *canon) expr(e, from string) string {
	if e == "" {
		return ""
	}
	q := "SELECT " + e
	if from != "" {
		q += " FROM " + from
	}
	return c.query(q, nil)
}

var sqlBodyRe = regexp.MustCompile(`(?is)^(BEGIN\s+ATOMIC\b|RETURN\b)`)

// body deparses a SQL-standard routine body as the body of a temporary
// function of f's signature.
func (c *canon) body(f *schema.Func) string {
	var args []string
	for _, a := range f.Args {
		arg := a.Type.String()
		if a.Name != "" {
			arg = pgx.Identifier{a.Name}.Sanitize() + " " + arg
		}
		args = append(args, strings.TrimSpace(a.Mode+" "+arg))
	}
	ret := "RETURNS void"
	switch {
	case len(f.ReturnTable) > 0:
		var cols []string
		for _, col := range f.ReturnTable {
			cols = append(cols, pgx.Identifier{col.Name}.Sanitize()+" "+col.Type.String())
		}
		ret = "RETURNS TABLE (" + strings.Join(cols, ", ") + ")"
	case f.Return != nil && f.ReturnSet:
		ret = "RETURNS SETOF " + f.Return.String()
	case f.Return != nil:
		ret = "RETURNS " + f.Return.String()
	}
	kind := "FUNCTION"
	if f.Kind == schema.Procedure {
		kind, ret = "PROCEDURE", ""
	}
	create := fmt.Sprintf("CREATE %s pg_temp.inspect_canon(%s) %s LANGUAGE sql %s", kind, strings.Join(args, ", "), ret, f.Body)
	return c.deparse(f.Body, c.searchPath(), create,
		"SELECT pg_get_function_sqlbody(p.oid) FROM pg_proc p WHERE p.proname = 'inspect_canon' AND p.pronamespace = pg_my_temp_schema()")
}

// canonRealm applies rule 1 to every SQL text of r, and, when r is the
// loaded realm, rule 2 to its defaults (inspect reads defaults so
// already).
func (c *canon) canonRealm(r *schema.Realm, loaded bool) {
	c.loaded = loaded
	for _, s := range r.Schemas {
		c.schema = s.Name
		for _, t := range s.Tables {
			from := qualified(s.Name, t.Name)
			for _, col := range t.Columns {
				col.Default = c.dflt(col.Default, col.Type)
				if col.Generated != nil {
					col.Generated.Value = c.expr(col.Generated.Value, from)
				}
			}
			c.indexes(t.Indexes, from)
			c.indexes([]*schema.Index{t.PrimaryKey}, from)
			for _, ck := range t.Checks {
				ck.Expr = c.expr(ck.Expr, from)
			}
			for _, ex := range t.Excludes {
				for i := range ex.Elements {
					ex.Elements[i].Expr = c.expr(ex.Elements[i].Expr, from)
				}
				ex.Where = c.expr(ex.Where, from)
			}
			if t.Partition != nil {
				for i := range t.Partition.Parts {
					t.Partition.Parts[i].Expr = c.expr(t.Partition.Parts[i].Expr, from)
				}
			}
			for _, tr := range t.Triggers {
				tr.When = c.expr(tr.When, from+" AS new, "+from+" AS old")
			}
			for _, p := range t.Policies {
				p.Using, p.Check = c.expr(p.Using, from), c.expr(p.Check, from)
			}
		}
		for _, v := range s.Views {
			var cols []string
			for _, col := range v.Columns {
				cols = append(cols, col.Name)
			}
			v.Def = c.query(v.Def, cols)
			c.indexes(v.Indexes, qualified(s.Name, v.Name))
			for _, tr := range v.Triggers {
				tr.When = c.expr(tr.When, qualified(s.Name, v.Name)+" AS new, "+qualified(s.Name, v.Name)+" AS old")
			}
		}
		for _, d := range s.Domains {
			d.Default = c.dflt(d.Default, d.Type)
			for _, ck := range d.Checks {
				ck.Expr = c.expr(ck.Expr, "(SELECT NULL::"+d.Type.String()+" AS value) AS d")
			}
		}
		for _, f := range s.Funcs {
			for _, a := range f.Args {
				a.Default = c.dflt(a.Default, a.Type)
			}
			if strings.EqualFold(f.Lang, "SQL") && sqlBodyRe.MatchString(f.Body) {
				f.Body = c.body(f)
			}
		}
	}
}

// dflt applies rules 2 and 1 to a default of type t.
func (c *canon) dflt(e *schema.Expr, t schema.Type) *schema.Expr {
	if c.loaded {
		e = schema.NormalizeDefault(e, t)
	}
	if e != nil && e.Kind == schema.ExprSQL {
		out := *e
		out.Value = c.expr(e.Value, "")
		return &out
	}
	return e
}

func (c *canon) indexes(list []*schema.Index, from string) {
	for _, ix := range list {
		if ix == nil {
			continue
		}
		for _, p := range ix.Parts {
			p.Expr = c.expr(p.Expr, from)
		}
		ix.Where = c.expr(ix.Where, from)
	}
}

func qualified(s, name string) string { return pgx.Identifier{s, name}.Sanitize() }

// align applies rules 3 to 6: it makes the inspected realm got forget
// what the loaded realm want cannot know, and the other way round.
func align(want, got *schema.Realm, role string) {
	if p := want.Schema("public"); p != nil && p.Comment == schema.DefaultPublicComment {
		p.Comment = ""
	}
	for _, ws := range want.Schemas {
		for _, t := range ws.Tables {
			for _, p := range t.Policies {
				for i, r := range p.To {
					switch strings.ToUpper(r) {
					case "CURRENT_USER", "CURRENT_ROLE", "SESSION_USER":
						p.To[i] = role
					}
				}
			}
		}
		gs := got.Schema(ws.Name)
		if gs == nil {
			continue
		}
		for _, wv := range ws.Views {
			for _, gv := range gs.Views {
				if gv.Name != wv.Name {
					continue
				}
				if len(wv.Columns) == 0 {
					gv.Columns = nil
				}
				for k, wc := range wv.Columns {
					if k < len(gv.Columns) && wc.Type.Name == "" && wc.Type.Raw == "" && wc.Type.UserKind == "" {
						gv.Columns[k].Type = schema.Type{}
					}
				}
			}
		}
	}
	for _, we := range want.Extensions {
		for _, ge := range got.Extensions {
			if ge.Name != we.Name {
				continue
			}
			if we.Schema == "" {
				ge.Schema = ""
			}
			if we.Version == "" {
				ge.Version = ""
			}
		}
	}
	if p := got.Schema("public"); p != nil && want.Schema("public") == nil && p.Comment == "" && len(p.Objects()) == 0 {
		got.Schemas = slices.DeleteFunc(got.Schemas, func(s *schema.Schema) bool { return s == p })
	}
}
