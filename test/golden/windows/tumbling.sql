-- TUMBLING windows: in-order, out-of-order, late within the grace period, and too late (dropped, counted, logged).
CREATE STREAM clicks (user_id VARCHAR KEY, page VARCHAR)
  WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE clicks_per_minute AS
  SELECT user_id, WINDOWSTART AS ws, WINDOWEND AS we, COUNT(*) AS n, MAX(page) AS last_page
  FROM clicks WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 30 SECONDS)
  GROUP BY user_id EMIT CHANGES;

-- In order: two windows for ann.
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'a', 10000);
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'b', 50000);
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('bob', 'c', 61000);
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'd', 70000);
-- Out of order, inside the grace period (window [0, 60000) closes at 90000): updates the old window, keeps its own time.
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'e', 20000);
-- Stream time moves to 95000: window [0, 60000) is now closed.
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('bob', 'f', 95000);
-- Too late: dropped, counted, and written to the processing log.
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'g', 30000);
-- Late for its window but not for the next one: [60000, 120000) is still open.
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('ann', 'h', 60000);

SELECT * FROM clicks_per_minute;
SELECT user_id, n FROM clicks_per_minute WHERE user_id = 'ann' AND WINDOWSTART >= 60000;
SELECT user_id, WINDOWSTART, WINDOWEND, n FROM clicks_per_minute WHERE WINDOWEND <= 60000;
EXPLAIN CTAS_CLICKS_PER_MINUTE_1;
DESCRIBE clicks_per_minute EXTENDED;
SHOW TABLES;

-- A push query over the windowed table's topic reads the windowed keys back.
SELECT * FROM clicks_per_minute EMIT CHANGES;

-- Errors.
SELECT user_id, COUNT(*) FROM clicks WINDOW TUMBLING (SIZE 0 SECONDS) GROUP BY user_id EMIT CHANGES;
SELECT user_id, COUNT(*) FROM clicks WINDOW TUMBLING (SIZE 1 MINUTE, RETENTION 10 SECONDS) GROUP BY user_id EMIT CHANGES;
SELECT user_id, WINDOWSTART FROM clicks WINDOW TUMBLING (SIZE 1 MINUTE) EMIT CHANGES;
SELECT user_id, WINDOWSTART, COUNT(*) FROM clicks GROUP BY user_id EMIT CHANGES;
SELECT user_id, COUNT(*) FROM clicks WINDOW TUMBLING (ADVANCE BY 1 MINUTE) GROUP BY user_id EMIT CHANGES;

-- A windowed table's changelog feeds another table (the window stays in the key); a row that stops matching is deleted.
CREATE TABLE busy_minutes AS SELECT * FROM clicks_per_minute WHERE n >= 2;
INSERT INTO clicks (user_id, page, ROWTIME) VALUES ('bob', 'i', 100000);
SELECT * FROM busy_minutes;
