data "external" "dot_env" {
  program = [
    "npm",
    "run",
    "load-env.js"
  ]
}
