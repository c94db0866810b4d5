lint {
  incompatible {
    error = true
  }
}
