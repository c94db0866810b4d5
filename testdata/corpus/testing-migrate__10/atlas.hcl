env "dev" {
  src = "<schema to test>"
  dev = "<docker-based dev-url>"

// highlight-start
  # Test configuration for local development.
  test {
    migrate {
      src = ["migrate.test.hcl"]
      vars = {
        seed_file = "filename.sql"
        variable2 = var.name
        variable3 = data.external.value
      }
    }
  }
// highlight-end
}
