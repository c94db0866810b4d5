// This variable is passed as an input value from "atlas.hcl".
variable "tenant" {
  type = string
}

schema "main" {
  name = var.tenant
}
