schema "public" {
}

table "sales" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "sale_amount" {
    type =  numeric
  }
  column "sale_date" {
    type = date
  }
}

table "archive_sales" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "sale_amount" {
    type = int
  }
  column "sale_date" {
    type = date
  }
}

// highlight-start
procedure "archive_old_sales" {
  schema = schema.public
  lang   = PLpgSQL
  arg "cutoff_date" {
    type = date
  }
  as = <<-SQL
  BEGIN
      -- Insert old sales into archive_sales
  INSERT INTO archive_sales (id, sale_amount, sale_date)
  SELECT id, sale_amount, sale_date
  FROM sales
  WHERE sale_date < cutoff_date;

  -- Delete old sales from sales
  DELETE FROM sales
  WHERE sale_date < cutoff_date;
  END;
  SQL
}
// highlight-end
