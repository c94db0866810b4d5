data "remote_dir" "migrations" {
  name = "myapp"
}
