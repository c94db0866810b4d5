variable "cloud_token" {
  type    = string
  default = file("/var/run/secrets/atlas_token")
}
