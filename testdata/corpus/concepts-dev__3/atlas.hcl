docker "postgres" "dev" {
  image = "postgres:16-aws"
  // highlight-start
  // The built image will be tagged as "postgres:16-aws".
  build {
    context    = "path/to/context"
    dockerfile = "Dockerfile"
    target     = "build-target"
    args       = {
      key = "value"
    }
  }
  // highlight-end
}
