package sqlsupport

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"github.com/pganalyze/pg_query_go/v6/parser"

	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// The DDL loader replays SQL into the model, statement by statement, as
// PostgreSQL would apply it to an empty database: CREATE adds, ALTER
// changes, DROP removes, COMMENT ON annotates. How SQL maps to the model,
// so that a schema written in SQL and the same schema written in Atlas HCL
// load equal (testdata/sqlmodel holds pairs that prove it):
//
//   - Objects without a schema go to public (or, inside CREATE SCHEMA, to
//     that schema); public is made when something lands in it.
//   - Types are normalised as hclschema does (schema.BuiltinType); a name
//     that is not built in resolves to an enum, domain, composite or table
//     type, looked up when used or, failing that, once everything is
//     loaded; what never resolves is kept as written (Type.Raw).
//   - serial, bigserial and smallserial stay the column's type, as Atlas
//     writes them, and make it NOT NULL; the sequence and the nextval
//     default PostgreSQL adds are implied, not loaded.
//   - SQL text (defaults, checks, generated columns, index parts and
//     predicates, policies, trigger conditions, view queries, routine
//     bodies) is the source text as written, without the parentheses the
//     syntax requires around it and without surrounding white space.
//     Literal defaults become string, number or bool values as in HCL,
//     and so do literals cast to the column's type; then they are put in
//     the form PostgreSQL stores (schema.NormalizeDefault: 'yes' on a
//     boolean is true, '2 hours' on an interval '02:00:00').
//   - Unnamed constraints and indexes get the names PostgreSQL gives them
//     (schema.DefaultName), after dropping key constraints that repeat one
//     another as CREATE TABLE does; settings equal to PostgreSQL's defaults
//     are stored as the zero value (the Normalize methods of schema).
//   - Columns are NOT NULL as PostgreSQL makes them: NOT NULL, primary
//     key, identity and serial columns. View columns come from a column
//     list only, typed when they select a plain table column or a cast.
//   - A partition (PARTITION OF, ATTACH PARTITION) keeps no columns, nor
//     what it inherits from its parent; its bound is kept as PostgreSQL
//     prints it (NormalizeBound). DETACH PARTITION gives it its parent's
//     columns and clones of what it inherited (schema.Realm.Detached).
//   - Renames and SET SCHEMA carry references along (foreign keys, column
//     types, owned sequences, triggers); DROP takes what PostgreSQL drops
//     with the object, and refuses without CASCADE what it refuses.
//   - Statements and clauses the model has no place for are reported as
//     warnings, psql meta-commands too; statements PostgreSQL would refuse
//     (a missing or duplicate object) as errors; statements that do not
//     parse as syntax errors, each on its own.

// Source is one SQL text: a .sql file, or one migration file of a
// directory, replayed in order.
type Source struct {
	Name string
	Text string
}

// Loaded is the model the sources build, and the problems found, by
// source name.
type Loaded struct {
	Realm *schema.Realm
	Diags map[string][]source.Diagnostic
}

// Diagnostic codes of loading.
const (
	// CodeNotModelled marks a statement or clause left out of the model.
	CodeNotModelled = "sql-not-modelled"
	// CodeReplay marks a statement PostgreSQL would refuse given the
	// statements before it: a missing or duplicate object.
	CodeReplay = "sql-replay"
	// CodeInternal marks a statement the loader failed on: a bug.
	CodeInternal = "sql-load-internal"
	// loadCodeSyntax is the code of statements that do not parse; the same
	// as the syntax diagnostics of parsing.
	loadCodeSyntax = "sql-syntax"
)

// Load replays the sources, in order, into one realm.
func Load(sources ...Source) *Loaded {
	l := &loader{
		out:  &Loaded{Realm: &schema.Realm{}, Diags: map[string][]source.Diagnostic{}},
		uses: map[any][]string{},
		auto: map[any]ldAutoName{},
	}
	for _, src := range sources {
		l.load(src)
	}
	l.finish()
	for _, diags := range l.out.Diags {
		slices.SortStableFunc(diags, func(a, b source.Diagnostic) int { return a.Range.Start - b.Range.Start })
	}
	return l.out
}

