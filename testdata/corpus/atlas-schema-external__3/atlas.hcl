data "external_schema" "orm" {
  # The first argument is the command to run,
  # and the rest are optional arguments.
  program = [
    "npm",
    "run",
    "generate-schema"
  ]
}

env "orm" {
  src = data.external_schema.orm.url
  dev = "docker://postgres/15/dev?search_path=public"
}
