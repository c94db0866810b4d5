package devdb

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// EnvBinDir names the environment variable that, when set, gives the
// directory holding initdb, pg_ctl and postgres. It disables discovery.
const EnvBinDir = "SCHEMA_LS_PG_BINDIR"

// ErrNoPostgres reports that no PostgreSQL server binaries were found.
// Errors returned by [FindBinDir] and [Start] wrap it; test with errors.Is.
var ErrNoPostgres = errors.New("devdb: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; " +
	"install them (`make test` installs Debian's postgresql package) or set " + EnvBinDir)

// serverBinaries must all exist in a usable bin directory.
var serverBinaries = []string{"initdb", "pg_ctl", "postgres"}

// debianRoot is where Debian and Ubuntu install versioned server binaries.
var debianRoot = "/usr/lib/postgresql"

// FindBinDir returns the directory holding the PostgreSQL server binaries.
//
// If $SCHEMA_LS_PG_BINDIR is set, only that directory is considered.
// Otherwise it tries, in order: `pg_config --bindir`, the highest version
// under /usr/lib/postgresql/*/bin, and the directory of initdb on $PATH.
// A directory qualifies only if initdb, pg_ctl and postgres are all there.
func FindBinDir() (string, error) {
	if dir := os.Getenv(EnvBinDir); dir != "" {
		if hasServerBinaries(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("%w (%s=%q lacks them)", ErrNoPostgres, EnvBinDir, dir)
	}
	var tried []string
	if pgConfig, err := exec.LookPath("pg_config"); err == nil {
		if out, err := exec.Command(pgConfig, "--bindir").Output(); err == nil {
			dir := strings.TrimSpace(string(out))
			if hasServerBinaries(dir) {
				return dir, nil
			}
			tried = append(tried, dir)
		}
	}
	if dir := highestDebianBinDir(); dir != "" {
		return dir, nil
	}
	tried = append(tried, debianRoot+"/*/bin")
	if initdb, err := exec.LookPath("initdb"); err == nil {
		if resolved, err := filepath.EvalSymlinks(initdb); err == nil && hasServerBinaries(filepath.Dir(resolved)) {
			return filepath.Dir(resolved), nil
		}
		if dir := filepath.Dir(initdb); hasServerBinaries(dir) {
			return dir, nil
		}
	}
	tried = append(tried, "$PATH")
	return "", fmt.Errorf("%w (searched %s)", ErrNoPostgres, strings.Join(tried, ", "))
}

// hasServerBinaries reports whether dir holds every server binary as an
// executable regular file.
func hasServerBinaries(dir string) bool {
	if dir == "" {
		return false
	}
	for _, name := range serverBinaries {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}

// highestDebianBinDir returns the usable bin directory with the highest
// version number under debianRoot, or "".
func highestDebianBinDir() string {
	entries, err := os.ReadDir(debianRoot)
	if err != nil {
		return ""
	}
	best, bestVer := "", []int(nil)
	for _, e := range entries {
		ver, ok := parseVersion(e.Name())
		dir := filepath.Join(debianRoot, e.Name(), "bin")
		if ok && versionLess(bestVer, ver) && hasServerBinaries(dir) {
			best, bestVer = dir, ver
		}
	}
	return best
}

// parseVersion parses "15" or "9.6" into its numeric parts.
func parseVersion(s string) ([]int, bool) {
	var ver []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return nil, false
		}
		ver = append(ver, n)
	}
	return ver, true
}

// versionLess reports whether a sorts before b; nil sorts first.
func versionLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}
