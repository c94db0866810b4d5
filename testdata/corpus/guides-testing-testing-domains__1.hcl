schema "public" {}

table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "name" {
    type = text
  }
  column "zip" {
// highlight-next-line
    type = domain.us_postal_code
  }
  primary_key {
    columns = [column.id]
  }
}

// highlight-start
domain "us_postal_code" {
  schema = schema.public
  type   = text
  null   = true
  check "us_postal_code_check" {
    expr = "((VALUE ~ '^\\d{5}$'::text) OR (VALUE ~ '^\\d{5}-\\d{4}$'::text))"
  }
// highlight-end
}
