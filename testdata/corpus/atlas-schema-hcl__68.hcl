schema "public" {}

table "products" {
  column "name" {
    type    = text
    collate = "es_ES"
  }
}
