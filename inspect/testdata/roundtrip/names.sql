-- Long and quoted names: PostgreSQL truncates default names to 63 bytes
-- and keeps quoted names as written.
CREATE SCHEMA "Mixed Case";
CREATE TABLE "Mixed Case"."Order Items" (
  "Id" int PRIMARY KEY,
  "select" text UNIQUE,
  a_very_long_column_name_that_goes_on_and_on_and_on_for_a_while int,
  another_very_long_column_name_that_also_goes_on_for_quite_a_bit int,
  UNIQUE (a_very_long_column_name_that_goes_on_and_on_and_on_for_a_while, another_very_long_column_name_that_also_goes_on_for_quite_a_bit)
);
CREATE INDEX ON "Mixed Case"."Order Items" (lower("select"));
CREATE INDEX ON "Mixed Case"."Order Items" (lower("select"), upper("select"));
CREATE TABLE "Mixed Case".refs ("Item" int REFERENCES "Mixed Case"."Order Items" ("Id") ON UPDATE CASCADE ON DELETE SET NULL);
COMMENT ON TABLE "Mixed Case"."Order Items" IS 'it''s quoted';
COMMENT ON COLUMN "Mixed Case"."Order Items"."Id" IS 'the id';
