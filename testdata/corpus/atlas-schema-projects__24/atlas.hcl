data "runtimevar" "pass" {
  url = "file:///path/to/config.txt"
}

env "dev" {
  src = "schema.hcl"
  url = "mysql://root:${data.runtimevar.pass}@host:3306/database"
}
