schema "public" {}

table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "name" {
    type = text
  }
  column "ssn" {
    type = varchar(9)
  }
}

// highlight-start
view "clean_users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "name" {
    type = text
  }
  as         = <<-SQL
  SELECT u.id, u.name
    FROM ${table.users.name} AS u
  SQL
  depends_on = [table.users]
  comment    = "A view to select active users without sensitive data"
// highlight-end
}
