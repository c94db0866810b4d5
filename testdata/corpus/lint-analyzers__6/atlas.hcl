lint {
  naming {
    match   = "^[a-z]+$"
    message = "must be lowercase"
    // highlight-start
    index {
      match   = "^[a-z]+_idx$"
      message = "must be lowercase and end with _idx"
    }
    // highlight-end
    // schema, table, column, foreign_key and check are also supported.
  }
}
