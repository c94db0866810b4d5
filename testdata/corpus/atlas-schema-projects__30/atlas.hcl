data "composite_schema" "project" {
  schema "public" {
    url = "file://types.pg.hcl"
  }
  schema "public" {
    url = "ent://ent/schema"
  }
}
