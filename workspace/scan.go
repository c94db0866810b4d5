package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the largest file the workspace reads (bigger ones are
// generated dumps, not schema sources).
const MaxFileSize = 16 << 20

// Wanted reports whether the workspace tracks files with this name.
func Wanted(path string) bool { return KindOf(path) != KindOther }

// skipDir reports directories never scanned: VCS data, dependencies and
// hidden folders.
func skipDir(name string) bool {
	switch name {
	case "node_modules", "vendor", "testdata_out":
		return true
	}
	return strings.HasPrefix(name, ".") && name != "."
}

// Scan walks root and returns the paths of wanted files, calling progress
// (if set) with the number seen so far. Unreadable directories are skipped,
// not fatal.
func Scan(root string, progress func(n int)) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil
		}
		if d.IsDir() {
			if path != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !Wanted(path) {
			return nil
		}
		out = append(out, path)
		if progress != nil {
			progress(len(out))
		}
		return nil
	})
	return out, err
}

// ReadFile reads a workspace file, refusing ones over MaxFileSize.
func ReadFile(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if st.Size() > MaxFileSize {
		return "", &fs.PathError{Op: "read", Path: path, Err: errTooLarge}
	}
	b, err := os.ReadFile(path)
	return string(b), err
}

type sizeError struct{}

func (sizeError) Error() string { return "file is larger than 16 MiB" }

var errTooLarge error = sizeError{}
