view "open_orders" {
  schema = schema.public
  column "id" {
    type = bigint
  }
  column "email" {
    type = varchar(320)
  }
  as = <<-SQL
    SELECT o.id, c.email
    FROM orders o
    JOIN customers c ON c.id = o.customer_id
    WHERE o.status IN ('pending', 'paid')
  SQL
}

function "touch_updated_at" {
  schema = schema.public
  lang   = PLpgSQL
  return = trigger
  as     = <<-SQL
    BEGIN
      NEW.updated_at := now();
      RETURN NEW;
    END;
  SQL
}

trigger "orders_touch" {
  on = table.orders
  before {
    update = true
  }
  execute {
    function = function.touch_updated_at
  }
}
