hook "sql" "timeout" {
  transaction {
    after_begin = [
      "SET statement_timeout TO '50ms'",
    ]
  }
}
