// Package schema is the model every feature reads: a Realm of Schemas
// holding tables, views, functions, triggers, policies, enums, domains,
// composite types, sequences and extensions. HCL (hclschema) and SQL
// (sqlsupport) both load into it; the planner compares two of them. Every
// object keeps where it was declared. The package does no I/O.
package schema

import "github.com/schema-ls/schema-ls/internal/source"

// Pos is where an object is declared: a file and a byte range in it.
type Pos struct {
	File  string
	Range source.Range
}

// Realm is a whole database: its schemas and extensions.
type Realm struct {
	Schemas    []*Schema
	Extensions []*Extension
}

// Schema returns the schema named name, or nil.
func (r *Realm) Schema(name string) *Schema {
	for _, s := range r.Schemas {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Schema is a PostgreSQL schema (namespace) and the objects in it.
type Schema struct {
	Name       string
	Comment    string
	Tables     []*Table
	Views      []*View // views and materialized views
	Funcs      []*Func // functions, procedures and aggregates
	Enums      []*Enum
	Domains    []*Domain
	Composites []*Composite
	Sequences  []*Sequence
	Pos        Pos
}

// Table returns the table named name, or nil.
func (s *Schema) Table(name string) *Table {
	for _, t := range s.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Table is a table with its columns, keys, indexes and constraints.
type Table struct {
	Schema      *Schema
	Name        string
	Columns     []*Column
	PrimaryKey  *Index
	Indexes     []*Index
	ForeignKeys []*ForeignKey
	Checks      []*Check
	Excludes    []*Exclude
	Partition   *Partition
	PartitionOf *PartitionOf
	Triggers    []*Trigger
	Policies    []*Policy
	RowSecurity RowSecurity
	Unlogged    bool // CREATE UNLOGGED TABLE
	Comment     string
	Pos         Pos
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Column is a table, view or composite column.
type Column struct {
	Name      string
	Type      Type
	Null      bool
	Default   *Expr
	Identity  *Identity
	Generated *Expr // GENERATED ALWAYS AS (expr) STORED
	Collate   string
	Comment   string
	Pos       Pos
}

// Identity makes a column GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY.
// Start is always set (DefaultStart when left out); Min, Max and Cache
// are nil when PostgreSQL's default for the column's type and the
// direction of Increment (Normalize).
type Identity struct {
	Always    bool
	Start     int64
	Increment int64
	Min, Max  *int64
	Cache     *int64
	Cycle     bool
}

// ExprKind says how an expression was written.
type ExprKind int

// Expression kinds.
const (
	ExprString ExprKind = iota + 1 // a string literal
	ExprNumber                     // a number literal
	ExprBool                       // true or false
	ExprSQL                        // SQL text: sql("…"), or a string attribute holding SQL
)

// Expr is a default, a check, a generated expression or a predicate.
type Expr struct {
	Kind  ExprKind
	Value string // the literal's value, or the SQL text
	Pos   Pos
}

// Index is an index, or the index behind a primary key or unique constraint.
// Name is the name PostgreSQL gives it when the source leaves it out
// (DefaultName).
type Index struct {
	Name          string
	Unique        bool
	Constraint    bool // a UNIQUE constraint rather than a CREATE UNIQUE INDEX
	Parts         []*IndexPart
	Method        string // upper case; BTREE when empty
	Where         string
	Include       []string
	NullsDistinct *bool // nil: NULLS DISTINCT, the default
	// Deferrable and InitiallyDeferred are for key and unique constraints.
	Deferrable        bool
	InitiallyDeferred bool
	Comment           string
	Pos               Pos
}

// Columns returns the names of the column parts, in order; ok is false
// when a part is an expression.
func (i *Index) Columns() (names []string, ok bool) {
	for _, p := range i.Parts {
		if p.Column == "" {
			return nil, false
		}
		names = append(names, p.Column)
	}
	return names, true
}

// IndexPart is one key part: a column or an expression.
type IndexPart struct {
	Column     string
	Expr       string
	Desc       bool
	NullsFirst *bool // nil: the default order (NULLS FIRST only with DESC)
	Ops        string
	Collate    string
}

// ReferenceAction is ON UPDATE/ON DELETE behaviour, in SQL spelling; empty
// for the default, NO ACTION.
type ReferenceAction string

// Reference actions.
const (
	NoAction   ReferenceAction = "NO ACTION"
	Restrict   ReferenceAction = "RESTRICT"
	Cascade    ReferenceAction = "CASCADE"
	SetNull    ReferenceAction = "SET NULL"
	SetDefault ReferenceAction = "SET DEFAULT"
)

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string
	Columns    []string
	RefSchema  string
	RefTable   string
	RefColumns []string
	OnUpdate   ReferenceAction
	OnDelete   ReferenceAction
	Deferrable bool
	// InitiallyDeferred: DEFERRABLE INITIALLY DEFERRED.
	InitiallyDeferred bool
	// MatchFull: MATCH FULL (MATCH SIMPLE when false).
	MatchFull bool
	// OnDeleteColumns are the columns ON DELETE SET NULL or SET DEFAULT
	// sets (PostgreSQL 15+); nil for all of Columns.
	OnDeleteColumns []string
	Comment         string
	Pos             Pos
}

// Check is a CHECK constraint.
type Check struct {
	Name      string
	Expr      string
	NoInherit bool // NO INHERIT: it holds for this table, not its children
	Comment   string
	Pos       Pos
}

// Exclude is an EXCLUDE constraint.
type Exclude struct {
	Name              string
	Method            string // upper case; BTREE when empty
	Elements          []ExcludeElement
	Include           []string
	Where             string
	Deferrable        bool
	InitiallyDeferred bool
	Comment           string
	Pos               Pos
}

// ExcludeElement is one "element WITH operator" of an EXCLUDE constraint.
type ExcludeElement struct {
	Column, Expr, Op string
}

// Partition is a PARTITION BY clause.
type Partition struct {
	Type  string // RANGE, LIST or HASH
	Parts []IndexPart
}

// PartitionOf makes a table a partition of another (CREATE TABLE …
// PARTITION OF). A partition's columns are its parent's: the model keeps
// none for it, nor what it inherits (keys, indexes, checks and foreign
// keys cloned from the parent), only what is its own.
type PartitionOf struct {
	Schema, Table string
	// Bound is the partition bound as PostgreSQL prints it: FOR VALUES
	// FROM (…) TO (…), FOR VALUES IN (…), FOR VALUES WITH (…), DEFAULT.
	Bound string
}

// RowSecurity is ENABLE/FORCE ROW LEVEL SECURITY.
type RowSecurity struct {
	Enabled, Forced bool
}

// View is a view or a materialized view.
type View struct {
	Schema       *Schema
	Name         string
	Materialized bool
	Def          string // the SELECT
	Columns      []*Column
	CheckOption  string
	// SecurityBarrier and SecurityInvoker are the options security_barrier
	// and security_invoker (PostgreSQL 15+) of a view.
	SecurityBarrier bool
	SecurityInvoker bool
	Indexes         []*Index // materialized views only
	Triggers        []*Trigger
	Comment         string
	Pos             Pos
}

// FuncKind is a function, a procedure or an aggregate.
type FuncKind int

// Routine kinds.
const (
	Function FuncKind = iota
	Procedure
	Aggregate
)

// Func is a function, procedure or aggregate.
type Func struct {
	Schema      *Schema
	Name        string
	Kind        FuncKind
	Args        []*FuncArg
	Return      *Type // nil for procedures and RETURNS TABLE
	ReturnSet   bool
	ReturnTable []*Column
	Lang        string // upper case
	Body        string
	Volatility  string // IMMUTABLE or STABLE; VOLATILE when empty
	Strict      bool
	Security    string // DEFINER; INVOKER when empty
	Parallel    string // SAFE or RESTRICTED; UNSAFE when empty
	Leakproof   bool
	// Cost and Rows are COST and ROWS; 0 when PostgreSQL's default (100,
	// or 1 for C and internal functions; 1000 rows for a set).
	Cost, Rows float64
	Config     []FuncConfig // SET clauses, by name (Normalize)
	Agg        *AggDef      // an aggregate's definition
	Comment    string
	Pos        Pos
}

// FuncConfig is a routine's SET name = value, as PostgreSQL stores it
// (pg_proc.proconfig): the value of a list such as search_path as
// quoted identifiers joined by ", ".
type FuncConfig struct {
	Name, Value string
}

// AggDef is what CREATE AGGREGATE says beyond the name, arguments and
// PARALLEL of an aggregate (normal form only: ordered-set and
// moving-aggregate options are not modelled).
type AggDef struct {
	StateFunc   FuncRef // SFUNC
	StateType   Type    // STYPE
	FinalFunc   FuncRef // FINALFUNC; zero when none
	CombineFunc FuncRef // COMBINEFUNC; zero when none
	InitCond    *string // INITCOND; nil when the state starts null
	SortOp      string  // SORTOP, an operator name such as <
}

// FuncRef names a function by schema and name (built-ins in
// pg_catalog).
type FuncRef struct {
	Schema, Name string
}

// FuncArg is one argument of a routine.
type FuncArg struct {
	Name    string
	Type    Type
	Mode    string // IN, OUT, INOUT, VARIADIC; IN when empty
	Default *Expr
}

// Trigger is a trigger on a table or view.
type Trigger struct {
	Name       string
	Timing     string   // BEFORE, AFTER, INSTEAD OF
	Events     []string // INSERT, UPDATE, DELETE, TRUNCATE
	UpdateOf   []string
	ForEachRow bool
	When       string
	FuncSchema string
	FuncName   string
	Args       []string
	// OldTable and NewTable name the transition tables (REFERENCING OLD
	// TABLE AS …, NEW TABLE AS …).
	OldTable, NewTable string
	// Constraint: CREATE CONSTRAINT TRIGGER (AFTER, FOR EACH ROW), which
	// may be DEFERRABLE (and INITIALLY DEFERRED).
	Constraint        bool
	Deferrable        bool
	InitiallyDeferred bool
	Comment           string
	Pos               Pos
}

// Policy is a row-level security policy of a table.
type Policy struct {
	Name    string
	As      string   // RESTRICTIVE; PERMISSIVE when empty
	For     string   // SELECT, INSERT, UPDATE, DELETE; ALL when empty
	To      []string // PUBLIC when empty
	Using   string
	Check   string
	Comment string
	Pos     Pos
}

// Enum is an enumerated type.
type Enum struct {
	Schema  *Schema
	Name    string
	Values  []string
	Comment string
	Pos     Pos
}

// Domain is a domain over a base type.
type Domain struct {
	Schema  *Schema
	Name    string
	Type    Type
	Null    bool
	Default *Expr
	Checks  []*Check
	Comment string
	Pos     Pos
}

// Composite is a composite type.
type Composite struct {
	Schema  *Schema
	Name    string
	Fields  []*Column
	Comment string
	Pos     Pos
}

// Sequence is a sequence.
// Options PostgreSQL would choose anyway are nil (see Normalize).
type Sequence struct {
	Schema    *Schema
	Name      string
	Type      Type // bigint when zero
	Start     *int64
	Increment *int64
	Min, Max  *int64
	Cache     *int64
	Cycle     bool
	OwnedBy   string // table.column, when owned
	Comment   string
	Pos       Pos
}

// Extension is an installed extension.
type Extension struct {
	Name    string
	Schema  string
	Version string
	// Comment is set by COMMENT ON EXTENSION; empty when the extension's
	// own description (from its control file) stands.
	Comment string
	Pos     Pos
}

// Object is a named object of a schema, for listings and lookups. Kind is
// the Atlas block type that declares it.
type Object struct {
	Kind  string // table, view, materialized, function, procedure, aggregate, enum, domain, composite, sequence
	Name  string
	Pos   Pos
	Value any // *Table, *View, *Func, *Enum, *Domain, *Composite or *Sequence
}

// Objects lists the schema's objects in a fixed order of kinds.
func (s *Schema) Objects() []Object {
	var out []Object
	for _, t := range s.Tables {
		out = append(out, Object{"table", t.Name, t.Pos, t})
	}
	for _, v := range s.Views {
		kind := "view"
		if v.Materialized {
			kind = "materialized"
		}
		out = append(out, Object{kind, v.Name, v.Pos, v})
	}
	for _, f := range s.Funcs {
		out = append(out, Object{[...]string{"function", "procedure", "aggregate"}[f.Kind], f.Name, f.Pos, f})
	}
	for _, e := range s.Enums {
		out = append(out, Object{"enum", e.Name, e.Pos, e})
	}
	for _, d := range s.Domains {
		out = append(out, Object{"domain", d.Name, d.Pos, d})
	}
	for _, c := range s.Composites {
		out = append(out, Object{"composite", c.Name, c.Pos, c})
	}
	for _, q := range s.Sequences {
		out = append(out, Object{"sequence", q.Name, q.Pos, q})
	}
	return out
}
