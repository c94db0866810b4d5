table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  // highlight-start
  row_security {
    enabled  = true // ENABLE ROW LEVEL SECURITY
    enforced = true // FORCE ROW LEVEL SECURITY
  }
  // highlight-end
}
