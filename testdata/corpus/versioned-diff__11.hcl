schema "test" {}

table "users" {
  schema = schema.test
  column "id" {
    type = int
  }
  column "name" {
    type = varchar(255)
  }
}
