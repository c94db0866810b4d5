data "hcl_schema" "app" {
  paths = fileset("schema/*.pg.hcl")
}
