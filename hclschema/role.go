package hclschema

import (
	"path/filepath"
	"strings"

	"github.com/schema-ls/schema-ls/hclschema/spec"
	"github.com/schema-ls/schema-ls/internal/suggest"
)

// Role is what an HCL file is to Atlas.
type Role int

// Roles.
const (
	RoleOther   Role = iota // not an Atlas file (Terraform, …): syntax only
	RoleSchema              // a schema file: tables, views, functions, …
	RoleProject             // atlas.hcl
	RoleTest                // *.test.hcl (schema tests)
)

func (r Role) String() string {
	return [...]string{"other", "schema", "project", "test"}[r]
}

// Spec is the spec table root for the role, nil when there is none.
func (r Role) Spec() *spec.Block {
	switch r {
	case RoleSchema:
		return spec.SchemaFile
	case RoleProject:
		return spec.ProjectFile
	case RoleTest:
		return spec.TestFile
	}
	return nil
}

// RoleOf decides a file's role from its name and, failing that, its
// content: a file is a schema file when one of its top-level blocks is a
// schema block, or close enough to one to be a typo of it (so a file that
// holds only `tabel "users" {}` is still checked). Detection does not
// depend on a .pg.hcl suffix.
func RoleOf(f *File) Role {
	base := strings.ToLower(filepath.Base(f.Name))
	switch {
	case base == "atlas.hcl":
		return RoleProject
	case strings.HasSuffix(base, ".test.hcl"):
		return RoleTest
	case strings.HasSuffix(base, ".pg.hcl"), base == "schema.hcl":
		return RoleSchema
	}
	known := blockNames(spec.SchemaFile)
	for _, b := range f.Body().Blocks {
		if spec.SchemaFile.Block(b.Type) != nil && b.Type != "variable" && b.Type != "locals" {
			return RoleSchema
		}
	}
	for _, b := range f.Body().Blocks {
		if spec.SchemaFile.Block(b.Type) == nil && suggest.Closest(b.Type, known) != "" {
			return RoleSchema
		}
	}
	return RoleOther
}
