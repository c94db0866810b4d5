package sqlsupport

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// CodeName marks a name in SQL that the schema does not define.
const CodeName = "sql-name"

// Analysis is what SQL sources define and name: the model they load to
// (with the loader's findings), the declarations of the objects they
// create and every name they use, each with the position of the object it
// names, so navigation, hover and rename work in .sql files as in HCL.
type Analysis struct {
	*Loaded
	Decls []Name
	Uses  []Name
}

// Name is a name in a source and the position of the object it names.
type Name struct {
	File   string
	Range  source.Range // the name alone, without quotes
	Target schema.Pos
}

// Analyze loads sources (in order, as a schema or a migration directory
// replayed) and resolves the names they declare and use against the
// model they build. Names that do not resolve become warnings.
func Analyze(sources ...Source) *Analysis {
	a := &Analysis{Loaded: Load(sources...)}
	for _, src := range sources {
		sc := ParseScript(src.Text)
		a.declarations(src.Name, sc)
		for _, st := range sc.Stmts {
			if st.Node == nil {
				continue
			}
			w := &walker{ctx: &Context{Realm: a.Realm}, text: sc.Text, stmt: source.Range{Start: st.locs, End: st.Range.End}}
			w.ddl(st.Node)
			for _, u := range w.uses {
				a.use(src.Name, u)
			}
		}
	}
	return a
}

// use records a resolved name, or warns about one that does not resolve.
func (a *Analysis) use(file string, u Use) {
	if u.Problem != "" {
		a.Diags[file] = append(a.Diags[file], source.Diagnostic{Range: u.Range, Severity: source.Warning, Code: CodeName, Message: "SQL: " + u.Problem})
		return
	}
	if pos, ok := posOf(u.Target); ok {
		a.Uses = append(a.Uses, Name{File: file, Range: u.Range, Target: pos})
	}
}

func posOf(obj any) (schema.Pos, bool) {
	switch o := obj.(type) {
	case *schema.Table:
		return o.Pos, true
	case *schema.View:
		return o.Pos, true
	case *schema.Column:
		return o.Pos, true
	case *schema.Func:
		return o.Pos, true
	case *schema.Enum:
		return o.Pos, true
	case *schema.Domain:
		return o.Pos, true
	case *schema.Composite:
		return o.Pos, true
	case *schema.Sequence:
		return o.Pos, true
	case *schema.Schema:
		return o.Pos, true
	}
	return schema.Pos{}, false
}

// declarations records the names the script's CREATE statements give,
// found through its document symbols, with the objects the model made.
func (a *Analysis) declarations(file string, sc *Script) {
	var walk func(syms []source.Symbol)
	walk = func(syms []source.Symbol) {
		for _, sym := range syms {
			if sym.Detail == "section" {
				walk(sym.Children)
				continue
			}
			sch, name := splitQualified(sym.Name)
			obj := a.object(sym.Detail, sch, name)
			if obj == nil {
				continue
			}
			if pos, ok := posOf(obj); ok {
				a.Decls = append(a.Decls, Name{File: file, Range: lastPart(sc.Text, sym.Selection), Target: pos})
			}
			var cols []*schema.Column
			switch o := obj.(type) {
			case *schema.Table:
				cols = o.Columns
			case *schema.Composite:
				cols = o.Fields
			}
			for _, child := range sym.Children {
				if c := columnNamed(cols, unquote(child.Name)); c != nil {
					a.Decls = append(a.Decls, Name{File: file, Range: lastPart(sc.Text, child.Selection), Target: c.Pos})
				}
			}
		}
	}
	walk(sc.Symbols())
}

// object finds what a CREATE statement (by its symbol's detail) made:
// in the schema the name gives, else in public first.
func (a *Analysis) object(what, sch, name string) any {
	schemas := a.Realm.Schemas
	if sch != "" {
		schemas = nil
		if s := a.Realm.Schema(sch); s != nil {
			schemas = []*schema.Schema{s}
		}
	} else if pub := a.Realm.Schema("public"); pub != nil {
		schemas = append([]*schema.Schema{pub}, schemas...)
	}
	for _, s := range schemas {
		if o := objectIn(s, what, name); o != nil {
			return o
		}
	}
	return nil
}

func objectIn(s *schema.Schema, what, name string) any {
	switch what {
	case "schema":
		if s.Name == name {
			return s
		}
	case "table", "partition", "unlogged table":
		if t := s.Table(name); t != nil {
			return t
		}
	case "view", "materialized view":
		for _, v := range s.Views {
			if v.Name == name {
				return v
			}
		}
	case "function", "procedure", "aggregate":
		for _, f := range s.Funcs {
			if f.Name == name {
				return f
			}
		}
	case "enum":
		for _, e := range s.Enums {
			if e.Name == name {
				return e
			}
		}
	case "domain":
		for _, d := range s.Domains {
			if d.Name == name {
				return d
			}
		}
	case "composite":
		for _, c := range s.Composites {
			if c.Name == name {
				return c
			}
		}
	case "sequence":
		for _, q := range s.Sequences {
			if q.Name == name {
				return q
			}
		}
	}
	return nil
}

