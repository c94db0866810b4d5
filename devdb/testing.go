package devdb

import "testing"

// StartT starts a cluster for a test or benchmark and closes it in
// t.Cleanup. Failures, including missing server binaries, fail the test:
// `make test` installs PostgreSQL, so a missing server is a real error.
func StartT(t testing.TB, opts ...Option) *Cluster {
	t.Helper()
	c, err := Start(t.Context(), opts...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("%v", err)
		}
	})
	return c
}
