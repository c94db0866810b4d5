schema "public" {
}
