package hclschema

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/schema-ls/schema-ls/schema"
)

// Every type completion offers is one the model knows, so validation,
// decoding and completion agree on what a type is.
func TestCompletedTypesAreKnown(t *testing.T) {
	for _, ct := range columnTypes {
		_, ok := schema.Canonical(ct.label)
		assert.True(t, ok, ct.label)
		assert.True(t, isTypeName(ct.label), ct.label)
	}
}
