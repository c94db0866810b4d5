env "local" {
  src = ["file://schema.hcl", "file://views.hcl"]
  dev = "docker://postgres/16/dev?search_path=public"
  migration {
    dir = "file://migrations"
  }
}