// loader holds what replaying has built so far.
type loader struct {
	out *Loaded
	// types waiting for their user type to be declared, and foreign keys
	// waiting for their referenced table, resolved by finish.
	types []ldPendingType
	fks   []ldPendingFK
	// uses are the columns an index, check, exclusion constraint or
	// generated column refers to, for DROP COLUMN.
	uses map[any][]string
	// auto are the index constraints PostgreSQL names, and how.
	auto map[any]ldAutoName
	// implicit is public when no CREATE SCHEMA made it.
	implicit *schema.Schema
}

// semicolons returns text with each occurrence of a custom statement
// delimiter (-- atlas:delimiter) replaced by a semicolon and blanks, line
// breaks kept, so statements end where Atlas ends them and every offset
// stays where it was.
func semicolons(text string) string {
	sc := ParseScript(text)
	if len(sc.delims) == 0 {
		return text
	}
	b := []byte(text)
	for _, d := range sc.delims {
		for i := d.Start; i < d.End; i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
			}
		}
		b[d.Start] = ';'
	}
	return string(b)
}

// ldTok is one token of a source, in byte offsets.
type ldTok struct {
	start, end int
	kind       pg_query.Token
	keyword    bool
}

// ldStmt is the statement being replayed and what it needs to read its
// source text.
type ldStmt struct {
	l    *loader
	name string // source name
	text string // source text
	toks []ldTok
	base int // added to the statement's node locations
	// first and last are its tokens (last excluded), rng its bytes.
	first, last int
	rng         source.Range
	defSchema   string   // where unqualified names go
	skipped     []string // clauses the model has no place for
}

// load replays one source.
func (l *loader) load(src Source) {
	src.Text = semicolons(src.Text)
	if tree, err := pg_query.Parse(src.Text); err == nil {
		toks, _ := ldScan(src.Text)
		for _, raw := range tree.Stmts {
			st := l.stmt(src, toks, 0, int(raw.StmtLocation), int(raw.StmtLocation+raw.StmtLen))
			if raw.StmtLen == 0 {
				st = l.stmt(src, toks, 0, int(raw.StmtLocation), len(src.Text))
			}
			st.replay(raw.Stmt)
		}
		return
	}
	// Split into statements and parse each, so one broken statement does
	// not hide the others. psql meta-commands (\connect, \restrict) are
	// blanked out first: they are not SQL, and end at the end of their line.
	text, metas := ldBlankMeta(src.Text)
	for _, m := range metas {
		l.out.Diags[src.Name] = append(l.out.Diags[src.Name], source.Diagnostic{Range: m, Severity: source.Warning, Code: CodeNotModelled,
			Message: fmt.Sprintf("psql meta-commands (%s) are not SQL; ignored", strings.Fields(src.Text[m.Start:m.End])[0])})
	}
	src.Text = text
	toks, scanErr := ldScan(text)
	for _, piece := range ldSplit(toks) {
		start, end := toks[piece[0]].start, toks[piece[1]-1].end
		text := src.Text[start:end]
		st := l.stmt(src, toks, start, start, end)
		tree, err := pg_query.Parse(text)
		if err != nil {
			st.syntax(err)
			continue
		}
		for _, raw := range tree.Stmts {
			sub := l.stmt(src, toks, start, start+int(raw.StmtLocation), start+int(raw.StmtLocation+raw.StmtLen))
			if raw.StmtLen == 0 {
				sub = l.stmt(src, toks, start, start+int(raw.StmtLocation), end)
			}
			sub.replay(raw.Stmt)
		}
	}
	if scanErr != nil {
		// The text from the last statement boundary on could not be split.
		from := 0
		if n := len(toks); n > 0 {
			from = toks[n-1].end
		}
		rest := strings.TrimSpace(src.Text[from:])
		if rest != "" {
			from += strings.Index(src.Text[from:], rest[:1])
			st := l.stmt(src, toks, from, from, len(src.Text))
			st.rng = source.Range{Start: from, End: len(src.Text)}
			st.syntax(scanErr)
		}
	}
}

// ldBlankMeta replaces the lines of text that start with a backslash
// (psql meta-commands) with spaces, returning their ranges.
func ldBlankMeta(text string) (string, []source.Range) {
	var out []source.Range
	b := []byte(text)
	for start := 0; start < len(b); {
		end := start + bytes.IndexByte(b[start:], '\n')
		if end < start {
			end = len(b)
		}
		line := bytes.TrimLeft(b[start:end], " \t")
		if len(line) > 0 && line[0] == '\\' {
			from := end - len(line)
			to := from + len(bytes.TrimRight(line, " \t\r"))
			out = append(out, source.Range{Start: from, End: to})
			for i := from; i < to; i++ {
				b[i] = ' '
			}
		}
		start = end + 1
	}
	return string(b), out
}

