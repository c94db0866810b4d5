env "dev" {
  migration {
    exclude = ["*.constraint_name"]
  }
}
