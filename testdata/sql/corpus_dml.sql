-- Statement forms from PostgreSQL's documentation (queries and data
-- changes), one round of the corpus; {n} is the round's number.

-- INSERT
INSERT INTO s{n}.users (email, balance) VALUES ('a{n}@example.com', 10), ('b{n}@example.com', DEFAULT);
INSERT INTO s{n}.users DEFAULT VALUES;
INSERT INTO s{n}.users OVERRIDING SYSTEM VALUE VALUES (1000 + {n}, 'c{n}@example.com');
INSERT INTO s{n}.orders (user_id, total)
    SELECT id, 10::money FROM s{n}.users WHERE balance > 0
    RETURNING id, placed AS "when";
INSERT INTO s{n}.cache AS c (k, v) VALUES ('k{n}', '\xdeadbeef')
    ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v, expires = c.expires + interval '1 hour'
    WHERE c.v IS DISTINCT FROM EXCLUDED.v;
INSERT INTO s{n}.users (email) VALUES ('d{n}@example.com') ON CONFLICT ON CONSTRAINT users_email_key DO NOTHING;
INSERT INTO s{n}.users (email) VALUES ('e{n}@example.com') ON CONFLICT (lower(email)) WHERE balance > 0 DO NOTHING;
WITH upd AS (
    UPDATE s{n}.orders SET status = 'paid' WHERE status = 'new' RETURNING *
)
INSERT INTO s{n}.line_items (order_id, pos, qty) SELECT id, 1, 1 FROM upd;
INSERT INTO s{n}.cities VALUES ('Québec', 531902.0, 98), (E'Saint-\'Denis', 1e5, -3), (U&'d\0061t\+000061', .5, 0);
INSERT INTO s{n}.measurement VALUES (1, '2024-03-01', 20, 0x1F), (2, DATE '2024-04-01', 1_000, 0o17), (3, now()::date, 0b101, NULL);

-- UPDATE and DELETE
UPDATE s{n}.users SET balance = balance * 1.1, tags = array_append(tags, 'vip') WHERE id IN (SELECT user_id FROM s{n}.orders);
UPDATE s{n}.users u SET (email, balance) = (SELECT lower(u.email), sum(o.total::numeric) FROM s{n}.orders o WHERE o.user_id = u.id)
    RETURNING u.id, u.balance;
UPDATE ONLY s{n}.cities AS c SET population = DEFAULT FROM s{n}.capitals cap WHERE c.name = cap.name;
UPDATE s{n}.users SET profile = jsonb_set(profile, '{theme}', '"light"', true) WHERE profile @> '{"theme": "dark"}';
UPDATE s{n}.orders SET status = 'shipped' WHERE CURRENT OF order_cursor;
DELETE FROM s{n}.orders WHERE status = 'new' AND placed < now() - interval '30 days';
DELETE FROM s{n}.line_items li USING s{n}.orders o WHERE li.order_id = o.id AND o.status = 'cancelled' RETURNING li.*;
DELETE FROM ONLY s{n}.cities WHERE name LIKE 'Old%' ESCAPE '!';
TRUNCATE TABLE s{n}.cache, ONLY s{n}.cities RESTART IDENTITY CASCADE;

-- MERGE
MERGE INTO s{n}.users t
USING (SELECT email, balance FROM s{n}.copy_of) AS s ON t.email = s.email
WHEN MATCHED AND s.balance = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET balance = t.balance + s.balance
WHEN NOT MATCHED THEN INSERT (email, balance) VALUES (s.email, s.balance);
MERGE INTO s{n}.cities c
USING s{n}.capitals cap ON c.name = cap.name
WHEN NOT MATCHED BY SOURCE THEN DELETE
WHEN NOT MATCHED BY TARGET THEN INSERT DEFAULT VALUES
WHEN MATCHED THEN DO NOTHING
RETURNING merge_action(), c.*;
WITH src AS (SELECT 1 AS id)
MERGE INTO s{n}.orders o USING src ON o.id = src.id
WHEN MATCHED THEN UPDATE SET status = DEFAULT;

