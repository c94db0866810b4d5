schema "main" {
  comment = var.comment
}
