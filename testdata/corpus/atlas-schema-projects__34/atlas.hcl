variable "schema_name" {
  type    = string
  default = "Database schema name injected to both migrations directory and HCL schema"
}

data "hcl_schema" "app" {
  path = "path/to/schema.hcl"
  vars = {
    schema_name = var.schema_name
  }
}

data "template_dir" "migrations" {
  path = "path/to/directory"
  vars = {
    schema_name = var.schema_name
  }
}

env "local" {
  src = data.hcl_schema.app.url
  dev = "sqlite://file?mode=memory&_fk=1"
  migration {
    dir = data.template_dir.migrations.url
  }
}
