package marker

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/txtar"
)

// Case is one parsed archive.
type Case struct {
	Path     string
	Archive  *txtar.Archive
	Files    map[string]string // initial workspace files
	Order    []string          // file names in archive order
	Edits    []Edit
	Goldens  map[string]string // "@fold/golden" -> content
	Settings string            // settings.json, or ""
	Prose    []string          // marker lines of the leading comment
}

// Edit is one "@edit FILE LOC" section.
type Edit struct {
	File string
	Loc  string
	Text string
}

// Load reads and parses an archive.
func Load(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a := txtar.Parse(data)
	c := &Case{Path: path, Archive: a, Files: map[string]string{}, Goldens: map[string]string{}}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "@") {
			c.Prose = append(c.Prose, strings.TrimSpace(line))
		}
	}
	for _, f := range a.Files {
		switch {
		case f.Name == "settings.json":
			c.Settings = string(f.Data)
		case strings.HasPrefix(f.Name, "@edit "):
			file, loc, ok := strings.Cut(strings.TrimPrefix(f.Name, "@edit "), " ")
			if !ok {
				return nil, fmt.Errorf("%s: section %q: want \"@edit FILE LOC\"", path, f.Name)
			}
			c.Edits = append(c.Edits, Edit{File: file, Loc: strings.TrimSpace(loc), Text: strings.TrimSuffix(string(f.Data), "\n")})
		case strings.HasPrefix(f.Name, "@"):
			c.Goldens[f.Name] = string(f.Data)
		default:
			if _, dup := c.Files[f.Name]; dup {
				return nil, fmt.Errorf("%s: file %q appears twice", path, f.Name)
			}
			text := string(f.Data)
			if strings.HasSuffix(f.Name, ".txtar") {
				text = unquoteNested(text)
			}
			c.Files[f.Name] = text
			c.Order = append(c.Order, f.Name)
		}
	}
	for _, e := range c.Edits {
		if _, ok := c.Files[e.File]; !ok {
			return nil, fmt.Errorf("%s: edit of unknown file %q", path, e.File)
		}
	}
	if len(c.Files) == 0 {
		return nil, fmt.Errorf("%s: no files", path)
	}
	return c, nil
}

func unquoteNested(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ">-- ") {
			lines[i] = l[1:]
		}
	}
	return strings.Join(lines, "")
}

// setGolden records new golden content for -update.
func (c *Case) setGolden(name, content string) {
	c.Goldens[name] = content
	for i, f := range c.Archive.Files {
		if f.Name == name {
			c.Archive.Files[i].Data = []byte(content)
			return
		}
	}
	c.Archive.Files = append(c.Archive.Files, txtar.File{Name: name, Data: []byte(content)})
}

// save writes the archive back (after -update).
func (c *Case) save() error {
	return os.WriteFile(c.Path, txtar.Format(c.Archive), 0o644)
}