// splitQualified splits a name as written ("public.users", "users",
// `"My Schema"."T"`) into its schema and its name, unquoted.
func splitQualified(written string) (sch, name string) {
	parts, _, ok := schema.SplitName(written)
	if !ok {
		return "", written
	}
	name = parts[len(parts)-1]
	if len(parts) > 1 {
		sch = parts[len(parts)-2]
	}
	return sch, name
}

func splitDotted(s string) []string {
	var parts []string
	start, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			quoted = !quoted
		case s[i] == '.' && !quoted:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// unquote turns an identifier as written into its name: quoted ones keep
// their case, others fold to lower case.
func unquote(id string) string {
	if parts, _, ok := schema.SplitName(id); ok && len(parts) == 1 {
		return parts[0]
	}
	return id
}

// lastPart narrows a selection holding a qualified name to its last part,
// without quotes.
func lastPart(text string, r source.Range) source.Range {
	parts := splitDotted(text[r.Start:r.End])
	last := parts[len(parts)-1]
	start := r.End - len(last)
	if len(last) >= 2 && last[0] == '"' {
		return source.Range{Start: start + 1, End: r.End - 1}
	}
	return source.Range{Start: start, End: r.End}
}

// ddl walks a statement of a schema file: the names its expressions and
// references use, in the scope each has (a table's checks, defaults and
// generated columns, an index's expressions, a trigger's condition, a
// policy's conditions, a view's query, a SQL function's body). The names
// a statement creates are declarations (see declarations), not uses.
func (w *walker) ddl(n *pg_query.Node) {
	root := &scope{}
	switch x := n.Node.(type) {
	case *pg_query.Node_CreateStmt:
		t := w.tableOf(x.CreateStmt.Relation)
		for _, rv := range x.CreateStmt.InhRelations {
			w.node(rv, root)
		}
		w.tableElements(x.CreateStmt.TableElts, t)
		if ps := x.CreateStmt.Partspec; ps != nil {
			for _, p := range ps.PartParams {
				w.node(p.GetPartitionElem().GetExpr(), w.implicit(t))
			}
		}
	case *pg_query.Node_AlterTableStmt:
		rl := w.relation(x.AlterTableStmt.Relation, root)
		var t *schema.Table
		if tt, ok := rl.obj.(*schema.Table); ok {
			t = tt
		}
		for _, c := range x.AlterTableStmt.Cmds {
			cmd := c.GetAlterTableCmd()
			if cmd == nil {
				continue
			}
			w.tableElements([]*pg_query.Node{cmd.Def}, t)
		}
	case *pg_query.Node_ViewStmt:
		w.node(x.ViewStmt.Query, root)
	case *pg_query.Node_CreateTableAsStmt:
		w.node(x.CreateTableAsStmt.Query, root)
	case *pg_query.Node_IndexStmt:
		rl := w.relation(x.IndexStmt.Relation, root)
		sc := &scope{rels: []*rel{rl}}
		for _, p := range x.IndexStmt.IndexParams {
			w.node(p.GetIndexElem().GetExpr(), sc)
		}
		w.node(x.IndexStmt.WhereClause, sc)
	case *pg_query.Node_CreateTrigStmt:
		rl := w.relation(x.CreateTrigStmt.Relation, root)
		w.node(x.CreateTrigStmt.WhenClause, &scope{rels: []*rel{relWithName(rl, "new"), relWithName(rl, "old")}})
		w.trigFunction(x.CreateTrigStmt.Funcname)
	case *pg_query.Node_CreatePolicyStmt:
		rl := w.relation(x.CreatePolicyStmt.Table, root)
		sc := &scope{rels: []*rel{rl}}
		w.node(x.CreatePolicyStmt.Qual, sc)
		w.node(x.CreatePolicyStmt.WithCheck, sc)
	case *pg_query.Node_CreateDomainStmt:
		ctx := *w.ctx
		ctx.Value = true
		inner := *w
		inner.ctx = &ctx
		for _, c := range x.CreateDomainStmt.Constraints {
			inner.node(c.GetConstraint().GetRawExpr(), root)
		}
		w.uses = inner.uses
	case *pg_query.Node_CreateFunctionStmt:
		w.routine(x.CreateFunctionStmt)
	case *pg_query.Node_SelectStmt, *pg_query.Node_InsertStmt, *pg_query.Node_UpdateStmt, *pg_query.Node_DeleteStmt, *pg_query.Node_MergeStmt:
		w.node(n, root)
	}
}

func (w *walker) implicit(t *schema.Table) *scope {
	if t == nil {
		return &scope{rels: []*rel{{}}} // unknown: bare names are not judged
	}
	return &scope{rels: []*rel{relOf(w.ctx.Realm, t, "")}}
}

// tableOf is the table a CREATE TABLE made.
func (w *walker) tableOf(rv *pg_query.RangeVar) *schema.Table {
	if rv == nil {
		return nil
	}
	obj, _ := w.findRelation(rv.Schemaname, rv.Relname)
	t, _ := obj.(*schema.Table)
	return t
}

// tableElements walks column definitions and constraints of table t.
func (w *walker) tableElements(elts []*pg_query.Node, t *schema.Table) {
	for _, e := range elts {
		switch x := e.GetNode().(type) {
		case *pg_query.Node_ColumnDef:
			for _, c := range x.ColumnDef.Constraints {
				w.constraint(c.GetConstraint(), t)
			}
			if rc := x.ColumnDef.RawDefault; rc != nil {
				w.node(rc, &scope{})
			}
		case *pg_query.Node_Constraint:
			w.constraint(x.Constraint, t)
		}
	}
}

func (w *walker) constraint(c *pg_query.Constraint, t *schema.Table) {
	if c == nil {
		return
	}
	switch c.Contype {
	case pg_query.ConstrType_CONSTR_CHECK, pg_query.ConstrType_CONSTR_GENERATED:
		w.node(c.RawExpr, w.implicit(t))
	case pg_query.ConstrType_CONSTR_DEFAULT:
		w.node(c.RawExpr, &scope{})
	case pg_query.ConstrType_CONSTR_FOREIGN:
		if c.Pktable != nil {
			w.relation(c.Pktable, &scope{})
		}
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		for _, ex := range c.Exclusions {
			if l := ex.GetList(); l != nil && len(l.Items) > 0 {
				w.node(l.Items[0].GetIndexElem().GetExpr(), w.implicit(t))
			}
		}
		w.node(c.WhereClause, w.implicit(t))
	}
}

// routine walks a SQL function's body with its arguments in scope.
func (w *walker) routine(fn *pg_query.CreateFunctionStmt) {
	if !strings.EqualFold(language(fn), "sql") {
		return
	}
	ctx := *w.ctx
	for _, p := range fn.Parameters {
		if fp := p.GetFunctionParameter(); fp != nil && fp.Name != "" {
			ctx.Params = append(ctx.Params, fp.Name)
		}
	}
	if len(fn.Funcname) > 0 {
		ctx.Routine = fn.Funcname[len(fn.Funcname)-1].GetString_().GetSval()
	}
	inner := *w
	inner.ctx = &ctx
	if fn.SqlBody != nil {
		inner.node(fn.SqlBody, &scope{})
		w.uses = inner.uses
		return
	}
	stmt := w.text[w.stmt.Start:w.stmt.End]
	body, ok := bodyRange(stmt, fn)
	if !ok {
		return
	}
	p := Parse(stmt[body.Start:body.End])
	if len(p.Errors()) > 0 {
		return
	}
	for _, u := range Names(p, &ctx) {
		u.Range = shift(u.Range, w.stmt.Start+body.Start)
		w.uses = append(w.uses, u)
	}
}

// trigFunction resolves the function a CREATE TRIGGER executes, found by
// its name after EXECUTE FUNCTION (or PROCEDURE), and checks that it
// returns trigger.
func (w *walker) trigFunction(names []*pg_query.Node) {
	var parts []string
	for _, n := range names {
		parts = append(parts, n.GetString_().GetSval())
	}
	if len(parts) == 0 {
		return
	}
	toks := scanTokens(w.text[w.stmt.Start:w.stmt.End], w.stmt.Start)
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].text == "EXECUTE" && (toks[i+1].text == "FUNCTION" || toks[i+1].text == "PROCEDURE") {
			n := len(w.uses)
			w.function(parts, toks[i+2].start-w.stmt.Start)
			if len(w.uses) > n {
				u := &w.uses[len(w.uses)-1]
				if fn, ok := u.Target.(*schema.Func); ok && fn.Return != nil && fn.Return.String() != "trigger" {
					w.uses = append(w.uses, Use{Kind: UseFunction, Range: u.Range, Name: u.Name,
						Problem: fmt.Sprintf("function %s returns %s; a trigger function must return trigger", fn.Name, fn.Return)})
				}
			}
			return
		}
	}
}
