package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/schema-ls/schema-ls/lsp"
)

func serve(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "talk LSP over stdin/stdout (the only transport; accepted for editors that pass it)")
	logFile := fs.String("log-file", "", "append the server's log to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "schema-ls serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	opts := lsp.Options{Version: version}
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "schema-ls serve: %v\n", err)
			return 2
		}
		defer f.Close()
		opts.Log = f
	}
	return lsp.Serve(ctx, stdio{stdin, stdout}, opts)
}

// stdio joins stdin and stdout into the server's stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	if c, ok := s.Reader.(io.Closer); ok {
		c.Close()
	}
	if c, ok := s.Writer.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
