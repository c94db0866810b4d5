-- Defaults of many types and spellings.
CREATE TYPE mood AS ENUM ('sad', 'it''s ok', 'happy');
CREATE DOMAIN short AS varchar(10) NOT NULL DEFAULT 'x' CHECK (length(VALUE) > 0);
CREATE TABLE d (
  a varchar(20) DEFAULT 'abc',
  b char(3) DEFAULT 'ab',
  c numeric(10,2) DEFAULT 0.10,
  d double precision DEFAULT 1.5e3,
  e real DEFAULT -2.5,
  f date DEFAULT CURRENT_DATE,
  g timestamp DEFAULT now(),
  h mood DEFAULT 'happy',
  i mood[] DEFAULT '{}',
  j short,
  k boolean DEFAULT true,
  l bigint DEFAULT -9000000000,
  m int DEFAULT 2 * 3,
  n text DEFAULT lower('ABC'),
  o interval DEFAULT '1 day',
  p uuid DEFAULT NULL,
  q jsonb DEFAULT '[1, 2]'::jsonb,
  r text[] DEFAULT '{a,b}',
  s int DEFAULT '7',
  t smallint DEFAULT 0,
  u text COLLATE "C" DEFAULT ''
);
