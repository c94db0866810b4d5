docker "postgres" "pg-vn" {
  image = "postgres:15-vn"
  build {
    context    = "."
    dockerfile = "locale.Dockerfile"
    args = {
      LOCALE = "vi-VN"
    }
  }
}
