-- HOPPING EMIT FINAL: COUNT, SUM and MAX go by panes (2-second slices the windows share), AVG window by window; both tables get the same windows, counts and sums.
CREATE STREAM trades (symbol VARCHAR KEY, qty INT)
  WITH (KAFKA_TOPIC = 'trades', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE by_panes AS
  SELECT symbol, COUNT(*) AS n, SUM(qty) AS total, MAX(qty) AS biggest
  FROM trades WINDOW HOPPING (SIZE 6 SECONDS, ADVANCE BY 2 SECONDS, GRACE PERIOD 1 SECOND)
  GROUP BY symbol EMIT FINAL;

CREATE TABLE by_windows AS
  SELECT symbol, COUNT(*) AS n, SUM(qty) AS total, AVG(qty) AS mean
  FROM trades WINDOW HOPPING (SIZE 6 SECONDS, ADVANCE BY 2 SECONDS, GRACE PERIOD 1 SECOND)
  GROUP BY symbol EMIT FINAL;

INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 1, 500);
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 2, 1500);
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 4, 3000);
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 8, 6500);
-- Stream time 6500: [0, 6000) closes at 7000; nothing is final yet.
SELECT * FROM by_panes;
-- Out of order, within grace for all three of its windows [0, 6000), [2000, 8000), [4000, 10000).
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 16, 5000);
-- Stream time 8500: [0, 6000) closes (and [2000, 8000) is still in grace).
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 32, 8500);
-- Too late for [0, 6000) only: counted in [2000, 8000) and [4000, 10000), dropped from the closed window.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('B', 64, 4500);
-- Too late for every window it falls in.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('A', 128, 1000);
-- Stream time 20000: every window up to [12000, 18000) closes.
INSERT INTO trades (symbol, qty, ROWTIME) VALUES ('C', 256, 20000);

SELECT * FROM by_panes;
SELECT * FROM by_windows;
DESCRIBE by_panes EXTENDED;
