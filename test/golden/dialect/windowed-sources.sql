-- Sources declared over windowed keys (WINDOW_TYPE, WINDOW_SIZE): another deployment's windowed table, read back.
CREATE STREAM clicks (user_id VARCHAR KEY, page VARCHAR) WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (60000, 'u1', 'a');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (61000, 'u1', 'b');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (125000, 'u2', 'c');
INSERT INTO clicks (ROWTIME, user_id, page) VALUES (126000, 'u1', 'd');
CREATE TABLE per_minute WITH (KAFKA_TOPIC = 'per_minute') AS
  SELECT user_id, COUNT(*) AS n FROM clicks WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY user_id;
CREATE TABLE sessions WITH (KAFKA_TOPIC = 'sessions') AS
  SELECT user_id, COUNT(*) AS n FROM clicks WINDOW SESSION (30 SECONDS) GROUP BY user_id;

-- A table over the tumbling topic: pull queries see each window; a query over it keeps the window.
CREATE TABLE per_minute_read (user_id VARCHAR PRIMARY KEY, n BIGINT)
  WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'TUMBLING', WINDOW_SIZE = '1 MINUTE');
DESCRIBE per_minute_read;
SELECT * FROM per_minute_read;
SELECT user_id, n FROM per_minute_read WHERE user_id = 'u1' AND WINDOWSTART >= 120000;
CREATE TABLE busy AS SELECT user_id, WINDOWSTART AS ws, n FROM per_minute_read WHERE n > 1;
SELECT * FROM busy;

-- A stream over the same topic: every change, with its window.
CREATE STREAM per_minute_changes (user_id VARCHAR KEY, n BIGINT)
  WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'tumbling', WINDOW_SIZE = '60 SECONDS');
SELECT user_id, WINDOWSTART, WINDOWEND, n FROM per_minute_changes EMIT CHANGES;

-- Session keys hold their start and end: no WINDOW_SIZE.
CREATE TABLE sessions_read (user_id VARCHAR PRIMARY KEY, n BIGINT)
  WITH (KAFKA_TOPIC = 'sessions', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'SESSION');
SELECT * FROM sessions_read;

-- Mistakes.
INSERT INTO per_minute_changes (user_id, n) VALUES ('u9', 1);
INSERT INTO per_minute_changes SELECT user_id, CAST(1 AS BIGINT) AS n FROM clicks;
CREATE TABLE e1 (user_id VARCHAR PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'HOPPING');
CREATE TABLE e2 (user_id VARCHAR PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC = 'sessions', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'SESSION', WINDOW_SIZE = '1 MINUTE');
CREATE TABLE e3 (user_id VARCHAR PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_SIZE = '1 MINUTE');
CREATE TABLE e4 (user_id VARCHAR PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'TUMBLING', WINDOW_SIZE = 'a minute');
CREATE TABLE e5 (user_id VARCHAR PRIMARY KEY, n BIGINT) WITH (KAFKA_TOPIC = 'per_minute', VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'SLIDING', WINDOW_SIZE = '1 MINUTE');
