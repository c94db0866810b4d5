package main

import (
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/schema-ls/schema-ls/internal/lsptest"
)

// TestBinaryOverStdio builds schema-ls and runs the acceptance scenario
// against the binary, speaking LSP over its stdin and stdout.
func TestBinaryOverStdio(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "schema-ls")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	lsptest.Acceptance(t, func(t *testing.T) (io.ReadWriteCloser, func() int) {
		cmd := exec.Command(bin, "serve", "--stdio")
		stdin, err := cmd.StdinPipe()
		require.NoError(t, err)
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		t.Cleanup(func() { cmd.Process.Kill() })
		return pipes{stdout, stdin}, func() int {
			err := cmd.Wait()
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				return exit.ExitCode()
			}
			require.NoError(t, err)
			return 0
		}
	})
}

type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}
