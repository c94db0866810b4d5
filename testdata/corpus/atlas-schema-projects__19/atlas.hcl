data "runtimevar" "db" {
  url = "gcpruntimeconfig://projects/<project>/configs/<config-id>/variables/<variable>?decoder=string"
}

env "dev" {
  src = "schema.hcl"
  url = "mysql://root:pass@host:3306/${data.runtimevar.db}"
}
