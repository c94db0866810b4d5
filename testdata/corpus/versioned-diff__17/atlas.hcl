env "local" {
  diff {
    // By default, indexes are not created or dropped concurrently.
    concurrent_index {
      add  = true
      drop = true
    }
  }
}
