locals {
  db_pass = urlescape(getenv("DB_PASSWORD"))
}

env "local" {
    url = "postgres://user:${local.db_pass}@localhost:5432/database"
}
