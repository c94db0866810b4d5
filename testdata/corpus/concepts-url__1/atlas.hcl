data "external_schema" "orm" {
  program = [
  ]
}

env "dev" {
  orm = data.external_schema.orm
}
