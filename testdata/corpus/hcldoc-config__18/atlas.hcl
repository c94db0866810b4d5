lint {
  destructive {
    error = false
  }
  concurrent_index {
    error = true
  }
}
