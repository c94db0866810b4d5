// Package marker runs schema-ls's feature tests: txtar archives under
// testdata/lsp/<feature>/<case>.txtar, each a small workspace, played against
// the real server over a real JSON-RPC connection. A new test case is a new
// archive, not new Go code.
//
// # Archives
//
// The archive's leading comment is prose saying what the case checks. Each
// section is a file written into a fresh workspace folder and opened in the
// client, except the special sections:
//
//   - settings.json: the server's initializationOptions.
//   - "@edit FILE LOC": after every file is opened, one didChange for FILE
//     that replaces LOC with the section's text (its final newline
//     dropped; leave an empty line to insert one). Edits run in archive
//     order, each its own incremental change; LOC "all" sends the whole
//     text instead.
//   - "@KIND/NAME": a golden, compared with what the marker
//     @KIND(NAME) renders (for example "-- @fold/golden --").
//
// A section named *.txtar holds a nested archive; write its headers as
// ">-- name --" (the harness drops the ">").
//
// # Markers
//
// Markers sit in comments of the final text of a file (after edits):
// "# @diag(...)" or "// @diag(...)" in HCL, "-- @diag(...)" in SQL. A comment
// may hold several markers. A line of the archive's leading comment that
// starts with "@" holds a marker too; its locations must name their file.
//
//	@diag(LOC, SEVERITY, "regexp")  a diagnostic starts at LOC with that
//	                                severity (error, warning, info, hint) and a
//	                                message matching the regexp
//	@fold(NAME)                     the file's folding ranges equal golden
//	                                @fold/NAME
//	@symbols(NAME)                  the file's document symbols equal golden
//	                                @symbols/NAME
//	@hover(LOC, "text")             the hover at LOC contains text
//	@nohover(LOC)                   there is no hover at LOC
//	@complete(LOC, "label", "!no")  completion at the end of LOC offers
//	                                "label" and not "no"
//	@def(SRC, DST)                  definition at SRC is exactly DST's span
//	@refs(SRC, LOC...)              references at SRC (declaration
//	                                included) are exactly these spans
//	@highlight(SRC, LOC...)         the same for document highlights
//	@rename(SRC, "new", NAME)       renaming at SRC gives the files of golden
//	                                @rename/NAME ("== file ==" then its
//	                                text); without NAME, the rename is
//	                                refused
//	@format(NAME)                   the file as formatting leaves it equals
//	                                golden @format/NAME ("error: …" when
//	                                the server refuses)
//	@tokens(NAME)                   the file's semantic tokens ("L:C-L:C
//	                                type+modifiers text" a line) equal
//	                                golden @tokens/NAME
//	@wsymbols("query", NAME)        a workspace symbol search equals golden
//	                                @wsymbols/NAME
//	@nodiag()                       nothing: documents that the file is clean
//
// Diagnostics match markers one to one: a diagnostic no @diag marker names
// fails the test, so a file without @diag markers must have none.
//
// A LOC is, optionally prefixed by "FILE:",
//
//	"text"     the first occurrence of text at or after the start of the
//	           marker's line, skipping marker comments (from the file's start
//	           for edits and prose markers)
//	re"rx"     the same with a regular expression; its first group, if any,
//	           is the location
//	L:C        line L, column C, both 1-based, C in characters
//	L:C-L:C    a span (edits)
//	eof        the end of the file
//
// Goldens print positions as 1-based line:column in characters, so one
// golden serves every position encoding: each archive runs twice, once with
// the client offering utf-8 (negotiated) and once offering only utf-16.
// Run "go test ./internal/marker -update" to rewrite goldens.
package marker
