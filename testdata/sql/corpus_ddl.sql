-- Statement forms from PostgreSQL's documentation (DDL), one round of the
-- corpus sqlsupport's TestScriptCorpus parses: it expands {n} to each round's
-- number, so every object name is distinct.

/* Schemas /* nested comments are fine */ */
CREATE SCHEMA s{n};
CREATE SCHEMA IF NOT EXISTS app{n} AUTHORIZATION CURRENT_USER;
CREATE SCHEMA AUTHORIZATION owner{n};
CREATE SCHEMA hollywood{n}
    CREATE TABLE films (title text, release date, awards text[])
    CREATE VIEW winners AS
        SELECT title, release FROM films WHERE awards IS NOT NULL;
ALTER SCHEMA owner{n} RENAME TO owners{n};
ALTER SCHEMA app{n} OWNER TO CURRENT_ROLE;
COMMENT ON SCHEMA s{n} IS 'Round {n} of the corpus';

-- Types, domains, sequences
CREATE TYPE s{n}.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE s{n}.empty_enum AS ENUM ();
CREATE TYPE s{n}.address AS (street text, city varchar(80), zip char(5));
CREATE TYPE s{n}.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE s{n}.box3;
CREATE TYPE s{n}.complex AS (r double precision, i double precision);
CREATE TYPE s{n}.base_t (INPUT = s{n}.base_in, OUTPUT = s{n}.base_out, INTERNALLENGTH = 16, ALIGNMENT = double);
ALTER TYPE s{n}.mood ADD VALUE 'ecstatic' AFTER 'happy';
ALTER TYPE s{n}.mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';
ALTER TYPE s{n}.mood RENAME VALUE 'sad' TO 'blue';
ALTER TYPE s{n}.address ADD ATTRIBUTE country text, ALTER ATTRIBUTE zip TYPE varchar(10);
ALTER TYPE s{n}.complex RENAME TO cplx;
ALTER TYPE s{n}.cplx OWNER TO CURRENT_USER;
CREATE DOMAIN s{n}.us_postal_code AS text
    CHECK (VALUE ~ '^\d{5}$' OR VALUE ~ '^\d{5}-\d{4}$');
CREATE DOMAIN s{n}.posint AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN s{n}.label AS varchar(64) COLLATE "C";
ALTER DOMAIN s{n}.posint SET DEFAULT 2;
ALTER DOMAIN s{n}.posint ADD CONSTRAINT small CHECK (VALUE < 1000000) NOT VALID;
ALTER DOMAIN s{n}.posint VALIDATE CONSTRAINT small;
ALTER DOMAIN s{n}.label DROP NOT NULL;
CREATE SEQUENCE s{n}.serial_seq START 101;
CREATE SEQUENCE IF NOT EXISTS s{n}.big_seq AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 20 CYCLE;
CREATE TEMPORARY SEQUENCE tmp_seq{n};
ALTER SEQUENCE s{n}.serial_seq RESTART WITH 105;
ALTER SEQUENCE s{n}.big_seq NO CYCLE OWNED BY NONE;
SELECT nextval('s{n}.serial_seq'), currval('s{n}.serial_seq'), setval('s{n}.big_seq', 42, true);

