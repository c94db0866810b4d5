package sqlsupport

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Symbols returns the objects the script's statements create, each named
// as written (schema-qualified when it is) with the statement as its
// range, in the symbol kinds the HCL side uses for the same objects. An
// ALTER TABLE is the table it alters. Columns, composite fields, enum
// values and the objects of CREATE SCHEMA … CREATE … are children. In an
// atlas:txtar file, each section is a File symbol holding its own.
func (s *Script) Symbols() []source.Symbol {
	var out []source.Symbol
	for _, st := range s.Stmts {
		if st.Node == nil {
			continue
		}
		toks := sfCode(sfLex(s.Text, st.Range.Start, st.Range.End))
		if sym, ok := s.symbol(st.Node, st.Range, st.locs, toks); ok {
			out = append(out, sym)
		}
	}
	if len(s.Sections) == 0 {
		return out
	}
	var secs []source.Symbol
	for _, sec := range s.Sections {
		sym := source.Symbol{
			Name:      sec.Name,
			Detail:    "section",
			Kind:      source.SymFile,
			Range:     source.Range{Start: sec.Header.Start, End: max(sec.Header.End, sec.Data.End)},
			Selection: sec.Header,
		}
		for _, o := range out {
			if o.Range.Start >= sec.Data.Start && o.Range.End <= sec.Data.End {
				sym.Children = append(sym.Children, o)
			}
		}
		secs = append(secs, sym)
	}
	return secs
}

