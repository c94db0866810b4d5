data "gcp_cloudsql_token" "db" {}