-- SELECT: joins, grouping, set operations, locking
SELECT DISTINCT ON (user_id) user_id, placed, total FROM s{n}.orders ORDER BY user_id, placed DESC;
SELECT u.id, o.id FROM s{n}.users u
    JOIN s{n}.orders o USING (id)
    LEFT OUTER JOIN s{n}.line_items li ON li.order_id = o.id
    FULL JOIN s{n}.cities c ON true
    CROSS JOIN LATERAL (SELECT max(pos) AS last FROM s{n}.line_items WHERE order_id = o.id) AS m
    NATURAL JOIN s{n}.capitals;
SELECT status, count(*) FILTER (WHERE total > 100::money) AS big, avg(total::numeric)
    FROM s{n}.orders GROUP BY status HAVING count(*) > 1 ORDER BY 2 DESC NULLS FIRST;
SELECT city_id, logdate, sum(unitsales) FROM s{n}.measurement GROUP BY GROUPING SETS ((city_id), (logdate), ());
SELECT city_id, logdate, sum(unitsales), GROUPING(city_id, logdate) FROM s{n}.measurement GROUP BY ROLLUP (city_id, logdate);
SELECT city_id, peaktemp, count(*) FROM s{n}.measurement GROUP BY DISTINCT CUBE (city_id, peaktemp);
SELECT id FROM s{n}.users UNION SELECT user_id FROM s{n}.orders INTERSECT ALL SELECT order_id FROM s{n}.line_items EXCEPT SELECT 0;
SELECT * FROM s{n}.orders ORDER BY total DESC FETCH FIRST 3 ROWS WITH TIES;
SELECT * FROM s{n}.orders ORDER BY id LIMIT ALL OFFSET 10;
SELECT * FROM s{n}.orders WHERE status = 'new' FOR UPDATE OF orders SKIP LOCKED;
SELECT * FROM s{n}.users FOR NO KEY UPDATE NOWAIT;
SELECT * FROM s{n}.users TABLESAMPLE BERNOULLI (10) REPEATABLE (42);
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS t (num, name) WHERE num BETWEEN SYMMETRIC 2 AND 1;
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) WITH ORDINALITY AS t (n, s, ord);
SELECT * FROM ROWS FROM (generate_series(1, 3), generate_series(10, 12)) AS g (a, b);
SELECT x, y FROM generate_series(1, 3) x, LATERAL generate_series(x, 3) y;
SELECT CASE WHEN balance > 100 THEN 'rich' WHEN balance > 0 THEN 'ok' ELSE 'broke' END AS class,
       COALESCE(nickname, email) AS n, NULLIF(balance, 0), GREATEST(1, 2, 3), LEAST(4, 5)
    FROM s{n}.users;
SELECT email ILIKE '%@EXAMPLE.COM', email SIMILAR TO '%(a|b)%', email ~* '^[a-z]+@', email !~ 'x$',
       born IS NOT DISTINCT FROM NULL, balance = ANY (ARRAY[1, 2]), balance > ALL (SELECT 0), EXISTS (SELECT 1)
    FROM s{n}.users;
SELECT CAST('42' AS integer), '3.14'::numeric(5, 2), interval '1 day 2 hours', TIMESTAMP WITH TIME ZONE '2024-01-01 00:00+02',
       now() AT TIME ZONE 'UTC', current_date - 1, B'1010' | B'0101', X'FF'::bit(8), 'a' COLLATE "C" < 'b';
SELECT $$dollar 'quoted' string$$, $tag$with $$ inside$tag$, E'escapes \n \t \\ \'', 'it''s', U&'\0441\043B\043E\043D';
SELECT ARRAY[[1, 2], [3, 4]], (ARRAY[1, 2, 3])[2:3], ROW(1, 'a'), (s{n}.full_name(u)).*, array_length('{1,2}'::int[], 1)
    FROM s{n}.users u;
