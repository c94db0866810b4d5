trigger "trigger_orders_audit" {
  on = table.orders
}
