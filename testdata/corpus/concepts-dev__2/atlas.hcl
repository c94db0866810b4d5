docker "postgres" "dev" {
  image  = "postgres:15"
  // highlight-start
  // Use the file() function to read
  // the contents of the baseline script.
  baseline = file("baseline.sql")
  // highlight-end
}
