data "runtimevar" "pass" {
  url = "awssecretsmanager://<secret>?region=<region>"
}

data "runtimevar" "pass_from_profile" {
    url = "awssecretsmanager://<secret>?region=<region>&awssdk=v2&profile=<profile>"
}

env "dev" {
  src = "schema.hcl"
  url = "mysql://root:${data.runtimevar.pass}@host:3306/database"
}
