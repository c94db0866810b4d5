lint {
  naming {
    match   = "^[a-z]+$"
    message = "must be lowercase"
  }
}
