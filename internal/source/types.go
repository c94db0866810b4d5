package source

// Range is a half-open span of byte offsets in one file.
type Range struct {
	Start, End int
}

// Contains reports whether off lies in r (an empty range contains its start).
func (r Range) Contains(off int) bool {
	return off >= r.Start && (off < r.End || off == r.Start)
}

// Severity of a diagnostic.
type Severity int

// Severities, in LSP's order.
const (
	Error Severity = iota + 1
	Warning
	Info
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	case Hint:
		return "hint"
	}
	return "unknown"
}

// Diagnostic is a problem found in a file, positioned by byte offsets.
type Diagnostic struct {
	Range    Range
	Severity Severity
	Message  string
	Code     string // e.g. "syntax"; shown as [code] by the CLI
}

// FoldKind classifies a folding range.
type FoldKind string

// Fold kinds, as LSP names them.
const (
	FoldRegion  FoldKind = "region"
	FoldComment FoldKind = "comment"
	FoldImports FoldKind = "imports"
)

// FoldRange is a foldable span of whole 0-based lines.
type FoldRange struct {
	StartLine, EndLine int
	Kind               FoldKind
}

// SymbolKind is the kind of a document symbol. The values equal LSP's
// SymbolKind numbers so the conversion is a cast, but the names here are ours.
type SymbolKind int

// Symbol kinds used by schema-ls.
const (
	SymFile          SymbolKind = 1
	SymModule        SymbolKind = 2
	SymNamespace     SymbolKind = 3
	SymPackage       SymbolKind = 4
	SymClass         SymbolKind = 5
	SymMethod        SymbolKind = 6
	SymProperty      SymbolKind = 7
	SymField         SymbolKind = 8
	SymConstructor   SymbolKind = 9
	SymEnum          SymbolKind = 10
	SymInterface     SymbolKind = 11
	SymFunction      SymbolKind = 12
	SymVariable      SymbolKind = 13
	SymConstant      SymbolKind = 14
	SymString        SymbolKind = 15
	SymNumber        SymbolKind = 16
	SymBoolean       SymbolKind = 17
	SymArray         SymbolKind = 18
	SymObject        SymbolKind = 19
	SymKey           SymbolKind = 20
	SymNull          SymbolKind = 21
	SymEnumMember    SymbolKind = 22
	SymStruct        SymbolKind = 23
	SymEvent         SymbolKind = 24
	SymOperator      SymbolKind = 25
	SymTypeParameter SymbolKind = 26
)

var symbolKindNames = map[SymbolKind]string{
	SymFile: "File", SymModule: "Module", SymNamespace: "Namespace", SymPackage: "Package",
	SymClass: "Class", SymMethod: "Method", SymProperty: "Property", SymField: "Field",
	SymConstructor: "Constructor", SymEnum: "Enum", SymInterface: "Interface",
	SymFunction: "Function", SymVariable: "Variable", SymConstant: "Constant",
	SymString: "String", SymNumber: "Number", SymBoolean: "Boolean", SymArray: "Array",
	SymObject: "Object", SymKey: "Key", SymNull: "Null", SymEnumMember: "EnumMember",
	SymStruct: "Struct", SymEvent: "Event", SymOperator: "Operator",
	SymTypeParameter: "TypeParameter",
}

func (k SymbolKind) String() string {
	if s, ok := symbolKindNames[k]; ok {
		return s
	}
	return "Unknown"
}

// Symbol is a document symbol: Range covers the whole declaration,
// Selection the name a client highlights.
type Symbol struct {
	Name      string
	Detail    string
	Kind      SymbolKind
	Range     Range
	Selection Range
	Children  []Symbol
}
