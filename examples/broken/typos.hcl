# Valid HCL, but not valid Atlas: each mistake below is something the
# Atlas engine would silently ignore or fail on later.
schema "public" {}

tabel "audit_log" {
  schema = schema.public
}

table "accounts" {
  schema = schema.public
  column "id" {
    type = bigint
    nul  = false
  }
  column "owner" {
    type = bigint
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "accounts_owner" {
    columns     = [column.owner]
    ref_columns = [column.id]
    on_delete   = CASCADES
  }
}
