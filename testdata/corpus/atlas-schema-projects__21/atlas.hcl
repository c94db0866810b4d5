data "runtimevar" "db" {
  url = "awsparamstore://<name>?region=<region>&decoder=string"
}

data "runtimevar" "from_profile" {
    url = "awsparamstore://<name>?region=<region>&decoder=string&awssdk=v2&profile=<profile>"
}

env "dev" {
  src = "schema.hcl"
  url = "mysql://root:pass@host:3306/${data.runtimevar.db}"
}
