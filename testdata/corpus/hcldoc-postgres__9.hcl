procedure "proc" {
  schema = schema.public
  lang   = SQL
  arg "a" {
    type = integer
  }
}
