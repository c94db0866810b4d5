env "dev" {
  dev = "docker://postgres/15/dev?search_path=public"
  test {
    migrate {
      src = ["migrations/tests"]
      vars = {
        working_dir = "migrations/tests"
      }
    }
  }
}
