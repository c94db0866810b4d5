schema "public" {}

table "customers" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "first_name" {
    null = false
    type = character_varying(255)
  }
  column "last_name" {
    null = false
    type = character_varying(255)
  }
  primary_key {
    columns = [column.id]
  }
