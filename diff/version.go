package diff

import (
	"fmt"

	"github.com/schema-ls/schema-ls/schema"
)

// supports reports whether the server the plan is for is version v
// (server_version_num) or later; true when its version is not known.
func (p *planner) supports(v int) bool {
	return p.opts.ServerVersion == 0 || p.opts.ServerVersion >= v
}

// versionWarnings warns of what the desired schema uses that the server
// the plan is for does not have: the plan would fail there.
func (p *planner) versionWarnings(to *schema.Realm) {
	if p.supports(150000) {
		return
	}
	need := func(what string) {
		p.warn(fmt.Sprintf("%s needs PostgreSQL 15 or later; the server is %s", what, versionText(p.opts.ServerVersion)))
	}
	for _, s := range to.Schemas {
		for _, t := range s.Tables {
			indexes := append([]*schema.Index{t.PrimaryKey}, t.Indexes...)
			for _, ix := range indexes {
				if ix != nil && ix.NullsDistinct != nil && !*ix.NullsDistinct {
					need(fmt.Sprintf("NULLS NOT DISTINCT (%s on %s)", ix.Name, qname(s, t.Name)))
				}
			}
			for _, fk := range t.ForeignKeys {
				if len(fk.OnDeleteColumns) > 0 {
					need(fmt.Sprintf("ON DELETE SET NULL or SET DEFAULT with columns (%s on %s)", fk.Name, qname(s, t.Name)))
				}
			}
		}
		for _, v := range s.Views {
			if v.SecurityInvoker {
				need(fmt.Sprintf("security_invoker (view %s)", qname(s, v.Name)))
			}
		}
	}
}

// versionText writes a server_version_num as PostgreSQL names versions.
func versionText(v int) string {
	if v < 100000 {
		return fmt.Sprintf("%d.%d", v/10000, v/100%100)
	}
	return fmt.Sprintf("%d", v/10000)
}
