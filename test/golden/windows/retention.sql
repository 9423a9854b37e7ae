-- RETENTION: a windowed table keeps a window's row until stream time passes its end by the retention.
CREATE STREAM clicks (user_id VARCHAR KEY, page VARCHAR) WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE per_minute AS
  SELECT user_id, COUNT(*) AS n FROM clicks
  WINDOW TUMBLING (SIZE 1 MINUTE, RETENTION 3 MINUTES, GRACE PERIOD 0 SECONDS) GROUP BY user_id;
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (0, 'u1', 'a');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (30000, 'u2', 'b');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (90000, 'u1', 'c');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (200000, 'u1', 'd');
-- Stream time 200 s: every window is within 3 minutes of it.
SELECT * FROM per_minute;
-- Stream time 290 s: windows that ended before 110 s are gone ([0, 60 s) of u1 and u2); [60 s, 120 s) stays.
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (290000, 'u2', 'e');
SELECT * FROM per_minute;
-- Stream time 400 s: [60 s, 120 s) ended before 220 s: gone too.
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (400000, 'u3', 'f');
SELECT * FROM per_minute;
