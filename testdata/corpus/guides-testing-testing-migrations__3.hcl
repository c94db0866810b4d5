schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "email" {
    null = false
    type = character_varying(255)
  }
// highlight-start
  column "latest_post_ts" {
    null = true
    type = timestamp
  }
// highlight-end
  primary_key {
    columns = [column.id]
  }
}

table "posts" {
  schema = schema.public
  column "id" {
    null = false
    type = integer
  }
  column "title" {
    null = false
    type = character_varying(100)
  }
  column "created_at" {
    null = false
    type = timestamp
  }
  column "user_id" {
    null = false
    type = integer
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "authors_fk" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
  }
}

// highlight-start
function "update_latest_post" {
  schema = schema.public
  lang   = PLpgSQL
  return = trigger
  as     = <<-SQL
    BEGIN
    UPDATE "public"."users"
    SET "latest_post_ts" = (
      SELECT MAX("created_at")
      FROM "public"."posts"
      WHERE "user_id" = NEW."user_id"
    )
    WHERE "id" = NEW."user_id";
    RETURN NEW;
    END;
  SQL
}

trigger "update_latest_post_trigger" {
  on = table.posts
  after {
    insert = true
  }
  for = ROW
  execute {
    function = function.update_latest_post
  }
}
// highlight-end
