package inspect

import (
	"strings"

	"github.com/schema-ls/schema-ls/schema"
)

// viewOptions reads a view's options (pg_class.reloptions) that the model
// keeps: check_option, security_barrier and security_invoker, booleans
// spelled as they were given (on, yes, 1, …).
func viewOptions(v *schema.View, options []string) {
	for _, o := range options {
		k, val, _ := strings.Cut(o, "=")
		on, _ := schema.ParseBool(val)
		switch k {
		case "check_option":
			v.CheckOption = strings.ToUpper(val)
		case "security_barrier":
			v.SecurityBarrier = on
		case "security_invoker":
			v.SecurityInvoker = on
		}
	}
}
