# A small shop: customers, orders and their lines, an enum for the order
# status, a view and a trigger function kept as SQL.
schema "public" {
  comment = "the shop"
}

enum "order_status" {
  schema = schema.public
  values = ["pending", "paid", "shipped", "cancelled"]
}

table "customers" {
  schema = schema.public
  column "id" {
    null = false
    type = bigint
    identity {
      generated = ALWAYS
    }
  }
  column "email" {
    null = false
    type = varchar(320)
  }
  column "created_at" {
    null    = false
    type    = timestamptz
    default = sql("now()")
  }
  primary_key {
    columns = [column.id]
  }
  index "customers_email" {
    unique  = true
    columns = [column.email]
  }
}

table "orders" {
  schema = schema.public
  column "id" {
    null = false
    type = bigint
    identity {
      generated = ALWAYS
    }
  }
  column "customer_id" {
    null = false
    type = bigint
  }
  column "status" {
    null    = false
    type    = enum.order_status
    default = "pending"
  }
  column "updated_at" {
    null = true
    type = timestamptz
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "orders_customer" {
    columns     = [column.customer_id]
    ref_columns = [table.customers.column.id]
    on_delete   = CASCADE
  }
  check "orders_positive_id" {
    expr = "id > 0"
  }
}