-- Tables
CREATE TABLE s{n}.users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    "Display Name" varchar(100) COLLATE "C",
    mood        s{n}.mood DEFAULT 'ok',
    zip         s{n}.us_postal_code,
    born        date CHECK (born > DATE '1900-01-01'),
    balance     numeric(12, 2) NOT NULL DEFAULT 0.00,
    tags        text[] DEFAULT '{}'::text[],
    profile     jsonb DEFAULT '{"theme": "dark"}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (to_tsvector('english', email)) STORED,
    CONSTRAINT email_lower CHECK (email = lower(email))
);
CREATE TABLE IF NOT EXISTS s{n}.orders (
    id         bigserial,
    user_id    bigint NOT NULL REFERENCES s{n}.users (id) ON DELETE CASCADE ON UPDATE NO ACTION,
    placed     timestamp(3) without time zone DEFAULT LOCALTIMESTAMP,
    total      money,
    status     text DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')) NO INHERIT,
    note       text COMPRESSION pglz,
    PRIMARY KEY (id) INCLUDE (status) WITH (fillfactor = 90),
    UNIQUE NULLS NOT DISTINCT (user_id, placed),
    CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES s{n}.users MATCH FULL ON DELETE SET NULL (user_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE s{n}.line_items (
    order_id bigint,
    pos      smallint,
    sku      text STORAGE EXTERNAL,
    qty      int NOT NULL CONSTRAINT qty_pos CHECK (qty > 0),
    price    numeric,
    amount   numeric GENERATED ALWAYS AS (qty * price) STORED,
    PRIMARY KEY (order_id, pos),
    FOREIGN KEY (order_id) REFERENCES s{n}.orders (id) ON DELETE RESTRICT NOT DEFERRABLE
) WITH (fillfactor = 70, autovacuum_enabled = false);
CREATE TABLE s{n}.reservations (
    room     int,
    during   tsrange,
    EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)
);
CREATE UNLOGGED TABLE s{n}.cache (k text PRIMARY KEY, v bytea, expires interval second(0));
CREATE TEMP TABLE scratch{n} (LIKE s{n}.users INCLUDING DEFAULTS INCLUDING CONSTRAINTS EXCLUDING INDEXES) ON COMMIT DROP;
CREATE GLOBAL TEMPORARY TABLE gtt{n} (a int) ON COMMIT DELETE ROWS;
CREATE TABLE s{n}.cities (name text, population real, elevation int);
CREATE TABLE s{n}.capitals (state char(2) UNIQUE NOT NULL) INHERITS (s{n}.cities);
CREATE TABLE s{n}.typed OF s{n}.address (PRIMARY KEY (street), city WITH OPTIONS DEFAULT 'Paris');
CREATE TABLE s{n}.measurement (
    city_id   int NOT NULL,
    logdate   date NOT NULL,
    peaktemp  int,
    unitsales int
) PARTITION BY RANGE (logdate);
CREATE TABLE s{n}.measurement_y2024 PARTITION OF s{n}.measurement
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE s{n}.measurement_old PARTITION OF s{n}.measurement
    FOR VALUES FROM (MINVALUE) TO ('2024-01-01') PARTITION BY RANGE (peaktemp);
CREATE TABLE s{n}.measurement_default PARTITION OF s{n}.measurement DEFAULT;
CREATE TABLE s{n}.by_region (id int, region text) PARTITION BY LIST (lower(region));
CREATE TABLE s{n}.by_region_eu PARTITION OF s{n}.by_region (CONSTRAINT id_ok CHECK (id > 0)) FOR VALUES IN ('fr', 'de', 'it');
CREATE TABLE s{n}.hashed (id uuid DEFAULT gen_random_uuid()) PARTITION BY HASH (id);
CREATE TABLE s{n}.hashed_0 PARTITION OF s{n}.hashed FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE s{n}.heap_tab (a int) USING heap TABLESPACE pg_default;
CREATE TABLE s{n}.copy_of AS SELECT * FROM s{n}.users WHERE false WITH NO DATA;
CREATE TABLE IF NOT EXISTS s{n}.totals (user_id, total) AS
    SELECT user_id, sum(total::numeric) FROM s{n}.orders GROUP BY user_id;
SELECT * INTO TEMP newest{n} FROM s{n}.orders ORDER BY placed DESC LIMIT 10;
CREATE TABLE s{n}."Mixed Case" ("Id" int, "naïve" text, ünïcödé int);

-- ALTER TABLE
ALTER TABLE s{n}.users ADD COLUMN IF NOT EXISTS nickname text;
ALTER TABLE ONLY s{n}.users ALTER COLUMN nickname SET DEFAULT 'anon', ALTER COLUMN nickname SET NOT NULL;
ALTER TABLE s{n}.users ALTER COLUMN balance TYPE numeric(14, 2) USING balance::numeric(14, 2);
ALTER TABLE s{n}.users ALTER COLUMN nickname DROP DEFAULT, ALTER COLUMN nickname DROP NOT NULL;
ALTER TABLE s{n}.users ALTER COLUMN email SET STATISTICS 500, ALTER COLUMN tags SET STORAGE EXTENDED;
ALTER TABLE s{n}.users ALTER COLUMN profile SET COMPRESSION lz4;
ALTER TABLE s{n}.cache ALTER COLUMN k ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10);
ALTER TABLE s{n}.users ALTER COLUMN id SET GENERATED BY DEFAULT, ALTER COLUMN id RESTART WITH 1000;
ALTER TABLE s{n}.users ALTER COLUMN search DROP EXPRESSION;
ALTER TABLE s{n}.orders ADD CONSTRAINT total_pos CHECK (total > 0::money) NOT VALID;
ALTER TABLE s{n}.orders VALIDATE CONSTRAINT total_pos;
ALTER TABLE s{n}.orders DROP CONSTRAINT IF EXISTS fk_user CASCADE;
ALTER TABLE s{n}.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES s{n}.users (id) NOT VALID;
ALTER TABLE s{n}.line_items ADD CONSTRAINT li_unique UNIQUE USING INDEX li_sku_idx;
ALTER TABLE s{n}.orders RENAME COLUMN note TO notes;
ALTER TABLE s{n}.orders RENAME CONSTRAINT total_pos TO total_positive;
ALTER TABLE IF EXISTS s{n}.cache RENAME TO cache_entries;
ALTER TABLE s{n}.cache_entries SET SCHEMA app{n};
-- Dropping a column is destructive: lint knows.
--atlas:nolint DS103
ALTER TABLE s{n}.users DROP COLUMN IF EXISTS nickname RESTRICT;
ALTER TABLE s{n}.measurement ATTACH PARTITION s{n}.measurement_y2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
ALTER TABLE s{n}.measurement DETACH PARTITION s{n}.measurement_old CONCURRENTLY;
ALTER TABLE s{n}.measurement DETACH PARTITION s{n}.measurement_old FINALIZE;
ALTER TABLE s{n}.users ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE s{n}.users DISABLE TRIGGER ALL;
ALTER TABLE s{n}.users ENABLE REPLICA TRIGGER users_audit;
ALTER TABLE s{n}.users CLUSTER ON users_email_key;
ALTER TABLE s{n}.users SET WITHOUT CLUSTER, SET (fillfactor = 80, toast.autovacuum_enabled = true);
ALTER TABLE s{n}.users RESET (fillfactor);
ALTER TABLE s{n}.cache_entries SET LOGGED;
ALTER TABLE s{n}.capitals NO INHERIT s{n}.cities;
ALTER TABLE s{n}.capitals INHERIT s{n}.cities;
ALTER TABLE s{n}.typed NOT OF;
ALTER TABLE s{n}.users REPLICA IDENTITY FULL;
ALTER TABLE s{n}.users OWNER TO CURRENT_USER;
ALTER TABLE s{n}.heap_tab SET ACCESS METHOD heap;
ALTER TABLE ALL IN TABLESPACE pg_default OWNED BY CURRENT_USER SET TABLESPACE pg_default NOWAIT;

