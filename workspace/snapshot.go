package workspace

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/schema-ls/schema-ls/internal/source"
)

// Snapshot is an immutable view of every file: open buffers over disk
// copies. Requests read one snapshot from start to end; changes make a new
// one (see Store).
type Snapshot struct {
	ID      uint64
	open    map[string]*File
	disk    map[string]*File
	folders []string
	units   *units // shared with the store: decoded units
	envs    *envs  // this snapshot's atlas.hcl env units
}

// File returns the file for key, the open buffer first; nil when unknown.
func (s *Snapshot) File(key string) *File {
	if f, ok := s.open[key]; ok {
		return f
	}
	return s.disk[key]
}

// Files returns every known file (open buffers win), sorted by key.
func (s *Snapshot) Files() []*File {
	keys := make([]string, 0, len(s.disk)+len(s.open))
	for k := range s.disk {
		keys = append(keys, k)
	}
	for k := range s.open {
		if _, ok := s.disk[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := make([]*File, len(keys))
	for i, k := range keys {
		out[i] = s.File(k)
	}
	return out
}

// DiskKeysUnder returns the keys of disk copies inside dir, sorted.
func (s *Snapshot) DiskKeysUnder(dir string) []string {
	var out []string
	for k := range s.disk {
		if k != dir && within(k, dir) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Folders are the workspace folders, as cleaned absolute paths.
func (s *Snapshot) Folders() []string { return slices.Clone(s.folders) }

// Store holds the current snapshot. Its methods are called in notification
// order by the server; each produces a new snapshot.
type Store struct {
	mu   sync.Mutex
	snap *Snapshot
}

// NewStore returns a store with an empty snapshot.
func NewStore() *Store {
	return &Store{snap: &Snapshot{open: map[string]*File{}, disk: map[string]*File{}, units: &units{}, envs: &envs{}}}
}

// Snapshot returns the current snapshot.
func (st *Store) Snapshot() *Snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.snap
}

// update clones the current snapshot, lets fn change the clone and installs
// it. All invalidation happens here: Files are immutable, so a clone only
// copies the maps.
func (st *Store) update(fn func(s *Snapshot) error) (*Snapshot, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	next := &Snapshot{
		ID:      st.snap.ID + 1,
		open:    maps.Clone(st.snap.open),
		disk:    st.snap.disk,
		folders: st.snap.folders,
		units:   st.snap.units,
		envs:    &envs{},
	}
	if err := fn(next); err != nil {
		return st.snap, err
	}
	st.snap = next
	return next, nil
}

// Open records an editor buffer.
func (st *Store) Open(key, uri string, version int32, text string) *File {
	f := NewFile(key, uri, version, true, text)
	st.update(func(s *Snapshot) error { s.open[key] = f; return nil })
	return f
}

// Change is one content change: a whole new text when Range is nil, else a
// replacement of the range (0-based lines, columns in the store's encoding).
type Change struct {
	Range *LineRange
	Text  string
}

// LineRange is a range in line/column form.
type LineRange struct {
	StartLine, StartCol, EndLine, EndCol int
}

// ErrNotOpen is returned for a change to a document that is not open.
var ErrNotOpen = fmt.Errorf("document is not open")

// Apply applies changes, in order, to an open buffer and gives it version.
func (st *Store) Apply(key string, version int32, changes []Change, enc source.Encoding) (*File, error) {
	var out *File
	_, err := st.update(func(s *Snapshot) error {
		cur, ok := s.open[key]
		if !ok {
			return fmt.Errorf("%s: %w", key, ErrNotOpen)
		}
		text, err := applyChanges(cur.Text, changes, enc)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		out = cur.successor(version, text)
		s.open[key] = out
		return nil
	})
	return out, err
}

func applyChanges(text string, changes []Change, enc source.Encoding) (string, error) {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		m := source.NewMapper(text)
		r := *c.Range
		start, _ := m.Offset(r.StartLine, r.StartCol, enc)
		end, _ := m.Offset(r.EndLine, r.EndCol, enc)
		if end < start {
			return "", fmt.Errorf("change range end %d:%d is before its start %d:%d", r.EndLine, r.EndCol, r.StartLine, r.StartCol)
		}
		var b strings.Builder
		b.Grow(len(text) - (end - start) + len(c.Text))
		b.WriteString(text[:start])
		b.WriteString(c.Text)
		b.WriteString(text[end:])
		text = b.String()
	}
	return text, nil
}

// Close forgets an editor buffer; the disk copy, if any, shows again.
func (st *Store) Close(key string) {
	st.update(func(s *Snapshot) error { delete(s.open, key); return nil })
}

// SetDisk records (or, with text == nil, removes) the disk copies of files.
func (st *Store) SetDisk(files map[string]*string) {
	st.update(func(s *Snapshot) error {
		s.disk = maps.Clone(s.disk)
		for key, text := range files {
			if text == nil {
				delete(s.disk, key)
			} else {
				s.disk[key] = NewFile(key, "", 0, false, *text)
			}
		}
		return nil
	})
}

// AddFolder adds a workspace folder.
func (st *Store) AddFolder(dir string) {
	st.update(func(s *Snapshot) error {
		if !slices.Contains(s.folders, dir) {
			s.folders = append(slices.Clone(s.folders), dir)
		}
		return nil
	})
}

// RemoveFolder drops a folder and the disk copies under it (other folders
// may still hold some of them: those stay). It returns the removed keys.
func (st *Store) RemoveFolder(dir string) []string {
	var removed []string
	st.update(func(s *Snapshot) error {
		s.folders = slices.DeleteFunc(slices.Clone(s.folders), func(f string) bool { return f == dir })
		s.disk = maps.Clone(s.disk)
		for key := range s.disk {
			if within(key, dir) && !slices.ContainsFunc(s.folders, func(f string) bool { return within(key, f) }) {
				delete(s.disk, key)
				removed = append(removed, key)
			}
		}
		return nil
	})
	slices.Sort(removed)
	return removed
}

func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
