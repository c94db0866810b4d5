diff {
  concurrent_index {
    add  = true
    drop = true
  }
}
