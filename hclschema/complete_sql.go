package hclschema

import (
	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
	"github.com/schema-ls/schema-ls/sqlsupport"
)

var emptyRealm = &schema.Realm{}

var sqlCandidateKinds = map[sqlsupport.CompletionKind]CandidateKind{
	sqlsupport.CompKeyword:  CandKeyword,
	sqlsupport.CompSchema:   CandSchema,
	sqlsupport.CompTable:    CandTable,
	sqlsupport.CompView:     CandView,
	sqlsupport.CompColumn:   CandColumn,
	sqlsupport.CompFunction: CandFunction,
	sqlsupport.CompValue:    CandValue,
	sqlsupport.CompParam:    CandParam,
}

// CompleteSQL returns the candidates at off when it is inside SQL that an
// attribute holds (a view's query, a check, a function body, …); ok is
// false elsewhere. dec, the decoded unit of the file, gives the model
// and what each block's SQL may name; without it only keywords come.
func CompleteSQL(f *File, root *spec.Block, off int, dec *Decoded) (_ []Candidate, ok bool) {
	n := At(f, root, off)
	if n.Attr == nil || !n.InValue || n.AttrSpec == nil || len(n.Blocks) == 0 {
		return nil, false
	}
	owner := n.Blocks[len(n.Blocks)-1]
	r, ok := SQLRegion(f, n.Attr, n.AttrSpec, owner)
	if !ok {
		return nil, false
	}
	at, ok := r.TextOffset(off)
	if !ok {
		return nil, false
	}
	ctx := &sqlsupport.Context{}
	if dec != nil {
		ctx.Realm = dec.Realm
		if c := dec.sqlCtx[n.Blocks[0]]; c != nil {
			ctx = attrContext(c, owner, n.Attr)
		}
	}
	if ctx.Realm == nil {
		ctx.Realm = emptyRealm
	}
	return candidates(r.Complete(at, ctx), r.Host), true
}

// candidates converts SQL completions, their ranges through host.
func candidates(cs []sqlsupport.Completion, host func(source.Range) source.Range) []Candidate {
	var out []Candidate
	for _, c := range cs {
		out = append(out, Candidate{Label: c.Label, Kind: sqlCandidateKinds[c.Kind], Detail: c.Detail, Replace: host(c.Replace)})
	}
	return out
}

// CompleteSQLFile returns the candidates at off in a .sql file whose
// schema is realm.
func CompleteSQLFile(text string, off int, realm *schema.Realm) []Candidate {
	if realm == nil {
		realm = emptyRealm
	}
	same := func(r source.Range) source.Range { return r }
	return candidates(sqlsupport.Complete(text, off, &sqlsupport.Context{Realm: realm}), same)
}
