data "runtimevar" "pass" {
  url = "http://service.com/foo.txt"
}

env "dev" {
  src = "schema.hcl"
  url = "mysql://root:${data.runtimevar.pass}@host:3306/database"
}
