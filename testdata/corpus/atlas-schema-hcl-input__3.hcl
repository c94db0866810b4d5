// Define the input variable that contains the tenant name.
variable "tenant" {
  type        = string
  description = "The name of the tenant (schema) to create"
}

// Define the schema, "tenant" here is a placeholder for the final
// schema name that will be defined at runtime.
schema "tenant" {
  // Reference to the input variable.
  name = var.tenant
}
table "users" {
  // Refer to the "tenant" schema. It's actual name will be
  // defined at runtime.
  schema = schema.tenant
  column "id" {
    type = int
  }
}
