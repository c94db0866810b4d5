sequence "name" {
  schema    = schema.public
  type      = int
  increment = 3
  min_value = 9
}
