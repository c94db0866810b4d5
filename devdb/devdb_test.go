package devdb

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// helperEnv makes the test binary act as the signal-test child process.
const helperEnv = "DEVDB_SIGNAL_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		signalHelper()
		return
	}
	os.Exit(m.Run())
}

func TestClusterLifecycle(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	c, err := Start(ctx, WithCacheDir("")) // always runs initdb
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })

	cfg, err := pgx.ParseConfig(c.URL())
	require.NoError(t, err)
	assert.Equal(t, c.Dir(), cfg.Host)
	assert.Equal(t, uint16(c.Port()), cfg.Port)
	assert.Equal(t, "postgres", cfg.User)
	assert.Equal(t, "postgres", cfg.Database)
	assert.Nil(t, cfg.TLSConfig)

	conn, err := pgx.Connect(ctx, c.URL())
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)")
	require.NoError(t, err)
	_, err = conn.Exec(ctx, "INSERT INTO t VALUES ($1, $2)", 1, "héllo")
	require.NoError(t, err)
	var name string
	require.NoError(t, conn.QueryRow(ctx, "SELECT name FROM t WHERE id = 1").Scan(&name))
	assert.Equal(t, "héllo", name)
	var tz, enc string
	require.NoError(t, conn.QueryRow(ctx, "SELECT current_setting('TimeZone'), current_setting('server_encoding')").Scan(&tz, &enc))
	assert.Equal(t, "UTC", tz)
	assert.Equal(t, "UTF8", enc)
	// Left open on purpose: Close must cope with live sessions.

	pidFile, err := os.ReadFile(filepath.Join(c.DataDir(), "postmaster.pid"))
	require.NoError(t, err)
	pid, err := strconv.Atoi(strings.SplitN(string(pidFile), "\n", 2)[0])
	require.NoError(t, err)
	assert.Equal(t, c.PID(), pid)
	require.True(t, processAlive(pid))

	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { errs[i] = c.Close() })
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	assert.False(t, processAlive(pid), "postmaster %d still running", pid)
	assert.NoDirExists(t, c.Dir())
	assert.NoError(t, c.Close(), "second Close")
	assert.Error(t, conn.Ping(ctx), "connection survived Close")
}

func TestStartTCreateDatabase(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	c := StartT(t)

	for _, name := range []string{"app", "Mixed Case/db?"} {
		u, err := c.CreateDatabase(ctx, name)
		require.NoError(t, err)
		assert.Equal(t, c.DatabaseURL(name), u)
		for _, connString := range []string{u, c.DSN(name)} {
			conn, err := pgx.Connect(ctx, connString)
			require.NoError(t, err, connString)
			var db string
			require.NoError(t, conn.QueryRow(ctx, "SELECT current_database()").Scan(&db))
			assert.Equal(t, name, db)
			require.NoError(t, conn.Close(ctx))
		}
	}
	_, err := c.CreateDatabase(ctx, "app")
	assert.ErrorContains(t, err, "already exists")

	conn, err := c.Connect(ctx)
	require.NoError(t, err)
	defer conn.Close(ctx)
	assert.NoError(t, conn.Ping(ctx))
}

func TestTemplateCache(t *testing.T) {
	t.Parallel()
	cache := t.TempDir()
	c1 := StartT(t, WithCacheDir(cache)) // runs initdb, saves the template
	tmpl, err := templatePath(cache, c1.BinDir(), "C")
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(tmpl, "PG_VERSION"))

	c2 := StartT(t, WithCacheDir(cache)) // copies the template
	for _, c := range []*Cluster{c1, c2} {
		conn, err := c.Connect(t.Context())
		require.NoError(t, err)
		_, err = conn.Exec(t.Context(), "CREATE TABLE only_here (id int)")
		require.NoError(t, err, "clusters must not share data")
		require.NoError(t, conn.Close(t.Context()))
	}
	fi, err := os.Stat(c2.DataDir())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm())
	if cred, _ := serverCredential(); cred != nil {
		st := fi.Sys().(*syscall.Stat_t)
		assert.Equal(t, cred.Uid, st.Uid, "data dir owner")
	}
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no staging leftovers")

	// A damaged template fails one start and is then discarded.
	require.NoError(t, os.Remove(filepath.Join(tmpl, "global", "pg_control")))
	_, err = Start(t.Context(), WithCacheDir(cache))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "pg_control", "error should carry the server log")
	assert.NoDirExists(t, tmpl)
	StartT(t, WithCacheDir(cache))
	assert.FileExists(t, filepath.Join(tmpl, "global", "pg_control"))
}

func TestFindBinDir(t *testing.T) {
	t.Setenv(EnvBinDir, "")
	dir, err := FindBinDir()
	require.NoError(t, err, "PostgreSQL server binaries are required")
	assert.True(t, hasServerBinaries(dir))
}

