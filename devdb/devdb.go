// Package devdb starts throwaway PostgreSQL clusters from the machine's
// PostgreSQL server binaries, for tests and development tooling.
//
// [Start] runs initdb into a fresh temporary directory and starts postgres
// listening only on a Unix socket in that directory, with durability
// switched off (fsync, synchronous_commit, full_page_writes) and the time
// zone set to UTC. Authentication is trust and the superuser is "postgres",
// so URLs carry no password. [Cluster.Close] stops the server and removes
// the directory. While any cluster is running, SIGINT and SIGTERM close all
// clusters before the process dies.
//
// initdb dominates start time, so its output is cached (see [WithCacheDir])
// and later starts copy the cached data directory instead.
//
// When running as root, initdb and postgres run as the "postgres" system
// user, because PostgreSQL refuses to run as root.
package devdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// maxSocketPath is the usable length of a Unix socket path on Linux.
const maxSocketPath = 107

// Cluster is a running throwaway PostgreSQL server. Its methods are safe
// for concurrent use.
type Cluster struct {
	dir    string // temp dir: data/, socket, postgres.log
	port   int
	binDir string
	cmd    *exec.Cmd
	exited chan struct{} // closed once cmd.Wait returns

	closeOnce sync.Once
	closeErr  error
}

// Start creates and starts a new cluster. ctx bounds only the start; the
// server runs until [Cluster.Close] (or a SIGINT/SIGTERM, see package doc).
// If no server binaries are found the error wraps [ErrNoPostgres].
func Start(ctx context.Context, opts ...Option) (*Cluster, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.startTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.startTimeout)
		defer cancel()
	}
	binDir := cfg.binDir
	if binDir == "" {
		var err error
		if binDir, err = FindBinDir(); err != nil {
			return nil, err
		}
	} else if !hasServerBinaries(binDir) {
		return nil, fmt.Errorf("%w (WithBinDir(%q) lacks them)", ErrNoPostgres, binDir)
	}
	cred, err := serverCredential()
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(cfg.tempParent, "devdb-")
	if err != nil {
		return nil, fmt.Errorf("devdb: %w", err)
	}
	c := &Cluster{dir: dir, port: port, binDir: binDir, exited: make(chan struct{})}
	if err := c.start(ctx, &cfg, cred); err != nil {
		c.stop()
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	register(c)
	return c, nil
}

// start creates the data directory (copying the cached template or running
// initdb), starts postgres and waits until it accepts queries.
func (c *Cluster) start(ctx context.Context, cfg *config, cred *syscall.Credential) error {
	if n := len(c.dir) + len("/.s.PGSQL.") + len(strconv.Itoa(c.port)); n > maxSocketPath {
		return fmt.Errorf("devdb: socket path in %s is %d bytes, over the %d limit; use WithTempDir with a shorter path", c.dir, n, maxSocketPath)
	}
	if cred != nil {
		if err := os.Chown(c.dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return fmt.Errorf("devdb: %w", err)
		}
	}
	var tmpl string
	if cfg.cacheDir != "" {
		tmpl, _ = templatePath(cfg.cacheDir, c.binDir, cfg.locale)
	}
	restored := tmpl != "" && restoreTemplate(tmpl, c.DataDir(), cred)
	if !restored {
		if err := c.initdb(ctx, cfg, cred); err != nil {
			return err
		}
		if tmpl != "" {
			_ = saveTemplate(c.DataDir(), tmpl) // best effort: next start is slower
		}
	}

	logFile, err := os.Create(c.logPath())
	if err != nil {
		return fmt.Errorf("devdb: %w", err)
	}
	defer logFile.Close() // the child keeps its own descriptor
	args := []string{"-D", c.DataDir(),
		"-c", "listen_addresses=",
		"-c", "unix_socket_directories=" + c.dir,
		"-c", "port=" + strconv.Itoa(c.port),
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
	}
	for _, s := range cfg.settings {
		args = append(args, "-c", s[0]+"="+s[1])
	}
	c.cmd = exec.Command(filepath.Join(c.binDir, "postgres"), args...)
	c.cmd.Stdout, c.cmd.Stderr = logFile, logFile
	c.prepare(c.cmd, cred)
	// Own process group: a terminal ^C reaches only us, and we clean up.
	// If this process dies without cleaning up, the kernel sends SIGQUIT
	// (immediate shutdown) to the postmaster.
	c.cmd.SysProcAttr.Setpgid = true
	c.cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
	if err := c.cmd.Start(); err != nil {
		c.cmd = nil
		return fmt.Errorf("devdb: start postgres: %w", err)
	}
	go func() {
		_ = c.cmd.Wait()
		close(c.exited)
	}()
	err = c.waitReady(ctx)
	if err != nil && restored && ctx.Err() == nil {
		_ = os.RemoveAll(tmpl) // possibly damaged: the next start runs initdb
	}
	return err
}

