data "aws_rds_token" "db" {
  region = "us-east-1"
  endpoint = local.endpoint
  username = local.user
}
