// Package spec is the spec table: one declarative description of every
// block, label and attribute Atlas's PostgreSQL HCL allows, the values each
// attribute takes and the documentation hover shows. Decoding, diagnostics,
// completion and hover all read it; there is no second list anywhere.
//
// Each block kind is one literal in a file named after it (table.go,
// function.go, …). Documentation strings are Markdown, written for this
// project.
package spec

// ValueKind is a kind of value an attribute accepts.
type ValueKind int

// Value kinds.
const (
	Bool       ValueKind = iota + 1 // true / false
	String                          // a string literal (or heredoc)
	Number                          // a number literal
	Const                           // one of Consts, written as a bare word (CASCADE, ALWAYS, …)
	Ref                             // a reference to an object of a kind in RefTo (table.users, column.id)
	RefList                         // a list of such references
	StringList                      // a list of strings (items may also be words from Consts)
	ColumnType                      // a PostgreSQL type: int, varchar(255), sql("…"), or a reference to enum/domain/composite
	RawSQL                          // sql("…"): an expression passed to PostgreSQL as is
	SQLText                         // a string holding SQL of kind SQL (heredocs of views, functions, …)
	Any                             // any expression (variables, locals, …)
)

// SQLKind says what a SQLText attribute holds, for the SQL checker.
type SQLKind int

// SQL kinds.
const (
	SQLNone       SQLKind = iota
	SQLQuery              // a SELECT (view and materialized view bodies)
	SQLExpression         // a scalar or boolean expression (checks, policies, where)
	SQLBody               // a function or procedure body in the block's lang
	SQLStatements         // one or more statements
)

// Value is one accepted form of an attribute's value.
type Value struct {
	Kind   ValueKind
	Consts []string // Const: the allowed words, in canonical spelling
	RefTo  []string // Ref, RefList: block types that may be referenced
	SQL    SQLKind  // SQLText, RawSQL: what the SQL is
}

// Attr describes one attribute.
type Attr struct {
	Name     string
	Required bool
	Values   []Value // accepted forms; the first is the usual one
	Doc      string
	// Warn, when set, is a warning given wherever the attribute is used:
	// Atlas accepts it, but it has no effect in PostgreSQL.
	Warn string
}

// Block describes one block type in its context.
type Block struct {
	Type     string
	Labels   []string // the names of its labels, in order ("name"); none when unlabeled
	Doc      string
	Attrs    []*Attr
	Blocks   []*Block
	Unique   bool // at most once in its parent (primary_key, identity, …)
	Required bool // must appear in its parent

	// LabelsOptional: the labels may be left out (primary_key, check, arg).
	LabelsOptional bool
	// Qualified: a leading schema label may come first
	// (table "public" "users").
	Qualified bool
	// OpenAttrs: attributes beyond Attrs are allowed (locals, and env
	// blocks, whose extra attributes become input values).
	OpenAttrs bool
	// Variants, keyed by the first label, replace this block's spec when
	// the label names one (data "sql" "x", docker "postgres" "dev"); this
	// block is then the union used for completion of unknown variants.
	Variants map[string]*Block
	// Exclusive lists groups of attribute or block names of which at most
	// one may appear; OneOf groups of which exactly one must.
	Exclusive [][]string
	OneOf     [][]string
	// AnyOf lists groups of which at least one must appear.
	AnyOf [][]string
}

// Attr returns the attribute named name, or nil.
func (b *Block) Attr(name string) *Attr {
	for _, a := range b.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Block returns the nested block of type typ, or nil.
func (b *Block) Block(typ string) *Block {
	for _, nb := range b.Blocks {
		if nb.Type == typ {
			return nb
		}
	}
	return nil
}

// Helpers for writing the table.

func attr(name string, doc string, values ...Value) *Attr {
	return &Attr{Name: name, Values: values, Doc: doc}
}

func required(a *Attr) *Attr {
	a.Required = true
	return a
}

func consts(words ...string) Value { return Value{Kind: Const, Consts: words} }
func ref(kinds ...string) Value    { return Value{Kind: Ref, RefTo: kinds} }
func refs(kinds ...string) Value   { return Value{Kind: RefList, RefTo: kinds} }
func sqlText(k SQLKind) Value      { return Value{Kind: SQLText, SQL: k} }
func rawSQL(k SQLKind) Value       { return Value{Kind: RawSQL, SQL: k} }

var (
	boolean    = Value{Kind: Bool}
	str        = Value{Kind: String}
	number     = Value{Kind: Number}
	strList    = Value{Kind: StringList}
	columnType = Value{Kind: ColumnType}
	anyValue   = Value{Kind: Any}
)
