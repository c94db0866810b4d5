package marker_test

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/marker"
	"github.com/schema-ls/schema-ls/lsp"
)

// TestMarkers runs every archive under testdata/lsp against the server.
func TestMarkers(t *testing.T) {
	n := marker.RunDir(t, "../../testdata/lsp", func(ctx context.Context, rwc io.ReadWriteCloser) int {
		return lsp.Serve(ctx, rwc, lsp.Options{Version: "test"})
	})
	require.Positive(t, n, "no marker archives found")
}
