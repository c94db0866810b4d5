data "sql" "tenants" {
  url   = var.url
  query = "..."
  args  = [var.pattern]
}
