table "t" {
  schema = schema.test
  column "c1" {
    type = xml
  }
}