-- Indexes
CREATE INDEX ON s{n}.orders (placed);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_ci ON s{n}.users (lower(email));
CREATE INDEX users_tags_gin ON s{n}.users USING gin (tags);
CREATE INDEX users_profile_path ON s{n}.users USING gin (profile jsonb_path_ops);
CREATE INDEX orders_open ON s{n}.orders (user_id, placed DESC NULLS LAST) INCLUDE (total) WHERE status <> 'shipped';
CREATE INDEX users_name_c ON s{n}.users ("Display Name" COLLATE "C" text_pattern_ops);
CREATE INDEX measurement_brin ON ONLY s{n}.measurement USING brin (logdate) WITH (pages_per_range = 32);
CREATE INDEX cache_hash ON app{n}.cache_entries USING hash (k) TABLESPACE pg_default;
CREATE UNIQUE INDEX nnd ON s{n}.line_items (sku) NULLS NOT DISTINCT;
CREATE INDEX res_gist ON s{n}.reservations USING gist (during) WITH (buffering = auto);
ALTER INDEX s{n}.orders_open RENAME TO orders_pending;
ALTER INDEX IF EXISTS s{n}.users_tags_gin SET (fastupdate = off);
ALTER INDEX s{n}.measurement_brin ATTACH PARTITION s{n}.measurement_y2024_logdate_idx;
ALTER INDEX s{n}.users_email_ci ALTER COLUMN 1 SET STATISTICS 1000;
REINDEX (VERBOSE) TABLE CONCURRENTLY s{n}.users;
DROP INDEX CONCURRENTLY IF EXISTS s{n}.nnd;
CLUSTER s{n}.users USING users_email_key;
CREATE STATISTICS IF NOT EXISTS s{n}.st_orders (dependencies, ndistinct, mcv) ON user_id, status FROM s{n}.orders;

