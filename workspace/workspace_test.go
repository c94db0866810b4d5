package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/schema-ls/schema-ls/internal/source"
)

func TestKindOf(t *testing.T) {
	for name, want := range map[string]Kind{
		"schema.hcl": KindHCL, "x.pg.hcl": KindHCL, "dir/atlas.sum": KindSum, "20240101_init.sql": KindSQL,
		"plan.txtar": KindTxtar, "README.md": KindOther, "SCHEMA.HCL": KindHCL,
	} {
		assert.Equal(t, want, KindOf(name), name)
	}
}

func TestParseArchiveOffsets(t *testing.T) {
	text := "prose\n-- a.hcl --\nx = 1\n-- b.sql --\r\nselect 1;\n-- empty --\n"
	a := ParseArchive(text)
	assert.Equal(t, "prose\n", text[a.Comment.Start:a.Comment.End])
	require.Len(t, a.Sections, 3)
	assert.Equal(t, "a.hcl", a.Sections[0].Name)
	assert.Equal(t, "-- a.hcl --", text[a.Sections[0].Header.Start:a.Sections[0].Header.End])
	assert.Equal(t, "x = 1\n", a.Sections[0].Content(a))
	assert.Equal(t, "b.sql", a.Sections[1].Name, "a CRLF header is still a header")
	assert.Equal(t, "select 1;\n", a.Sections[1].Content(a))
	assert.Equal(t, "", a.Sections[2].Content(a))
}

// The archive split agrees with x/tools/txtar.
func FuzzParseArchive(f *testing.F) {
	f.Add("c\n-- a --\nx\n-- b --\ny")
	f.Add("-- a --")
	f.Add("--  --\n-- x --\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		a := ParseArchive(text)
		prev := a.Comment.End
		for _, s := range a.Sections {
			require.LessOrEqual(t, prev, s.Header.Start)
			require.LessOrEqual(t, s.Header.End, s.Data.Start)
			require.LessOrEqual(t, s.Data.Start, s.Data.End)
			prev = s.Data.End
		}
		require.Equal(t, len(text), prev)
		want := txtar.Parse([]byte(text))
		require.Len(t, a.Sections, len(want.Files))
		for i, f := range want.Files {
			require.Equal(t, f.Name, a.Sections[i].Name)
			got := a.Sections[i].Content(a)
			// txtar adds a final newline to unterminated data
			if got != string(f.Data) {
				require.Equal(t, string(f.Data), got+"\n")
			}
		}
		// Features never panic on any archive.
		file := NewFile("x.txtar", "", 0, false, text)
		file.Diagnostics()
		FoldingRanges(file)
		Symbols(file)
	})
}

func TestStoreOpenWinsAndClose(t *testing.T) {
	st := NewStore()
	disk := "schema \"a\" {}\n"
	st.SetDisk(map[string]*string{"/w/a.hcl": &disk})
	s0 := st.Snapshot()
	st.Open("/w/a.hcl", "file:///w/a.hcl", 1, "table \"t\" {\n")
	s1 := st.Snapshot()
	assert.False(t, s0.File("/w/a.hcl").Open, "old snapshots do not change")
	assert.True(t, s1.File("/w/a.hcl").Open)
	assert.Len(t, s1.File("/w/a.hcl").Diagnostics(), 1)
	st.Close("/w/a.hcl")
	assert.Equal(t, disk, st.Snapshot().File("/w/a.hcl").Text)
	assert.Len(t, st.Snapshot().Files(), 1)
}

func TestStoreApply(t *testing.T) {
	st := NewStore()
	st.Open("k.hcl", "", 1, "a😀b\nc\n")
	f, err := st.Apply("k.hcl", 2, []Change{
		{Range: &LineRange{StartLine: 0, StartCol: 3, EndLine: 0, EndCol: 4}, Text: "B"}, // UTF-16: after the pair
		{Range: &LineRange{StartLine: 1, StartCol: 0, EndLine: 1, EndCol: 0}, Text: "x\n"},
	}, source.UTF16)
	require.NoError(t, err)
	assert.Equal(t, "a😀B\nx\nc\n", f.Text)
	assert.Equal(t, int32(2), f.Version)
	f, err = st.Apply("k.hcl", 3, []Change{{Text: "whole"}, {Range: &LineRange{EndCol: 1}, Text: "W"}}, source.UTF8)
	require.NoError(t, err)
	assert.Equal(t, "Whole", f.Text)
	_, err = st.Apply("nope.hcl", 2, nil, source.UTF8)
	assert.ErrorIs(t, err, ErrNotOpen)
	_, err = st.Apply("k.hcl", 4, []Change{{Range: &LineRange{StartCol: 3, EndCol: 1}}}, source.UTF8)
	assert.Error(t, err, "end before start")
	assert.Equal(t, "Whole", st.Snapshot().File("k.hcl").Text, "a failed change changes nothing")
}

func TestStoreFolders(t *testing.T) {
	st := NewStore()
	a, b := "x", "y"
	st.AddFolder("/w1")
	st.AddFolder("/w1/nested")
	st.SetDisk(map[string]*string{"/w1/a.hcl": &a, "/w1/nested/b.hcl": &b})
	removed := st.RemoveFolder("/w1/nested")
	assert.Empty(t, removed, "b.hcl is still under /w1")
	removed = st.RemoveFolder("/w1")
	assert.Equal(t, []string{"/w1/a.hcl", "/w1/nested/b.hcl"}, removed)
	assert.Empty(t, st.Snapshot().Files())
}

func TestScanSkipsHiddenAndVendor(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.hcl", "m/1_init.sql", "m/atlas.sum", ".git/x.hcl", "node_modules/y.hcl", "notes.md", "t/plan.txtar"} {
		path := filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, nil, 0o644))
	}
	got, err := Scan(dir, nil)
	require.NoError(t, err)
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	assert.Equal(t, []string{"a.hcl", "m/1_init.sql", "m/atlas.sum", "t/plan.txtar"}, rel)
	_, err = Scan(filepath.Join(dir, "missing"), nil)
	assert.Error(t, err)
}

func TestDiskKeysUnder(t *testing.T) {
	st := NewStore()
	x := "x"
	st.SetDisk(map[string]*string{"/w/a/1.hcl": &x, "/w/a/b/2.hcl": &x, "/w/ab/3.hcl": &x})
	st.Open("/w/a/1.hcl", "", 1, "open")
	assert.Equal(t, []string{"/w/a/1.hcl", "/w/a/b/2.hcl"}, st.Snapshot().DiskKeysUnder("/w/a"), "open files keep their disk copy listed; /w/ab is not under /w/a")
}
