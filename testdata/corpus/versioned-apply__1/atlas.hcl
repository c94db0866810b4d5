hook "sql" "timeout" {
  transaction {
    after_begin = [
      "SET statement_timeout TO '50ms'",
    ]
    before_commit = [
      // ...
    ]
  }
}

env {
  name = atlas.env
  migration {
    dir = "file://migrations"
  }
}