SELECT int4range(1, 10) @> 5, tsrange('2024-01-01', '2024-02-01', '[)') && tsrange('2024-01-15', NULL), upper(numrange(1.5, 2.5));
SELECT to_tsvector('english', 'The quick fox') @@ to_tsquery('english', 'fox & quick'), ts_rank(search, plainto_tsquery('x')) FROM s{n}.users;
SELECT xmlelement(name foo, xmlattributes('xyz' AS bar), 'content'), xmlparse(document '<a/>');
SELECT * FROM XMLTABLE('/rows/row' PASSING '<rows><row id="1"/></rows>' COLUMNS id int PATH '@id', ordinality FOR ORDINALITY);
SELECT pg_typeof(1), (1 > 0) IS NOT TRUE, true IS UNKNOWN, NULL::text IS NULL, (1, 2) < (1, 3), 'x' = ANY ('{x,y}');
SELECT 2 ^ 10, 7 % 3, @ -5, |/ 25.0, ||/ 27.0, factorial(5) = 120 OR true, 'a' || 'b', ~5, 1 << 3, 8 >> 1, 5 & 3, 5 # 3;
VALUES (1, 2), (3, 4) ORDER BY 1 DESC LIMIT 1;
TABLE s{n}.users;

-- WITH, recursion, search and cycle
WITH RECURSIVE t (n) AS (
    VALUES (1)
  UNION ALL
    SELECT n + 1 FROM t WHERE n < 100
)
SELECT sum(n) FROM t;
WITH RECURSIVE search_tree (id, link, data) AS (
    SELECT t.id, t.link, t.data FROM tree t
  UNION ALL
    SELECT t.id, t.link, t.data FROM tree t, search_tree st WHERE t.id = st.link
) SEARCH DEPTH FIRST BY id SET ordercol
  CYCLE id SET is_cycle USING path
SELECT * FROM search_tree ORDER BY ordercol;
WITH w AS MATERIALIZED (SELECT * FROM s{n}.orders), v AS NOT MATERIALIZED (SELECT * FROM w WHERE total > 0::money)
SELECT * FROM v;
WITH moved AS (DELETE FROM s{n}.orders WHERE status = 'old' RETURNING *)
INSERT INTO s{n}.orders_archive SELECT * FROM moved;

-- Window functions
SELECT depname, empno, salary, avg(salary) OVER (PARTITION BY depname) FROM empsalary;
SELECT depname, empno, salary, rank() OVER (PARTITION BY depname ORDER BY salary DESC) FROM empsalary;
SELECT salary, sum(salary) OVER w, avg(salary) OVER w FROM empsalary WINDOW w AS (PARTITION BY depname ORDER BY salary DESC);
SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
       sum(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE CURRENT ROW),
       sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES),
       lag(x, 1, 0) OVER (ORDER BY x), first_value(x) OVER () FROM generate_series(1, 10) x;
SELECT ntile(4) OVER w, percent_rank() OVER w, cume_dist() OVER w, nth_value(x, 2) OVER (w ROWS UNBOUNDED PRECEDING)
    FROM generate_series(1, 10) x WINDOW w AS (ORDER BY x);
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total::numeric), mode() WITHIN GROUP (ORDER BY status),
       string_agg(status, ', ' ORDER BY placed), array_agg(DISTINCT user_id) FROM s{n}.orders;

-- JSON
SELECT profile -> 'theme', profile ->> 'theme', profile #> '{a,b}', profile #>> '{a,b}', profile ? 'theme',
       profile ?| ARRAY['a', 'b'], profile ?& ARRAY['a'], profile - 'theme', profile || '{"x": 1}' FROM s{n}.users;
SELECT jsonb_path_query(profile, '$.items[*] ? (@.price > $min)', '{"min": 10}'), profile @? '$.a', profile @@ '$.a == 1'
    FROM s{n}.users;
SELECT jsonb_build_object('id', id, 'tags', to_jsonb(tags)), json_agg(email), jsonb_object_agg(id, email)
    FROM s{n}.users GROUP BY id;
SELECT JSON_OBJECT('id': id, 'email' VALUE email ABSENT ON NULL RETURNING jsonb), JSON_ARRAY(1, 'two', NULL NULL ON NULL),
       JSON_ARRAYAGG(email ORDER BY email), JSON_OBJECTAGG(email : id WITH UNIQUE KEYS) FROM s{n}.users GROUP BY id;
