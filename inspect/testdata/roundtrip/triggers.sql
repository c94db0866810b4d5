-- Triggers: arguments with quotes, WHEN with OLD and NEW, UPDATE OF,
-- INSTEAD OF on a view, a trigger comment; a view with a column list and
-- comments on its columns; a materialized view index with a predicate.
CREATE SCHEMA audit;
CREATE FUNCTION audit.log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TABLE items (id int PRIMARY KEY, price numeric NOT NULL, name text);
CREATE TRIGGER items_price BEFORE UPDATE OF price, name ON items FOR EACH ROW
  WHEN (OLD.price IS DISTINCT FROM NEW.price AND NEW.price > 0)
  EXECUTE FUNCTION audit.log('it''s', '', 'a,b');
CREATE TRIGGER items_all AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items EXECUTE PROCEDURE audit.log();
COMMENT ON TRIGGER items_all ON items IS 'every change';
CREATE VIEW cheap (item, cost) AS SELECT id, price FROM items WHERE price < 10;
COMMENT ON COLUMN cheap.cost IS 'the price';
CREATE TRIGGER cheap_ins INSTEAD OF INSERT ON cheap FOR EACH ROW EXECUTE FUNCTION audit.log();
CREATE MATERIALIZED VIEW named (id, name) AS SELECT id, name FROM items;
CREATE INDEX named_some ON named (name DESC NULLS LAST) WHERE id > 10;
