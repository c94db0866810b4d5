table "customers" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "first_name" {
    null = false
    type = character_varying(255)
  }
  column "last_name" {
    null = false
    type = character_varying(255)
  }
  primary_key {
    columns = [column.id]
  }
}
table "orders" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "customer_id" {
    null = false
    type = integer
  }
  column "order_date" {
    null = false
    type = date
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "customer_id_fk" {
    columns     = [column.customer_id]
    ref_columns = [table.customers.column.id]
    on_update   = NO_ACTION
    on_delete   = NO_ACTION
  }
}
schema "public" {
}
