// Package archcheck holds only tests: they check ARCHITECTURE.md against
// the tree and enforce the import invariants it states.
package archcheck