func TestFindBinDirEmptyOverride(t *testing.T) {
	t.Setenv(EnvBinDir, t.TempDir())
	_, err := FindBinDir()
	require.ErrorIs(t, err, ErrNoPostgres)
	assert.Contains(t, err.Error(), "make test")
	assert.Contains(t, err.Error(), "postgresql package")

	_, err = Start(t.Context())
	require.ErrorIs(t, err, ErrNoPostgres)
	_, err = Start(t.Context(), WithBinDir(t.TempDir()))
	require.ErrorIs(t, err, ErrNoPostgres)
}

func TestHighestDebianBinDir(t *testing.T) {
	root := t.TempDir()
	for _, v := range []string{"9.6", "10", "15", "16", "latest"} {
		bin := filepath.Join(root, v, "bin")
		require.NoError(t, os.MkdirAll(bin, 0o755))
		if v == "16" {
			continue // incomplete install: no binaries
		}
		for _, name := range serverBinaries {
			require.NoError(t, os.WriteFile(filepath.Join(bin, name), nil, 0o755))
		}
	}
	old := debianRoot
	debianRoot = root
	defer func() { debianRoot = old }()
	assert.Equal(t, filepath.Join(root, "15", "bin"), highestDebianBinDir())
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://postgres@/postgres?host=/tmp/x&port=5&sslmode=disable": "postgres://postgres@/postgres?host=/tmp/x&port=5&sslmode=disable",
		"postgres://bob:s3cret@db:5432/app?sslmode=require":                "postgres://bob:xxxxx@db:5432/app?sslmode=require",
		"postgresql://bob:p%40ss@db/app":                                   "postgresql://bob:xxxxx@db/app",
		"postgres://bob@db/app?password=s3cret&sslmode=disable":            "postgres://bob@db/app?password=xxxxx&sslmode=disable",
		"postgres://bob:a b%zz@db/app?password=s3cret":                     "postgres://bob:xxxxx@db/app?password=xxxxx",
		"host=db user=bob password=s3cret dbname=app":                      "host=db user=bob password=xxxxx dbname=app",
		"host=db password = 'it\\'s s3cret' dbname=app":                    "host=db password = xxxxx dbname=app",
	} {
		got := Redact(in)
		assert.Equal(t, want, got, in)
		assert.NotContains(t, got, "s3cret")
	}
}

// TestSignalCleanup runs a child that starts a cluster, sends it SIGTERM
// and checks that the child closed the cluster and died of the signal.
func TestSignalCleanup(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			signalChild(t, sig)
		})
	}
}

func signalChild(t *testing.T, sig syscall.Signal) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	var stderr strings.Builder // read only after Wait
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	var info helperInfo
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Wait()
		t.Fatalf("child failed: %v\n%s", err, stderr.String())
	}
	require.NoError(t, json.Unmarshal([]byte(line), &info))
	require.True(t, processAlive(info.PID))

	require.NoError(t, cmd.Process.Signal(sig))
	err = cmd.Wait()
	var exitErr *exec.ExitError
	require.ErrorAs(t, err, &exitErr, "child stderr: %s", stderr.String())
	ws := exitErr.Sys().(syscall.WaitStatus)
	assert.True(t, ws.Signaled() && ws.Signal() == sig, "child status %v\n%s", ws, stderr.String())
	assert.False(t, processAlive(info.PID), "postmaster %d survived", info.PID)
	assert.NoDirExists(t, info.Dir)
}

type helperInfo struct {
	PID int
	Dir string
}

// signalHelper starts a cluster, reports it on stdout and waits for a
// signal.
func signalHelper() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := Start(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	b, _ := json.Marshal(helperInfo{PID: c.PID(), Dir: c.Dir()})
	fmt.Println(string(b))
	time.Sleep(time.Minute)
	os.Exit(3)
}

// processAlive reports whether pid exists (zombies count as gone).
func processAlive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	// Field 3, after the parenthesised command, is the state.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

func BenchmarkStartToReady(b *testing.B) {
	var start, stop time.Duration
	for b.Loop() {
		t0 := time.Now()
		c, err := Start(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
		start += t1.Sub(t0)
		stop += time.Since(t1)
	}
	b.ReportMetric(float64(start.Milliseconds())/float64(b.N), "ms/start")
	b.ReportMetric(float64(stop.Milliseconds())/float64(b.N), "ms/close")
}

func TestEmpty(t *testing.T) {
	ctx := t.Context()
	c := StartT(t)
	url, err := c.CreateDatabase(ctx, "emptied")
	require.NoError(t, err)
	conn, err := pgx.Connect(ctx, url)
	require.NoError(t, err)
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, "CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.u (id int); CREATE EXTENSION hstore")
	require.NoError(t, err)
	require.NoError(t, Empty(ctx, conn))
	var schemas, relations int
	require.NoError(t, conn.QueryRow(ctx, "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'").Scan(&schemas))
	require.NoError(t, conn.QueryRow(ctx, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'").Scan(&relations))
	assert.Equal(t, 1, schemas, "public alone")
	assert.Zero(t, relations)
}
