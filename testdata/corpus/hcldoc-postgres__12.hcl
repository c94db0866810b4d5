table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
