lint {
  non_linear {
    error = true
  }
}
