data "composite_schema" "project" {
  schema "inventory" {
  }
  schema "auth" {
  }
}
