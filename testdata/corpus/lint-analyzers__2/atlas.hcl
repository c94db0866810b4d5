lint {
  destructive {
    error = false
  }
}
