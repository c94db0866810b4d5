package schema

// QuoteIdent writes an identifier as SQL needs it: as is when it is a
// plain lower-case name that is not reserved, else in double quotes.
func QuoteIdent(s string) string { return quoteIdent(s) }

// Qualified writes schema.name, each part quoted as needed.
func Qualified(schema, name string) string {
	if schema == "" {
		return quoteIdent(name)
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}
