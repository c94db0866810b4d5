migration {
  dir = "file://migrations"
  repo {
    name = "app"
  }
}
