-- EMIT FINAL: one row per window once it closes (end + grace); pending windows are kept in SQLite.
CREATE STREAM trades (symbol VARCHAR KEY, qty INT)
  WITH (KAFKA_TOPIC = 'trades', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE volume AS
  SELECT symbol, SUM(qty) AS total, COUNT(*) AS n
  FROM trades WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 5 SECONDS)
  GROUP BY symbol EMIT FINAL;

CREATE TABLE visits AS
  SELECT symbol, COUNT(*) AS n
  FROM trades WINDOW SESSION (3 SECONDS, GRACE PERIOD 0 SECONDS)
  GROUP BY symbol EMIT FINAL;

INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 10, 1000);
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 5, 2000);
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 7, 9000);
-- Stream time 12000: nothing closed yet ([0, 10000) closes at 15000); the sink is empty.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 1, 12000);
SELECT * FROM volume;
-- Late but within grace: still counted in the final row.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 3, 8000);
-- Stream time 15000: [0, 10000) closes, both keys emit their final rows.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 2, 15000);
SELECT * FROM volume;
-- Too late.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 100, 9999);
-- Closes [10000, 20000).
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('C', 1, 40000);

SELECT * FROM volume;
SELECT * FROM visits;
EXPLAIN CTAS_VOLUME_1;

SELECT symbol, COUNT(*) FROM trades GROUP BY symbol EMIT FINAL;
