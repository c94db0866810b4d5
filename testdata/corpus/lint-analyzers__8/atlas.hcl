lint {
  concurrent_index {
    // highlight-start
    check_create = false // `true` by default.
    check_drop   = false // `true` by default.
    check_txmode = false // `true` by default.
    // highlight-end
  }
}
