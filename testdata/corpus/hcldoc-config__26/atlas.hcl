test {
  schema {
    src = ["schema.test.hcl"]
    vars = {
      seed_file = "filename.sql"
      variable2 = var.name
      variable3 = data.external.value
    }
  }
}
