enum "status" {
  schema = schema.test
  values = ["on", "off"]
}
