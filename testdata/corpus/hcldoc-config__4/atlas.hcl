data "external_schema" "graph" {
  program = [
    "npm",
    "run",
    "generate-schema"
  ]
}
