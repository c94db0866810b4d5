package hclschema

import (
	"github.com/schema-ls/schema-ls/internal/source"
	"github.com/schema-ls/schema-ls/schema"
)

// CodeConstraintTrigger reports trigger attributes PostgreSQL allows only
// for constraint triggers, or a constraint trigger it refuses.
const CodeConstraintTrigger = "constraint-trigger"

// triggerClauses decodes a trigger's referencing block, constraint and
// deferrable, reporting what CREATE CONSTRAINT TRIGGER cannot say.
func (d *decoder) triggerClauses(dc *decl, tr *schema.Trigger) {
	body := dc.block.Body
	for _, b := range body.Blocks {
		if b.Type == "referencing" {
			tr.OldTable, _ = stringAttr(b.Body, "old_table")
			tr.NewTable, _ = stringAttr(b.Body, "new_table")
		}
	}
	// Only constraint triggers have a FROM table (not modelled): Atlas's
	// from makes one.
	tr.Constraint, _ = attrBool(body, "constraint")
	tr.Constraint = tr.Constraint || body.Attributes["from"] != nil
	tr.Deferrable, tr.InitiallyDeferred = deferrable(body)
	r := dc.block.DefRange()
	if !tr.Constraint {
		if a := body.Attributes["deferrable"]; a != nil {
			d.report(dc.file, a.NameRange, source.Error, CodeConstraintTrigger, "deferrable is for constraint triggers (constraint = true)")
		}
		return
	}
	if tr.Timing != "AFTER" || !tr.ForEachRow {
		d.report(dc.file, r, source.Error, CodeConstraintTrigger, "A constraint trigger fires after, for each row: give an after block and for = ROW")
	}
	if tr.OldTable != "" || tr.NewTable != "" {
		d.report(dc.file, r, source.Error, CodeConstraintTrigger, "A constraint trigger cannot have transition tables (referencing)")
	}
}