// symbol describes the object node (a statement spanning r; its
// locations count from locs) creates. toks are the statement's tokens.
func (s *Script) symbol(node *pg_query.Node, r source.Range, locs int, toks []sfTok) (source.Symbol, bool) {
	text := s.Text
	first := sfAt(toks, r.Start)
	sym := source.Symbol{Range: r}
	// at names the object by the name starting at offset loc.
	at := func(loc int32) bool {
		if loc < 0 {
			return false
		}
		var ok bool
		sym.Name, sym.Selection, _, ok = sfName(text, toks, sfAt(toks, locs+int(loc)))
		return ok
	}
	// after names it by the name after keyword kw.
	after := func(kw string, skip ...string) bool {
		var ok bool
		sym.Name, sym.Selection, _, ok = sfName(text, toks, sfAfter(text, toks, first, kw, skip...))
		return ok
	}
	relName := func(rv *pg_query.RangeVar) string {
		if rv == nil {
			return ""
		}
		name, _, _, _ := sfName(text, toks, sfAt(toks, locs+int(rv.Location)))
		return name
	}
	ok := false
	switch n := node.Node.(type) {
	case *pg_query.Node_CreateStmt:
		ok = s.table(&sym, n.CreateStmt, "table", at, relName, locs, toks)
	case *pg_query.Node_CreateForeignTableStmt:
		ok = s.table(&sym, n.CreateForeignTableStmt.BaseStmt, "foreign table", at, relName, locs, toks)
	case *pg_query.Node_CreateTableAsStmt:
		sym.Kind, sym.Detail = source.SymStruct, "table"
		if n.CreateTableAsStmt.Objtype == pg_query.ObjectType_OBJECT_MATVIEW {
			sym.Kind, sym.Detail = source.SymInterface, "materialized view"
		}
		ok = at(n.CreateTableAsStmt.GetInto().GetRel().GetLocation())
	case *pg_query.Node_SelectStmt:
		if into := n.SelectStmt.GetIntoClause(); into != nil { // SELECT … INTO t
			sym.Kind, sym.Detail = source.SymStruct, "table"
			ok = at(into.GetRel().GetLocation())
		}
	case *pg_query.Node_ViewStmt:
		sym.Kind, sym.Detail = source.SymInterface, "view"
		ok = at(n.ViewStmt.View.GetLocation())
	case *pg_query.Node_CreateFunctionStmt:
		sym.Kind, sym.Detail = source.SymFunction, "function"
		kw := "FUNCTION"
		if n.CreateFunctionStmt.IsProcedure {
			sym.Kind, sym.Detail, kw = source.SymMethod, "procedure", "PROCEDURE"
		}
		ok = after(kw)
	case *pg_query.Node_CreateTrigStmt:
		sym.Kind, sym.Detail = source.SymEvent, "trigger on "+relName(n.CreateTrigStmt.Relation)
		ok = after("TRIGGER")
	case *pg_query.Node_CreateEventTrigStmt:
		sym.Kind, sym.Detail = source.SymEvent, "event trigger on "+n.CreateEventTrigStmt.Eventname
		ok = after("TRIGGER")
	case *pg_query.Node_CreatePolicyStmt:
		sym.Kind, sym.Detail = source.SymObject, "policy on "+relName(n.CreatePolicyStmt.Table)
		ok = after("POLICY")
	case *pg_query.Node_IndexStmt:
		sym.Kind, sym.Detail = source.SymKey, "index on "+relName(n.IndexStmt.Relation)
		if n.IndexStmt.Unique {
			sym.Detail = "unique " + sym.Detail
		}
		if n.IndexStmt.Idxname != "" {
			ok = after("INDEX", "CONCURRENTLY", "IF", "NOT", "EXISTS")
		} else if ok = at(n.IndexStmt.Relation.GetLocation()); ok {
			sym.Name = "(unnamed)" // PostgreSQL names it
		}
	case *pg_query.Node_CreateEnumStmt:
		sym.Kind, sym.Detail = source.SymEnum, "enum"
		if ok = after("TYPE"); ok {
			sym.Children = s.enumValues(n.CreateEnumStmt.Vals, toks, sfAfter(text, toks, first, "ENUM"))
		}
	case *pg_query.Node_CompositeTypeStmt:
		sym.Kind, sym.Detail = source.SymStruct, "composite"
		if ok = at(n.CompositeTypeStmt.Typevar.GetLocation()); ok {
			sym.Children = s.columns(n.CompositeTypeStmt.Coldeflist, locs, toks, "field")
		}
	case *pg_query.Node_CreateRangeStmt:
		sym.Kind, sym.Detail = source.SymObject, "range type"
		ok = after("TYPE")
	case *pg_query.Node_DefineStmt:
		switch n.DefineStmt.Kind {
		case pg_query.ObjectType_OBJECT_TYPE:
			sym.Kind, sym.Detail = source.SymObject, "type"
			ok = after("TYPE")
		case pg_query.ObjectType_OBJECT_AGGREGATE:
			sym.Kind, sym.Detail = source.SymFunction, "aggregate"
			ok = after("AGGREGATE")
		}
	case *pg_query.Node_CreateDomainStmt:
		sym.Kind, sym.Detail = source.SymTypeParameter, "domain"
		if ok = after("DOMAIN"); ok {
			if t := s.typeText(toks, n.CreateDomainStmt.TypeName, locs); t != "" {
				sym.Detail += " " + t
			}
		}
	case *pg_query.Node_CreateSeqStmt:
		sym.Kind, sym.Detail = source.SymNumber, "sequence"
		ok = at(n.CreateSeqStmt.Sequence.GetLocation())
	case *pg_query.Node_CreateSchemaStmt:
		sym.Kind, sym.Detail = source.SymNamespace, "schema"
		i := sfAfter(text, toks, first, "SCHEMA", "IF", "NOT", "EXISTS")
		if i < len(toks) && toks[i].is(text, "AUTHORIZATION") {
			i++ // CREATE SCHEMA AUTHORIZATION role: the schema is named after the role
		}
		var next int
		sym.Name, sym.Selection, next, ok = sfName(text, toks, i)
		if ok {
			sym.Children = s.schemaElements(n.CreateSchemaStmt.SchemaElts, locs, toks, next)
		}
	case *pg_query.Node_CreateExtensionStmt:
		sym.Kind, sym.Detail = source.SymPackage, "extension"
		ok = after("EXTENSION", "IF", "NOT", "EXISTS")
	case *pg_query.Node_RenameStmt, *pg_query.Node_AlterObjectSchemaStmt:
		// ALTER TABLE … RENAME and ALTER TABLE … SET SCHEMA
		rv := node.GetRenameStmt().GetRelation()
		if rv == nil {
			rv = node.GetAlterObjectSchemaStmt().GetRelation()
		}
		if rv != nil && first+1 < len(toks) && toks[first].is(text, "ALTER") && toks[first+1].is(text, "TABLE") {
			sym.Kind, sym.Detail = source.SymStruct, "alter table"
			ok = at(rv.Location)
		}
	case *pg_query.Node_AlterTableStmt:
		if n.AlterTableStmt.Objtype != pg_query.ObjectType_OBJECT_TABLE {
			break
		}
		sym.Kind, sym.Detail = source.SymStruct, "alter table"
		if ok = at(n.AlterTableStmt.Relation.GetLocation()); ok {
			var cols []*pg_query.Node
			for _, c := range n.AlterTableStmt.Cmds {
				if cmd := c.GetAlterTableCmd(); cmd != nil && cmd.Subtype == pg_query.AlterTableType_AT_AddColumn {
					cols = append(cols, cmd.Def)
				}
			}
			sym.Children = s.columns(cols, locs, toks, "column")
		}
	}
	return sym, ok && sym.Name != ""
}

