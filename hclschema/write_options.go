package hclschema

import (
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/schema-ls/schema-ls/schema"
)

// writeViewOptions writes a view's security_barrier and security_invoker.
func writeViewOptions(b *hclwrite.Body, v *schema.View) {
	for _, o := range []struct {
		name string
		on   bool
	}{{"security_barrier", v.SecurityBarrier}, {"security_invoker", v.SecurityInvoker}} {
		if !o.on {
			continue
		}
		if v.Materialized {
			note(b, "%s: materialized views have no such option", o.name)
		} else {
			b.SetAttributeRaw(o.name, bare("true"))
		}
	}
}

// writeTriggerClauses writes a trigger's constraint, deferrable and
// referencing block.
func writeTriggerClauses(b *hclwrite.Body, tr *schema.Trigger) {
	if tr.Constraint {
		b.SetAttributeRaw("constraint", bare("true"))
		writeDeferrable(b, tr.Deferrable, tr.InitiallyDeferred)
	}
	if tr.OldTable != "" || tr.NewTable != "" {
		rb := b.AppendNewBlock("referencing", nil).Body()
		if tr.OldTable != "" {
			rb.SetAttributeRaw("old_table", quoted(tr.OldTable))
		}
		if tr.NewTable != "" {
			rb.SetAttributeRaw("new_table", quoted(tr.NewTable))
		}
	}
}
