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
		text := gen.Schema(n)
		// Type into the middle of the file: alternately insert and delete
		// a space in a column name.
		line := uint32(strings.Count(text[:len(text)/2], "\n"))
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) { keystrokes(b, text, line) })
	}
	// A schema dense with SQL: type inside the heredoc nearest the middle,
	// so that heredoc is parsed and its names resolved again.
	text := gen.SchemaSQL(20000, 500)
	mid := strings.Index(text[len(text)/2:], "    SELECT") + len(text)/2
	line := uint32(strings.Count(text[:mid], "\n"))
	b.Run("lines=20000,heredocs=500", func(b *testing.B) { keystrokes(b, text, line) })
}

// keystrokes opens text, then times keystrokes at the start of line:
// alternately a space inserted and deleted.
func keystrokes(b *testing.B, text string, line uint32) {
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
	if err := c.Open(ctx, u, text); err != nil {
		b.Fatal(err)
	}
	if _, err := c.WaitDiagnostics(ctx, u, 1); err != nil {
		b.Fatal(err)
	}
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
}