-- Views
CREATE VIEW s{n}.active_users AS
    SELECT id, email FROM s{n}.users WHERE balance > 0
    WITH LOCAL CHECK OPTION;
CREATE OR REPLACE VIEW s{n}.user_orders (user_id, order_count) WITH (security_barrier = true, security_invoker = on) AS
    SELECT u.id, count(o.*) FROM s{n}.users AS u LEFT JOIN s{n}.orders o ON o.user_id = u.id GROUP BY u.id;
CREATE TEMP VIEW recent{n} AS VALUES (1, 'one'), (2, 'two');
CREATE RECURSIVE VIEW s{n}.nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM s{n}.nums WHERE n < 100;
ALTER VIEW s{n}.active_users ALTER COLUMN email SET DEFAULT 'x@example.com';
ALTER VIEW IF EXISTS s{n}.user_orders RENAME TO orders_per_user;
ALTER VIEW s{n}.orders_per_user SET (check_option = cascaded);
CREATE MATERIALIZED VIEW s{n}.daily_sales AS
    SELECT date_trunc('day', placed) AS day, sum(total) AS total FROM s{n}.orders GROUP BY 1
    WITH NO DATA;
CREATE MATERIALIZED VIEW IF NOT EXISTS s{n}.top_users TABLESPACE pg_default AS SELECT id FROM s{n}.users LIMIT 10;
CREATE UNIQUE INDEX ON s{n}.daily_sales (day);
REFRESH MATERIALIZED VIEW CONCURRENTLY s{n}.daily_sales WITH DATA;
ALTER MATERIALIZED VIEW s{n}.top_users RENAME TO best_users;

-- Functions and procedures
CREATE FUNCTION s{n}.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN a + b;
CREATE OR REPLACE FUNCTION s{n}.full_name(u s{n}.users) RETURNS text
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT u.email || ' <' || u.id || '>';
    END;
CREATE FUNCTION s{n}.dup(int, OUT f1 int, OUT f2 text) AS $$ SELECT $1, CAST($1 AS text) || ' is text' $$ LANGUAGE SQL;
CREATE FUNCTION s{n}.user_emails(min_balance numeric DEFAULT 0) RETURNS TABLE (id bigint, email text)
    LANGUAGE sql STABLE ROWS 100 COST 10 AS
$func$
    SELECT id, email FROM s{n}.users WHERE balance >= min_balance;
