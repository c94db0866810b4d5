view "clean_users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
