lint {
  concurrent_index {
    // highlight-next-line
    error = true
  }
}