SELECT '{"a": 1}' IS JSON OBJECT, '[1]' IS JSON ARRAY WITH UNIQUE KEYS, 'x' IS NOT JSON SCALAR;
SELECT JSON_EXISTS(profile, '$.theme'), JSON_VALUE(profile, '$.theme' RETURNING text DEFAULT 'none' ON EMPTY),
       JSON_QUERY(profile, '$.tags' WITH CONDITIONAL WRAPPER KEEP QUOTES ERROR ON ERROR) FROM s{n}.users;
SELECT JSON('{"a": 1}'), JSON_SCALAR(42), JSON_SERIALIZE('{"a":1}' RETURNING bytea);
SELECT jt.* FROM s{n}.users u,
    JSON_TABLE(u.profile, '$.items[*]' COLUMNS (
        ord FOR ORDINALITY,
        name text PATH '$.name',
        price numeric PATH '$.price' DEFAULT 0 ON EMPTY,
        has_tag boolean EXISTS PATH '$.tag',
        NESTED PATH '$.parts[*]' COLUMNS (part text PATH '$')
    )) AS jt;
SELECT * FROM jsonb_to_recordset('[{"a": 1, "b": "x"}]') AS x (a int, b text);
SELECT key, value FROM jsonb_each('{"a": 1}'), json_array_elements_text('["x"]');

-- Sessions, transactions, utility
BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY;
SAVEPOINT sp{n};
ROLLBACK TO SAVEPOINT sp{n};
RELEASE SAVEPOINT sp{n};
COMMIT AND NO CHAIN;
START TRANSACTION;
LOCK TABLE s{n}.users IN SHARE ROW EXCLUSIVE MODE NOWAIT;
SET LOCAL statement_timeout = '5s';
SET search_path TO s{n}, public;
SET TIME ZONE 'UTC';
RESET search_path;
SHOW search_path;
SELECT set_config('app.user_id', '{n}', false);
ABORT;
PREPARE fetch_user{n} (bigint) AS SELECT * FROM s{n}.users WHERE id = $1;
EXECUTE fetch_user{n}(1);
DEALLOCATE fetch_user{n};
DECLARE order_cursor CURSOR WITH HOLD FOR SELECT * FROM s{n}.orders;
FETCH FORWARD 5 FROM order_cursor;
MOVE LAST IN order_cursor;
CLOSE order_cursor;
EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM s{n}.users WHERE id = 1;
VACUUM (VERBOSE, ANALYZE) s{n}.users (email);
ANALYZE s{n}.orders;
COPY s{n}.users (id, email) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER ';');
COPY s{n}.cities FROM '/tmp/cities.csv' WITH (FORMAT csv, FORCE_NULL (name), ON_ERROR ignore);
COPY (SELECT * FROM s{n}.users WHERE balance > 0) TO PROGRAM 'gzip > /tmp/users.gz';
LISTEN users_changed;
NOTIFY users_changed, 'payload {n}';
UNLISTEN *;
DISCARD ALL;
CHECKPOINT;
DO $$BEGIN RAISE NOTICE 'round {n}'; END$$;
DO LANGUAGE plpgsql $do$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 's{n}' LOOP
        EXECUTE format('ANALYZE %I.%I', 's{n}', r.tablename);
    END LOOP;
END
$do$;

-- Drops
-- atlas:nolint DS102 destructive
DROP VIEW IF EXISTS s{n}.recent CASCADE;
DROP MATERIALIZED VIEW s{n}.best_users;
/*atlas:nolint DS102*/
DROP TABLE IF EXISTS s{n}.totals, s{n}.copy_of RESTRICT;
DROP FUNCTION IF EXISTS s{n}.plus(integer, integer), s{n}.dup;
DROP PROCEDURE app{n}.insert_data(integer, integer);
DROP TRIGGER IF EXISTS check_update ON s{n}.users;
DROP POLICY IF EXISTS del ON s{n}.orders;
DROP TYPE s{n}.box3;
DROP DOMAIN IF EXISTS s{n}.label CASCADE;
DROP SEQUENCE s{n}.big_seq;
DROP RULE protect ON s{n}.cities;
DROP EXTENSION IF EXISTS "uuid-ossp";
DROP SCHEMA IF EXISTS hollywood{n} CASCADE;
DROP OWNED BY reader{n};
REASSIGN OWNED BY writer{n} TO CURRENT_USER;
DROP ROLE IF EXISTS reader{n}, writer{n};
