materialized "name" {
  schema = schema.public
  column "total" {
    null = true
    type = numeric
  }
}