// ldScan returns the tokens of text without comments. When the text does
// not scan to its end (an unterminated string), it returns the tokens of
// the statements before the error, and the error.
func ldScan(text string) ([]ldTok, error) {
	res, err := pg_query.Scan(text)
	if err != nil {
		var pe *parser.Error
		if !errors.As(err, &pe) || pe.Cursorpos <= 1 {
			return nil, err
		}
		end := source.RuneOffsetToByte(text, pe.Cursorpos-1)
		if i := strings.LastIndexByte(text[:end], ';'); i >= 0 {
			if toks, err2 := ldScan(text[:i+1]); err2 == nil {
				return toks, err
			}
		}
		return nil, err
	}
	toks := make([]ldTok, 0, len(res.Tokens))
	for _, t := range res.Tokens {
		if t.Token == pg_query.Token_SQL_COMMENT || t.Token == pg_query.Token_C_COMMENT {
			continue
		}
		toks = append(toks, ldTok{int(t.Start), int(t.End), t.Token, t.KeywordKind != pg_query.KeywordKind_NO_KEYWORD})
	}
	return toks, nil
}

// ldSplit splits tokens into statements at semicolons, except inside
// BEGIN ATOMIC … END bodies. Each piece is [first, last) token indexes,
// semicolon excluded.
func ldSplit(toks []ldTok) [][2]int {
	var out [][2]int
	start, depth := 0, 0
	for i, t := range toks {
		switch {
		case t.kind == pg_query.Token_BEGIN_P && i+1 < len(toks) && toks[i+1].kind == pg_query.Token_ATOMIC:
			depth++
		case depth > 0 && t.kind == pg_query.Token_CASE:
			depth++
		case depth > 0 && t.kind == pg_query.Token_END_P:
			depth--
		case depth == 0 && t.kind == ';':
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// stmt makes the context of the statement at bytes [from, to) of src.
func (l *loader) stmt(src Source, toks []ldTok, base, from, to int) *ldStmt {
	first, _ := slices.BinarySearchFunc(toks, from, func(t ldTok, off int) int { return t.start - off })
	last, _ := slices.BinarySearchFunc(toks, to, func(t ldTok, off int) int { return t.start - off })
	for last > first && (toks[last-1].kind == ';' || toks[last-1].end > to) {
		last--
	}
	st := &ldStmt{l: l, name: src.Name, text: src.Text, toks: toks, base: base, first: first, last: last, defSchema: "public"}
	st.rng = source.Range{Start: from, End: to}
	if last > first {
		st.rng = source.Range{Start: toks[first].start, End: toks[last-1].end}
	}
	return st
}

func (st *ldStmt) syntax(err error) {
	msg := err.Error()
	var pe *parser.Error
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	st.report(st.rng, source.Error, loadCodeSyntax, "%s", msg)
}

func (st *ldStmt) report(r source.Range, sev source.Severity, code, format string, args ...any) {
	d := source.Diagnostic{Range: r, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)}
	st.l.out.Diags[st.name] = append(st.l.out.Diags[st.name], d)
}

// fail reports a statement PostgreSQL would refuse.
func (st *ldStmt) fail(format string, args ...any) {
	st.report(st.rng, source.Error, CodeReplay, format, args...)
}

// skip notes a clause the model has no place for; replay reports them.
func (st *ldStmt) skip(what string) {
	if !slices.Contains(st.skipped, what) {
		st.skipped = append(st.skipped, what)
	}
}

// unmodelled reports a whole statement the model has no place for.
func (st *ldStmt) unmodelled(kind string) {
	if kind == "" {
		kind = st.kindWords()
	}
	st.report(st.rng, source.Warning, CodeNotModelled, "%s statements are not part of the schema model; ignored", kind)
}

// kindWords names the statement by its leading key words: GRANT, SET,
// CREATE ROLE, ALTER DEFAULT PRIVILEGES.
func (st *ldStmt) kindWords() string {
	var words []string
	for i := st.first; i < st.last && len(words) < 3; i++ {
		w := strings.ToUpper(st.text[st.toks[i].start:st.toks[i].end])
		if !st.toks[i].keyword {
			break
		}
		if len(words) > 0 && (w == "OR" || w == "REPLACE") {
			continue
		}
		words = append(words, w)
		if w != "CREATE" && w != "ALTER" && w != "DROP" && len(words) == 1 {
			break
		}
	}
	if len(words) == 0 {
		return "These"
	}
	return strings.Join(words, " ")
}

// replay applies one statement to the model. A statement the loader
// fails on is reported, not allowed to stop the others.
func (st *ldStmt) replay(n *pg_query.Node) {
	defer func() {
		if r := recover(); r != nil {
			st.report(st.rng, source.Error, CodeInternal, "The loader failed on this statement (%v); please report it", r)
		}
	}()
	st.dispatch(n)
	if len(st.skipped) > 0 {
		st.report(st.rng, source.Warning, CodeNotModelled, "Not part of the schema model, ignored: %s", strings.Join(st.skipped, ", "))
	}
}

func (st *ldStmt) dispatch(n *pg_query.Node) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_CreateSchemaStmt:
		st.createSchema(x.CreateSchemaStmt)
	case *pg_query.Node_CreateStmt:
		st.createTable(x.CreateStmt)
	case *pg_query.Node_IndexStmt:
		st.createIndex(x.IndexStmt)
	case *pg_query.Node_ViewStmt:
		st.createView(x.ViewStmt)
	case *pg_query.Node_CreateTableAsStmt:
		if x.CreateTableAsStmt.Objtype == pg_query.ObjectType_OBJECT_MATVIEW {
			st.createMatView(x.CreateTableAsStmt)
		} else {
			st.unmodelled("CREATE TABLE … AS")
		}
	case *pg_query.Node_CreateFunctionStmt:
		st.createFunction(x.CreateFunctionStmt)
	case *pg_query.Node_DefineStmt:
		st.define(x.DefineStmt)
	case *pg_query.Node_AlterFunctionStmt:
		st.alterFunction(x.AlterFunctionStmt)
	case *pg_query.Node_CreateTrigStmt:
		st.createTrigger(x.CreateTrigStmt)
	case *pg_query.Node_CreatePolicyStmt:
		st.createPolicy(x.CreatePolicyStmt)
	case *pg_query.Node_AlterPolicyStmt:
		st.alterPolicy(x.AlterPolicyStmt)
	case *pg_query.Node_CreateEnumStmt:
		st.createEnum(x.CreateEnumStmt)
	case *pg_query.Node_AlterEnumStmt:
		st.alterEnum(x.AlterEnumStmt)
	case *pg_query.Node_CompositeTypeStmt:
		st.createComposite(x.CompositeTypeStmt)
	case *pg_query.Node_CreateDomainStmt:
		st.createDomain(x.CreateDomainStmt)
	case *pg_query.Node_AlterDomainStmt:
		st.alterDomain(x.AlterDomainStmt)
	case *pg_query.Node_CreateSeqStmt:
		st.createSequence(x.CreateSeqStmt)
	case *pg_query.Node_AlterSeqStmt:
		st.alterSequence(x.AlterSeqStmt)
	case *pg_query.Node_CreateExtensionStmt:
		st.createExtension(x.CreateExtensionStmt)
	case *pg_query.Node_AlterExtensionStmt:
		st.alterExtension(x.AlterExtensionStmt)
	case *pg_query.Node_AlterTableStmt:
		st.alterTable(x.AlterTableStmt)
	case *pg_query.Node_RenameStmt:
		st.rename(x.RenameStmt)
	case *pg_query.Node_AlterObjectSchemaStmt:
		st.setSchema(x.AlterObjectSchemaStmt)
	case *pg_query.Node_DropStmt:
		st.drop(x.DropStmt)
	case *pg_query.Node_CommentStmt:
		st.comment(x.CommentStmt)
	default:
		st.unmodelled("")
	}
}

// pos is a position in the statement's source.
func (st *ldStmt) pos(r source.Range) schema.Pos { return schema.Pos{File: st.name, Range: r} }

// stmtPos is the position of the whole statement.
func (st *ldStmt) stmtPos() schema.Pos { return st.pos(st.rng) }
