schema {
  src = "file://schema.hcl"
  repo {
    name = "app"
  }
}
