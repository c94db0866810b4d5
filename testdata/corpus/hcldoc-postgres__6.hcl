function "positive" {
  schema = schema.public
  lang   = SQL
  arg "v" {
    type = integer
  }
}
