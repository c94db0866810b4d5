schema "public" {}
table "products" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "price" {
    null = true
    type = numeric
  }
  primary_key {
    columns = [column.id]
  }
}
table "products_audit" {
  schema = schema.public
  column "product_id" {
    null = true
    type = integer
  }
  column "old_price" {
    null = true
    type = numeric
  }
  column "new_price" {
    null = true
    type = numeric
  }
  column "changed_at" {
    null    = true
    type    = timestamp
    default = sql("CURRENT_TIMESTAMP")
  }
}
function "log_price_changes" {
  schema = schema.public
  lang   = PLpgSQL
  return = trigger
  as     = <<-SQL
  BEGIN
      IF OLD.price IS DISTINCT FROM NEW.price THEN
          INSERT INTO products_audit (product_id, old_price, new_price, changed_at)
          VALUES (OLD.id, OLD.price, NEW.price, NOW());
  END IF;
  RETURN NEW;
  END;
  SQL
}
// highlight-start
trigger "log_price_changes_trigger" {
  on = table.products
  after {
    update = true
  }
  for  = ROW
  when = "(old.price IS DISTINCT FROM new.price)"
  execute {
    function = function.log_price_changes
  }
}
// highlight-end
