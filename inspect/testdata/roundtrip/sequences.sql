-- Sequences: descending with bounds, integer type, owned by a column of
-- another type; a serial column whose sequence was changed is not serial.
CREATE SEQUENCE down AS integer INCREMENT BY -2 MINVALUE -100 MAXVALUE -1 START -1 CACHE 5;
CREATE SEQUENCE up MINVALUE 5 MAXVALUE 50 CYCLE;
CREATE TABLE t (id bigint NOT NULL, n int NOT NULL);
CREATE SEQUENCE t_n_seq AS integer OWNED BY t.n;
COMMENT ON SEQUENCE up IS 'going up';
