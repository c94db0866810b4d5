package devdb

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// cacheVersion changes whenever the initdb flags or template layout do.
const cacheVersion = "1"

// defaultCacheDir returns the default template cache directory, or "" if
// the user has no cache directory.
func defaultCacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "schema-ls", "devdb")
}

// templatePath returns where the initdb output for these binaries and
// locale is cached. The key covers the binaries' size and mtime, so an
// upgrade gets a fresh template.
func templatePath(cacheDir, binDir, locale string) (string, error) {
	if abs, err := filepath.Abs(binDir); err == nil {
		binDir = abs
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\n", cacheVersion, binDir, locale)
	for _, name := range []string{"initdb", "postgres"} {
		fi, err := os.Stat(filepath.Join(binDir, name))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
	}
	return filepath.Join(cacheDir, hex.EncodeToString(h.Sum(nil))[:16]), nil
}

// restoreTemplate copies a cached template into dataDir. It reports false,
// leaving no dataDir behind, if there is no usable template.
func restoreTemplate(tmpl, dataDir string, cred *syscall.Credential) bool {
	if _, err := os.Stat(filepath.Join(tmpl, "PG_VERSION")); err != nil {
		return false
	}
	if err := copyTree(tmpl, dataDir, cred); err != nil {
		_ = os.RemoveAll(dataDir)
		return false
	}
	return true
}

// saveTemplate copies a fresh, never started dataDir to tmpl. It copies to
// a temporary sibling and renames, so readers see a complete template or
// none; if another process won the race, its template stays.
func saveTemplate(dataDir, tmpl string) error {
	parent := filepath.Dir(tmpl)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	staged := filepath.Join(tmp, "data")
	if err := copyTree(dataDir, staged, nil); err != nil {
		return err
	}
	if err := os.Rename(staged, tmpl); err != nil {
		if _, statErr := os.Stat(filepath.Join(tmpl, "PG_VERSION")); statErr == nil {
			return nil
		}
		return err
	}
	return nil
}

// copyTree copies the directories and regular files under src to the new
// directory dst, keeping permission bits and, if cred is set, giving them
// to that user.
func copyTree(src, dst string, cred *syscall.Credential) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			err = os.Mkdir(target, info.Mode().Perm())
		case info.Mode().IsRegular():
			err = copyFile(path, target, info.Mode().Perm())
		default:
			return fmt.Errorf("devdb: cannot copy %s: not a regular file", path)
		}
		if err == nil && cred != nil {
			err = os.Lchown(target, int(cred.Uid), int(cred.Gid))
		}
		return err
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
