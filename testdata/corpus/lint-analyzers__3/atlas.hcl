lint {
  data_depend {
    error = true
  }
}
