-- Partition keys with a collation and an operator class; row level
-- security forced but disabled; policies for each command. (An operator
-- class that is the type's default, such as int4_ops on an integer
-- column, PostgreSQL does not keep; the loader does.)
CREATE TABLE p (a text NOT NULL, b int NOT NULL) PARTITION BY RANGE (a COLLATE "C", b);
CREATE TABLE q (a text, b int) PARTITION BY LIST ((a || 'x') text_pattern_ops);
ALTER TABLE p FORCE ROW LEVEL SECURITY;
CREATE POLICY p_sel ON p FOR SELECT USING (b > 0);
CREATE POLICY p_ins ON p AS RESTRICTIVE FOR INSERT TO pg_monitor WITH CHECK (a <> '');
CREATE POLICY p_upd ON p FOR UPDATE USING (true) WITH CHECK (b < 100);
CREATE POLICY p_del ON p FOR DELETE TO pg_monitor, pg_read_all_stats USING (EXISTS (SELECT 1 FROM q WHERE q.b = p.b));
COMMENT ON POLICY p_sel ON p IS 'see';
