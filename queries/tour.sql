-- The README's quick tour of Eddy's SQL, as a script (`npx eddy run queries/tour.sql`).

-- A stream over a topic (PARTITIONS creates the topic when it does not exist yet).
CREATE STREAM pageviews (page_id VARCHAR KEY, user_id VARCHAR, view_time BIGINT, ms INT)
  WITH (KAFKA_TOPIC = 'pageviews', PARTITIONS = 3, VALUE_FORMAT = 'JSON', TIMESTAMP = 'view_time');

-- Write rows (ROWTIME sets the record's event time; columns left out are NULL).
INSERT INTO pageviews (page_id, user_id, view_time, ms) VALUES ('home', 'u1', 1700000040000, 1200);
INSERT INTO pageviews (page_id, user_id, view_time, ms) VALUES ('home', 'u2', 1700000045000, 2500);
INSERT INTO pageviews (page_id, user_id, view_time, ms) VALUES ('help', 'u1', 1700000047000, 800);

-- A persistent query: a new stream, kept up to date from now on, surviving restarts.
CREATE STREAM slow_views AS
  SELECT page_id, user_id, ms / 1000 AS seconds
  FROM pageviews WHERE ms > 1000 AND page_id LIKE 'h%' EMIT CHANGES;

-- A push query: rows as they arrive, until LIMIT or Ctrl-C.
SELECT * FROM slow_views EMIT CHANGES LIMIT 1;

-- A pull query (no EMIT): what is in the stream now, then it ends.
SELECT user_id, seconds FROM slow_views WHERE seconds >= 2;

-- A table over a topic: upsert by key, a null value deletes. It is materialized into the SQLite
-- table "USERS" of the data directory's eddy.db (query CT_USERS_n keeps it current).
CREATE TABLE users (id VARCHAR PRIMARY KEY, name VARCHAR, region VARCHAR)
  WITH (KAFKA_TOPIC = 'users', PARTITIONS = 3, VALUE_FORMAT = 'JSON');

-- Aggregations build tables: GROUP BY (several keys), HAVING, windows, EMIT CHANGES or EMIT FINAL.
CREATE TABLE views_per_minute AS
  SELECT page_id, COUNT(*) AS views, AVG(ms) AS avg_ms
  FROM pageviews WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS)
  GROUP BY page_id HAVING COUNT(*) > 1 EMIT CHANGES;

-- Pull queries on tables read the SQLite table: key lookups, key ranges, window bounds, any WHERE.
SELECT * FROM views_per_minute WHERE page_id = 'home' AND WINDOWSTART >= 1700000040000;

-- PARTITION BY re-keys a stream.
CREATE STREAM views_by_user AS SELECT * FROM pageviews PARTITION BY user_id;

SHOW STREAMS;  SHOW TABLES;  SHOW QUERIES;  SHOW TOPICS;  SHOW PROPERTIES;
DESCRIBE slow_views EXTENDED;
EXPLAIN SELECT page_id FROM pageviews WHERE ms > 10 EMIT CHANGES;
EXPLAIN CSAS_SLOW_VIEWS_1;
TERMINATE CSAS_SLOW_VIEWS_1;            -- or TERMINATE ALL
DROP STREAM slow_views DELETE TOPIC;   -- refused while a query reads or writes it

-- Composite values, subscripts (1-based; negative counts from the end), struct fields, lambdas.
CREATE TYPE address AS STRUCT<street STRING, zip INT>;
CREATE STREAM profiles (id INT KEY, tags ARRAY<STRING>, attrs MAP<STRING, INT>, home address, born DATE)
  WITH (KAFKA_TOPIC = 'profiles', PARTITIONS = 1, KEY_FORMAT = 'JSON', VALUE_FORMAT = 'JSON');
INSERT INTO profiles VALUES (1, ARRAY['a', 'b'], MAP('x' := 1), STRUCT(street := 'Main', zip := 1000), '1990-05-17');
SELECT id, tags[-1], attrs['x'], home->zip, home->*, born > '1980-01-01' FROM profiles EMIT CHANGES LIMIT 1;

-- Variables, another query into an existing stream, the raw records of a topic.
CREATE STREAM archive (page_id VARCHAR KEY, user_id VARCHAR, view_time BIGINT, ms INT)
  WITH (KAFKA_TOPIC = 'archive', PARTITIONS = 3, VALUE_FORMAT = 'JSON');
DEFINE src = 'pageviews';
INSERT INTO archive SELECT * FROM ${src};
PRINT 'pageviews' FROM BEGINNING LIMIT 3;

-- New queries read everything by default; 'latest' reads only records that arrive from now on.
SET 'auto.offset.reset' = 'latest';    -- UNSET 'auto.offset.reset';
