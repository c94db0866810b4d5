package lsp

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/schema-ls/schema-ls/internal/gen"
	"github.com/schema-ls/schema-ls/internal/lsptest"
)

// BenchmarkKeystrokeToDiagnostics measures, over JSON-RPC, the time from
// sending a one-character didChange to receiving the diagnostics of that
// version, with no debounce, on generated schemas. It reports the p50 and
// p95 latencies.
func BenchmarkKeystrokeToDiagnostics(b *testing.B) {
	for _, n := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			ctx := context.Background()
			rwc, _ := startPipe(b, newServer(Options{}))
			c := lsptest.Connect(ctx, rwc)
			defer c.Close()
			if _, err := c.Initialize(ctx, &protocol.InitializeParams{
				Capabilities:          protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8}}},
				InitializationOptions: protocol.LSPAny(`{"diagnosticsDelay":"0s"}`),
			}); err != nil {
				b.Fatal(err)
			}
			u := uri.URI("untitled:bench.hcl")
			text := gen.Schema(n)
			if err := c.Open(ctx, u, text); err != nil {
				b.Fatal(err)
			}
			if _, err := c.WaitDiagnostics(ctx, u, 1); err != nil {
				b.Fatal(err)
			}
			// Type into the middle of the file: alternately insert and
			// delete a space in a column name.
			line := uint32(strings.Count(text[:len(text)/2], "\n"))
			var lat []time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				change := &protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: protocol.Position{Line: line}, End: protocol.Position{Line: line}}, Text: " "}
				if i%2 == 1 {
					change = &protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: protocol.Position{Line: line}, End: protocol.Position{Line: line, Character: 1}}}
				}
				start := time.Now()
				v, err := c.Change(ctx, u, change)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.WaitDiagnostics(ctx, u, v); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}
