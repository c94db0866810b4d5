data "external" "dot_env" {
  program = [
    "npm",
    "run",
    "load-env.js"
  ]
}

locals {
  dot_env = jsondecode(data.external.dot_env)
}

env "local" {
  src = local.dot_env.URL
  dev = "docker://mysql/8/dev"
}
