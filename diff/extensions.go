package diff

import (
	"fmt"

	"github.com/schema-ls/schema-ls/schema"
)

// extensionRequires is what extensions of PostgreSQL's contrib require
// (the requires line of their control files): the plan has no catalog to
// ask, and creates and drops them in that order.
var extensionRequires = map[string][]string{
	"earthdistance":     {"cube"},
	"hstore_plperl":     {"hstore", "plperl"},
	"hstore_plperlu":    {"hstore", "plperlu"},
	"hstore_plpython3u": {"hstore", "plpython3u"},
	"jsonb_plperl":      {"plperl"},
	"jsonb_plperlu":     {"plperlu"},
	"jsonb_plpython3u":  {"plpython3u"},
	"ltree_plpython3u":  {"ltree", "plpython3u"},
	"bool_plperl":       {"plperl"},
	"bool_plperlu":      {"plperlu"},
}

// extensions plans CREATE, DROP and ALTER EXTENSION … SET SCHEMA and
// UPDATE, and COMMENT ON EXTENSION. An extension whose desired side
// names no schema or version keeps the one it has; one without a comment
// loses the comment set on it (IS NULL: the plan cannot know the
// extension's own description).
func (p *planner) extensions(from, to *schema.Realm) {
	for _, e := range orderExtensions(to.Extensions) {
		old := findExtension(from.Extensions, e.Name)
		switch {
		case old == nil:
			p.add(createExtensions, createExtension(e), "DROP EXTENSION "+ident(e.Name), false)
		case e.Schema != "" && old.Schema != e.Schema:
			reverse := ""
			if old.Schema != "" {
				reverse = fmt.Sprintf("ALTER EXTENSION %s SET SCHEMA %s", ident(e.Name), ident(old.Schema))
			}
			p.add(createExtensions, fmt.Sprintf("ALTER EXTENSION %s SET SCHEMA %s", ident(e.Name), ident(e.Schema)), reverse, false)
		}
		if old != nil && e.Version != "" && old.Version != e.Version {
			p.add(createExtensions, fmt.Sprintf("ALTER EXTENSION %s UPDATE TO %s", ident(e.Name), literal(e.Version)), "", false)
		}
		before := ""
		if old != nil {
			before = old.Comment
		}
		p.commentChange("EXTENSION "+ident(e.Name), before, e.Comment)
	}
	dropped := orderExtensions(from.Extensions)
	for i := len(dropped) - 1; i >= 0; i-- {
		if e := dropped[i]; findExtension(to.Extensions, e.Name) == nil {
			p.add(dropExtensions, "DROP EXTENSION "+ident(e.Name), createExtension(e), true)
		}
	}
}

func createExtension(e *schema.Extension) string {
	s := "CREATE EXTENSION " + ident(e.Name)
	if e.Schema != "" {
		s += " SCHEMA " + ident(e.Schema)
	}
	if e.Version != "" {
		s += " VERSION " + literal(e.Version)
	}
	return s
}

// orderExtensions puts an extension after those of the list it requires.
func orderExtensions(list []*schema.Extension) []*schema.Extension {
	var out []*schema.Extension
	done := map[string]bool{}
	var visit func(e *schema.Extension)
	visit = func(e *schema.Extension) {
		if done[e.Name] {
			return
		}
		done[e.Name] = true
		for _, r := range extensionRequires[e.Name] {
			if x := findExtension(list, r); x != nil {
				visit(x)
			}
		}
		out = append(out, e)
	}
	for _, e := range list {
		visit(e)
	}
	return out
}

func findExtension(list []*schema.Extension, name string) *schema.Extension {
	for _, e := range list {
		if e.Name == name {
			return e
		}
	}
	return nil
}