$func$;
CREATE FUNCTION s{n}.concat_all(VARIADIC parts text[]) RETURNS text LANGUAGE sql AS 'SELECT array_to_string(parts, '''')';
CREATE FUNCTION s{n}.secure_touch(uid bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = s{n}, pg_temp LEAKPROOF
    AS 'UPDATE s{n}.users SET created_at = now() WHERE id = uid';
CREATE FUNCTION s{n}.set_of_ids() RETURNS SETOF bigint LANGUAGE sql AS $$ SELECT id FROM s{n}.users $$;
CREATE FUNCTION s{n}.c_func(int) RETURNS int AS 'MODULE_PATHNAME', 'c_func' LANGUAGE C STRICT;
CREATE FUNCTION s{n}.js_plus(a int) RETURNS int LANGUAGE plv8 AS $js$ return a + 1; $js$;
CREATE PROCEDURE s{n}.insert_data(a integer, b integer)
LANGUAGE SQL
AS $$
INSERT INTO tbl VALUES (a);
INSERT INTO tbl VALUES (b);
$$;
CREATE PROCEDURE s{n}.insert_atomic(a integer)
    LANGUAGE SQL
    BEGIN ATOMIC
        INSERT INTO tbl VALUES (a);
        SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
    END;
CALL s{n}.insert_data(1, 2);
ALTER FUNCTION s{n}.add(integer, integer) RENAME TO plus;
ALTER FUNCTION s{n}.plus(integer, integer) SET search_path = public, s{n};
ALTER FUNCTION s{n}.dup(int) OWNER TO CURRENT_USER;
ALTER PROCEDURE s{n}.insert_data(integer, integer) SET SCHEMA app{n};
ALTER ROUTINE s{n}.plus(integer, integer) IMMUTABLE;
CREATE AGGREGATE s{n}.array_accum (anycompatible) (
    sfunc = array_append,
    stype = anycompatiblearray,
    initcond = '{}'
);
CREATE OPERATOR s{n}.=== (LEFTARG = box, RIGHTARG = box, FUNCTION = area_equal_function, COMMUTATOR = ===, NEGATOR = !==);
CREATE CAST (s{n}.mood AS text) WITH INOUT AS IMPLICIT;
CREATE COLLATION IF NOT EXISTS s{n}.german (provider = icu, locale = 'de-DE');
CREATE TEXT SEARCH CONFIGURATION s{n}.my_english (COPY = pg_catalog.english);
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA s{n} VERSION '1.3' CASCADE;
CREATE EXTENSION "uuid-ossp";
ALTER EXTENSION pgcrypto UPDATE TO '1.3';

-- Triggers, rules, policies
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON s{n}.users
    FOR EACH ROW EXECUTE FUNCTION s{n}.audit();
CREATE OR REPLACE TRIGGER check_update BEFORE UPDATE OF balance, email ON s{n}.users
    FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance) EXECUTE FUNCTION s{n}.check_balance('strict', 1);
CREATE TRIGGER transfer_insert AFTER INSERT ON s{n}.orders
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE PROCEDURE s{n}.check_transfer_balances_to_zero();
CREATE TRIGGER view_insert INSTEAD OF INSERT ON s{n}.active_users FOR EACH ROW EXECUTE FUNCTION s{n}.view_insert_row();
CREATE CONSTRAINT TRIGGER fk_check AFTER INSERT ON s{n}.line_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION s{n}.li_check();
CREATE TRIGGER trunc_log BEFORE TRUNCATE ON s{n}.orders EXECUTE FUNCTION s{n}.log_truncate();
ALTER TRIGGER users_audit ON s{n}.users RENAME TO users_history;
CREATE EVENT TRIGGER ddl_log{n} ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION s{n}.log_ddl();
ALTER EVENT TRIGGER ddl_log{n} DISABLE;
CREATE RULE "_notify" AS ON UPDATE TO s{n}.users DO ALSO NOTIFY users_changed;
CREATE OR REPLACE RULE protect AS ON DELETE TO s{n}.cities WHERE OLD.population > 1000000 DO INSTEAD NOTHING;
CREATE POLICY account_managers ON s{n}.users TO CURRENT_USER USING (email = current_user);
CREATE POLICY user_sel_policy ON s{n}.users FOR SELECT USING (true);
CREATE POLICY user_mod ON s{n}.users AS RESTRICTIVE FOR UPDATE TO PUBLIC
    USING (id = current_setting('app.user_id')::bigint)
    WITH CHECK (balance >= 0);
CREATE POLICY ins ON s{n}.orders FOR INSERT WITH CHECK (user_id IS NOT NULL);
CREATE POLICY del ON s{n}.orders FOR DELETE TO pg_read_all_data, CURRENT_ROLE USING (status = 'new');
ALTER POLICY user_sel_policy ON s{n}.users RENAME TO user_read;
ALTER POLICY user_mod ON s{n}.users USING (id > 0) WITH CHECK (balance > -100);

-- Comments, grants, roles, foreign data
COMMENT ON TABLE s{n}.users IS 'People who buy things';
COMMENT ON COLUMN s{n}.users.email IS E'Lower-case\temail; unique';
COMMENT ON COLUMN s{n}."Mixed Case"."Id" IS 'quoted';
COMMENT ON INDEX s{n}.users_tags_gin IS NULL;
COMMENT ON CONSTRAINT email_lower ON s{n}.users IS $$must be lower-case$$;
COMMENT ON CONSTRAINT positive ON DOMAIN s{n}.posint IS 'positive';
COMMENT ON FUNCTION s{n}.plus(integer, integer) IS 'Adds';
COMMENT ON PROCEDURE app{n}.insert_data(integer, integer) IS 'Inserts';
COMMENT ON TRIGGER check_update ON s{n}.users IS 'balance guard';
COMMENT ON POLICY user_read ON s{n}.users IS 'everyone reads';
COMMENT ON VIEW s{n}.active_users IS 'active';
COMMENT ON MATERIALIZED VIEW s{n}.daily_sales IS 'daily';
COMMENT ON SEQUENCE s{n}.serial_seq IS 'serials';
COMMENT ON TYPE s{n}.mood IS 'moods';
COMMENT ON DOMAIN s{n}.posint IS 'positive integers';
COMMENT ON EXTENSION pgcrypto IS 'crypto';
COMMENT ON AGGREGATE s{n}.array_accum (anycompatible) IS 'accumulates';
CREATE ROLE reader{n} WITH NOLOGIN NOINHERIT CONNECTION LIMIT 5;
CREATE ROLE writer{n} LOGIN PASSWORD 'secret' VALID UNTIL 'infinity' IN ROLE reader{n};
COMMENT ON ROLE reader{n} IS 'reads';
ALTER ROLE writer{n} SET search_path TO s{n}, public;
GRANT SELECT ON s{n}.users TO reader{n};
GRANT SELECT (id, email), UPDATE (email) ON TABLE s{n}.users TO writer{n} WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA s{n} TO writer{n};
GRANT USAGE, CREATE ON SCHEMA s{n} TO PUBLIC;
GRANT EXECUTE ON FUNCTION s{n}.plus(integer, integer) TO reader{n};
GRANT USAGE ON SEQUENCE s{n}.serial_seq TO writer{n};
GRANT USAGE ON TYPE s{n}.mood TO reader{n};
GRANT reader{n} TO writer{n} WITH ADMIN OPTION, INHERIT TRUE;
GRANT CONNECT, TEMPORARY ON DATABASE postgres TO reader{n} GRANTED BY CURRENT_USER;
REVOKE INSERT ON s{n}.users FROM PUBLIC;
REVOKE GRANT OPTION FOR SELECT ON s{n}.users FROM writer{n} CASCADE;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA s{n} FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA s{n} GRANT SELECT ON TABLES TO reader{n};
ALTER DEFAULT PRIVILEGES FOR ROLE writer{n} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE FOREIGN DATA WRAPPER fdw{n} HANDLER NO HANDLER VALIDATOR NO VALIDATOR;
CREATE SERVER films_srv{n} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'foo', dbname 'foodb', port '5432');
CREATE USER MAPPING IF NOT EXISTS FOR CURRENT_USER SERVER films_srv{n} OPTIONS (user 'bob', password 'secret');
CREATE FOREIGN TABLE s{n}.films_remote (code char(5) NOT NULL, title varchar(40) OPTIONS (column_name 'name'))
    SERVER films_srv{n} OPTIONS (schema_name 'public', table_name 'films');
IMPORT FOREIGN SCHEMA foreign_films LIMIT TO (actors, directors) FROM SERVER films_srv{n} INTO s{n};
CREATE PUBLICATION pub{n} FOR TABLE s{n}.users (id, email) WHERE (id > 0), s{n}.orders WITH (publish = 'insert, update');
CREATE PUBLICATION all_in_schema{n} FOR TABLES IN SCHEMA s{n};
CREATE SUBSCRIPTION sub{n} CONNECTION 'host=192.168.1.50 port=5432 user=foo dbname=foodb' PUBLICATION pub{n} WITH (enabled = false);
SECURITY LABEL FOR selinux ON TABLE s{n}.users IS 'system_u:object_r:sepgsql_table_t:s0';
