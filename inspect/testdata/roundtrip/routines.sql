-- Routines: defaults of user types, SETOF a composite, OUT only,
-- attributes, an aggregate, a procedure with a SQL-standard body.
CREATE TYPE pair AS (a int, b text COLLATE "C");
COMMENT ON TYPE pair IS 'a pair';
CREATE TYPE level AS ENUM ('low', 'high');
CREATE FUNCTION pick(l level DEFAULT 'low', n numeric DEFAULT 1.5) RETURNS SETOF pair
  LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT 1, 'x' $$;
CREATE FUNCTION two(OUT x int, OUT y int) LANGUAGE sql IMMUTABLE AS $$ SELECT 1, 2 $$;
CREATE FUNCTION one(OUT x int) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION secret() RETURNS text LANGUAGE plpgsql SECURITY DEFINER LEAKPROOF STRICT PARALLEL RESTRICTED
  AS $body$
BEGIN
  RETURN 'x';
END
$body$;
CREATE FUNCTION sum_sq(state numeric, v numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT state + v * v';
CREATE AGGREGATE sumsq(numeric) (SFUNC = sum_sq, STYPE = numeric, INITCOND = '0', PARALLEL = SAFE);
CREATE PROCEDURE nothing(a int, b text DEFAULT 'b') LANGUAGE sql BEGIN ATOMIC SELECT a; SELECT b; END;
CREATE FUNCTION ret(a int) RETURNS int LANGUAGE sql RETURN a * 2 + 1;
COMMENT ON AGGREGATE sumsq(numeric) IS 'sum of squares';
COMMENT ON PROCEDURE nothing(int, text) IS 'does nothing';