// table describes a CREATE TABLE: its columns as children, and for a
// partition, its parent in the detail.
func (s *Script) table(sym *source.Symbol, n *pg_query.CreateStmt, what string, at func(int32) bool,
	relName func(*pg_query.RangeVar) string, locs int, toks []sfTok) bool {
	if n == nil || !at(n.Relation.GetLocation()) {
		return false
	}
	sym.Kind, sym.Detail = source.SymStruct, what
	if n.Partbound != nil && len(n.InhRelations) == 1 {
		sym.Detail = "partition of " + relName(n.InhRelations[0].GetRangeVar())
	}
	sym.Children = s.columns(n.TableElts, locs, toks, "column")
	return true
}

// columns are the column definitions among elts as Field symbols, each
// spanning its definition, with "column TYPE" (or "field TYPE") as detail.
func (s *Script) columns(elts []*pg_query.Node, locs int, toks []sfTok, what string) []source.Symbol {
	var out []source.Symbol
	for _, e := range elts {
		cd := e.GetColumnDef()
		if cd == nil {
			continue
		}
		i := sfAt(toks, locs+int(cd.Location))
		if i >= len(toks) || toks[i].Kind != sfWord && toks[i].Kind != sfQuoted {
			continue
		}
		end := sfElement(toks, s.Text, i)
		sym := source.Symbol{
			Name:      s.Text[toks[i].Start:toks[i].End],
			Detail:    what,
			Kind:      source.SymField,
			Range:     source.Range{Start: toks[i].Start, End: end},
			Selection: source.Range{Start: toks[i].Start, End: toks[i].End},
		}
		if t := s.typeText(toks, cd.TypeName, locs); t != "" {
			sym.Detail += " " + t
		}
		out = append(out, sym)
	}
	return out
}

// columnStops are the words that end a column's type: its constraints
// and options.
var columnStops = []string{"CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES",
	"GENERATED", "COLLATE", "COMPRESSION", "STORAGE", "DEFERRABLE", "INITIALLY", "WITH", "OPTIONS", "AS"}

// typeText is a type as written, blanks collapsed: from its first token to
// the end of the list element, or a constraint.
func (s *Script) typeText(toks []sfTok, tn *pg_query.TypeName, locs int) string {
	if tn == nil || tn.Location < 0 {
		return ""
	}
	i := sfAt(toks, locs+int(tn.Location))
	start, end, depth := -1, -1, 0
	for ; i < len(toks); i++ {
		t := toks[i]
		if depth == 0 {
			if t.is(s.Text, ",") || t.is(s.Text, ")") || t.is(s.Text, ";") {
				break
			}
			stop := false
			for _, w := range columnStops {
				if t.is(s.Text, w) {
					stop = true
					break
				}
			}
			if stop {
				break
			}
		}
		switch {
		case t.is(s.Text, "(") || t.is(s.Text, "["):
			depth++
		case t.is(s.Text, ")") || t.is(s.Text, "]"):
			depth--
		}
		if start < 0 {
			start = t.Start
		}
		end = t.End
	}
	if start < 0 {
		return ""
	}
	return strings.Join(strings.Fields(s.Text[start:end]), " ")
}

// enumValues are an enum's labels (the string tokens of the list opened at
// toks[i]) as EnumMember symbols.
func (s *Script) enumValues(vals []*pg_query.Node, toks []sfTok, i int) []source.Symbol {
	var out []source.Symbol
	for ; i < len(toks) && len(out) < len(vals); i++ {
		if toks[i].is(s.Text, ")") {
			break
		}
		if toks[i].Kind != sfString {
			continue
		}
		r := source.Range{Start: toks[i].Start, End: toks[i].End}
		out = append(out, source.Symbol{
			Name: vals[len(out)].GetString_().GetSval(), Detail: "value", Kind: source.SymEnumMember, Range: r, Selection: r,
		})
	}
	return out
}

// schemaElements are the objects a CREATE SCHEMA creates with it; each
// spans from its CREATE (or GRANT) to the next one. toks[from:] follow the
// schema's name.
func (s *Script) schemaElements(elts []*pg_query.Node, locs int, toks []sfTok, from int) []source.Symbol {
	var starts []int
	for i := from; i < len(toks); i++ {
		if toks[i].is(s.Text, "CREATE") || toks[i].is(s.Text, "GRANT") {
			starts = append(starts, i)
		}
	}
	if len(starts) != len(elts) {
		return nil
	}
	var out []source.Symbol
	for k, e := range elts {
		last := len(toks) - 1
		if k+1 < len(starts) {
			last = starts[k+1] - 1
		}
		if toks[last].is(s.Text, ";") {
			last--
		}
		r := source.Range{Start: toks[starts[k]].Start, End: toks[last].End}
		if sym, ok := s.symbol(e, r, locs, toks[:last+1]); ok {
			out = append(out, sym)
		}
	}
	return out
}
