# The "local" environment represents our local testings.
env "local" {
  url = "postgres://postgres:pass@:5432/example?search_path=public&sslmode=disable"
  migration {
    dir = "atlas://app"
  }
}
