-- PL/pgSQL forms from PostgreSQL's documentation, one round of the corpus;
-- {n} is the round's number. Every body is checked by the PL/pgSQL parser.

CREATE FUNCTION s{n}.audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO s{n}.audit_log SELECT 'D', now(), user, OLD.*;
        RETURN OLD;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO s{n}.audit_log SELECT 'U', now(), user, NEW.*;
    ELSE
        INSERT INTO s{n}.audit_log SELECT 'I', now(), user, NEW.*;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION s{n}.check_balance() RETURNS trigger
LANGUAGE plpgsql AS $body$
BEGIN
    IF NEW.balance < 0 THEN
        RAISE EXCEPTION 'balance of % cannot be negative', NEW.id
            USING ERRCODE = 'check_violation', HINT = 'Top up first';
    END IF;
    NEW.created_at := coalesce(NEW.created_at, now());
    RETURN NEW;
END
$body$;

CREATE FUNCTION s{n}.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    obj record;
BEGIN
    FOR obj IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
        RAISE NOTICE '% on %', obj.command_tag, obj.object_identity;
    END LOOP;
END;
$$;

CREATE FUNCTION s{n}.sales_tax(subtotal real, OUT tax real) AS $$
BEGIN
    tax := subtotal * 0.06;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION s{n}.sum_n_product(x int, y int, OUT sum int, OUT prod int) AS $$
BEGIN
    sum := x + y;
    prod := x * y;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

CREATE FUNCTION s{n}.instr(varchar, integer) RETURNS integer AS $$
<< outerblock >>
DECLARE
    v_string ALIAS FOR $1;
    index ALIAS FOR $2;
    result integer := 0;
    c CONSTANT text NOT NULL DEFAULT 'x';
    u s{n}.users%ROWTYPE;
    e s{n}.users.email%TYPE;
    arr int[] := ARRAY[1, 2, 3];
BEGIN
    DECLARE
        result integer := 80;
    BEGIN
        result := result + outerblock.result;
        RAISE NOTICE 'Outer result here is %', outerblock.result;
    END;
    RETURN result;
END outerblock;
$$ LANGUAGE plpgsql;

CREATE FUNCTION s{n}.loops(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$
DECLARE
    i int;
    x int;
    r record;
    total int := 0;
BEGIN
    FOR i IN 1..n LOOP
        CONTINUE WHEN i % 2 = 0;
        RETURN NEXT i;
    END LOOP;
    FOR i IN REVERSE n..1 BY 2 LOOP
        total := total + i;
    END LOOP;
    <<scan>>
    LOOP
        total := total - 1;
        EXIT scan WHEN total < 0;
    END LOOP scan;
    WHILE total < 10 LOOP
        total := total + 3;
    END LOOP;
    FOREACH x IN ARRAY ARRAY[1, 2, 3] LOOP
        RETURN NEXT x;
    END LOOP;
    FOR r IN SELECT id FROM s{n}.users ORDER BY id LOOP
        RETURN NEXT r.id::int;
    END LOOP;
    FOR r IN EXECUTE 'SELECT id FROM s{n}.orders WHERE user_id = $1' USING n LOOP
        RETURN NEXT r.id::int;
    END LOOP;
    RETURN QUERY SELECT id::int FROM s{n}.line_items;
    RETURN QUERY EXECUTE format('SELECT %s', n);
    RETURN;
END;
$$;

CREATE FUNCTION s{n}.case_demo(x int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    msg text;
BEGIN
    CASE x
        WHEN 1, 2 THEN msg := 'one or two';
        ELSE msg := 'other';
    END CASE;
    CASE
        WHEN x BETWEEN 0 AND 10 THEN msg := msg || ', small';
        WHEN x > 10 THEN msg := msg || ', big';
    END CASE;
    RETURN msg;
END;
$$;

CREATE FUNCTION s{n}.dyn(tbl regclass, col text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    cnt bigint;
    rows_hit int;
BEGIN
    EXECUTE format('SELECT count(%I) FROM %s', col, tbl) INTO STRICT cnt;
    PERFORM pg_sleep(0);
    GET DIAGNOSTICS rows_hit = ROW_COUNT;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    RETURN cnt;
END;
$$;

CREATE FUNCTION s{n}.safe_div(a numeric, b numeric) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    text_var1 text;
    text_var2 text;
BEGIN
    RETURN a / b;
EXCEPTION
    WHEN division_by_zero THEN
        RAISE WARNING 'division by zero';
        RETURN NULL;
    WHEN SQLSTATE '22003' OR numeric_value_out_of_range THEN
        RETURN 'Infinity';
    WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS text_var1 = MESSAGE_TEXT, text_var2 = PG_EXCEPTION_DETAIL;
        RAISE;
END;
$$;

CREATE FUNCTION s{n}.cursors() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    curs1 refcursor;
    curs2 CURSOR FOR SELECT * FROM s{n}.users;
    curs3 CURSOR (key integer) FOR SELECT * FROM s{n}.orders WHERE user_id = key;
    rec record;
BEGIN
    OPEN curs1 FOR SELECT * FROM s{n}.cities WHERE name = 'x';
    OPEN curs3(42);
    FETCH curs3 INTO rec;
    MOVE NEXT FROM curs3;
    CLOSE curs3;
    FOR rec IN curs2 LOOP
        UPDATE s{n}.users SET balance = 0 WHERE CURRENT OF curs2;
    END LOOP;
    CLOSE curs1;
END;
$$;

CREATE FUNCTION s{n}.new_order(uid bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO s{n}.orders (user_id) VALUES (uid) RETURNING id INTO STRICT new_id;
    SELECT count(*) INTO new_id FROM s{n}.orders WHERE user_id = uid;
    ASSERT new_id > 0, 'no order';
    RAISE DEBUG 'order % for %', new_id, uid;
    RETURN new_id;
END
$fn$;

CREATE PROCEDURE s{n}.transaction_test(max int DEFAULT 10)
LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 0..max LOOP
        INSERT INTO s{n}.test1 (a) VALUES (i);
        IF i % 2 = 0 THEN
            COMMIT;
        ELSE
            ROLLBACK;
        END IF;
    END LOOP;
    CALL s{n}.insert_data(1, 2);
END;
$$;

CREATE PROCEDURE s{n}.triple(INOUT x int)
LANGUAGE plpgsql
AS $$
BEGIN
    x := x * 3;
END;
$$;

CREATE FUNCTION s{n}.nothing() RETURNS void LANGUAGE plpgsql AS 'BEGIN NULL; END';

CREATE FUNCTION s{n}.quoted_body(t text) RETURNS text LANGUAGE plpgsql AS E'
BEGIN
    RETURN t || ''\\'';
END';

CREATE FUNCTION s{n}."Ünïcode fn"(ä int) RETURNS int LANGUAGE plpgsql AS $é$
BEGIN
    -- a comment with ; and $$ inside
    RETURN ä + 1; /* block ; comment */
END
$é$;
