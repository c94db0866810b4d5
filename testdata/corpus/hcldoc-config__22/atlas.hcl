repo {
  name = "app"
}
