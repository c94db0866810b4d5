data "composite_schema" "project" {
  schema "public" {
  }
  schema "private" {
  }
}
