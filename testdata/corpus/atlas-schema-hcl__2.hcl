schema "public" {
  comment = "A schema comment"
}

schema "private" {}