// initdb creates the data directory.
func (c *Cluster) initdb(ctx context.Context, cfg *config, cred *syscall.Credential) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(c.binDir, "initdb"),
		"--no-sync", "-A", "trust", "-U", "postgres", "-E", "UTF8",
		"--locale="+cfg.locale, "-D", c.DataDir())
	cmd.Stdout, cmd.Stderr = &out, &out
	c.prepare(cmd, cred)
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("devdb: initdb: %w\n%s", err, tail(out.String(), 20))
	}
	return nil
}

// prepare sets the environment, working directory and user of cmd.
func (c *Cluster) prepare(cmd *exec.Cmd, cred *syscall.Credential) {
	// Drop PG* variables (PGDATA, PGPORT, ...) and pin the time zone, so
	// clusters behave the same on every machine.
	env := []string{"TZ=UTC"}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") && !strings.HasPrefix(kv, "TZ=") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	cmd.Dir = c.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
}

// waitReady polls with pgx until "SELECT 1" succeeds, the server exits or
// ctx ends.
func (c *Cluster) waitReady(ctx context.Context) error {
	const poll = 5 * time.Millisecond
	sock := filepath.Join(c.dir, ".s.PGSQL."+strconv.Itoa(c.port))
	var lastErr error
	for {
		if _, err := os.Stat(sock); err == nil {
			if lastErr = c.ping(ctx); lastErr == nil {
				return nil
			}
		}
		select {
		case <-c.exited:
			return fmt.Errorf("devdb: postgres exited during start (%v)\n%s", c.cmd.ProcessState, c.LogTail(20))
		case <-ctx.Done():
			return fmt.Errorf("devdb: waiting for postgres: %w (last error: %v)\n%s", ctx.Err(), lastErr, c.LogTail(20))
		case <-time.After(poll):
		}
	}
}

// ping connects to the postgres database and runs SELECT 1.
func (c *Cluster) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.URL())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var one int
	return conn.QueryRow(ctx, "SELECT 1").Scan(&one)
}

// Close stops the server (immediate shutdown), waits until the postmaster
// has exited and removes the cluster's directory. It is idempotent and safe
// to call concurrently; every call returns the first call's result.
func (c *Cluster) Close() error {
	c.closeOnce.Do(func() {
		c.closeErr = errors.Join(c.stop(), os.RemoveAll(c.dir))
		unregister(c)
	})
	return c.closeErr
}

// stop ends the postmaster, if started, and waits for it to exit.
func (c *Cluster) stop() error {
	if c.cmd == nil {
		return nil
	}
	// SIGQUIT is immediate shutdown: the postmaster kills its children
	// and exits once they are gone.
	_ = c.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-c.exited:
		return nil
	case <-time.After(10 * time.Second):
	}
	_ = c.cmd.Process.Kill()
	select {
	case <-c.exited:
		return fmt.Errorf("devdb: postgres (pid %d) ignored SIGQUIT and was killed", c.cmd.Process.Pid)
	case <-time.After(10 * time.Second):
		return fmt.Errorf("devdb: postgres (pid %d) did not exit", c.cmd.Process.Pid)
	}
}

// CreateDatabase creates a database named name (a copy of template1) and
// returns its connection URL.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, c.URL())
	if err != nil {
		return "", fmt.Errorf("devdb: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("devdb: create database %q: %w", name, err)
	}
	return c.DatabaseURL(name), nil
}

// Connect opens a pgx connection to the postgres database.
func (c *Cluster) Connect(ctx context.Context) (*pgx.Conn, error) {
	return pgx.Connect(ctx, c.URL())
}

// Dir returns the cluster's temporary directory, which also holds the
// Unix socket and postgres.log.
func (c *Cluster) Dir() string { return c.dir }

// DataDir returns the cluster's data directory.
func (c *Cluster) DataDir() string { return filepath.Join(c.dir, "data") }

// Port returns the port number; it names the socket file, as TCP is off.
func (c *Cluster) Port() int { return c.port }

// BinDir returns the directory of the server binaries in use.
func (c *Cluster) BinDir() string { return c.binDir }

// PID returns the postmaster's process id.
func (c *Cluster) PID() int { return c.cmd.Process.Pid }

// LogTail returns up to the last n lines of the server log.
func (c *Cluster) LogTail(n int) string {
	b, err := os.ReadFile(c.logPath())
	if err != nil {
		return ""
	}
	return tail(string(b), n)
}

func (c *Cluster) logPath() string { return filepath.Join(c.dir, "postgres.log") }

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// serverCredential returns the postgres user's credential when running as
// root, and nil otherwise.
func serverCredential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("devdb: running as root needs a \"postgres\" system user to run the server as: %w", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("devdb: postgres user: %w", err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// freePort returns a port number that was free on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("devdb: pick port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Empty drops every schema of the database conn is connected to but
// PostgreSQL's own, with all they hold (extensions in them included), and
// makes public again: a dev database ready for the next schema.
func Empty(ctx context.Context, conn *pgx.Conn) error {
	_, err := conn.Exec(ctx, `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`)
	if err != nil {
		return fmt.Errorf("devdb: emptying the database: %w", err)
	}
	return nil
}
