-- Event time from a column: BIGINT epoch milliseconds, or a string read with TIMESTAMP_FORMAT (UTC unless it has a zone).
CREATE STREAM logins (user_id VARCHAR KEY, at VARCHAR)
  WITH (KAFKA_TOPIC = 'logins', PARTITIONS = 1, VALUE_FORMAT = 'JSON', TIMESTAMP = 'at', TIMESTAMP_FORMAT = 'yyyy-MM-dd HH:mm:ss[X]');
CREATE STREAM taps (user_id VARCHAR KEY, ts BIGINT)
  WITH (KAFKA_TOPIC = 'taps', PARTITIONS = 1, VALUE_FORMAT = 'JSON', TIMESTAMP = 'ts');

CREATE TABLE logins_per_hour AS
  SELECT user_id, COUNT(*) AS n FROM logins WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 0 SECONDS) GROUP BY user_id;
CREATE TABLE taps_per_second AS
  SELECT user_id, COUNT(*) AS n FROM taps WINDOW TUMBLING (SIZE 1 SECOND, GRACE PERIOD 0 SECONDS) GROUP BY user_id;

INSERT INTO logins (user_id, at) VALUES ('ann', '2024-03-01 10:15:00');
INSERT INTO logins (user_id, at) VALUES ('ann', '2024-03-01 10:59:59');
-- With a zone: 11:30 at +02:00 is 09:30 UTC, too late for its hour once 10:59:59 UTC has been seen.
INSERT INTO logins (user_id, at) VALUES ('ann', '2024-03-01 11:30:00+02');
INSERT INTO logins (user_id, at) VALUES ('ann', '2024-03-01 11:00:00Z');
-- Not a time in that format: skipped and logged.
INSERT INTO logins (user_id, at) VALUES ('ann', 'yesterday');

INSERT INTO taps (user_id, ts) VALUES ('bob', 1500);
INSERT INTO taps (user_id, ts) VALUES ('bob', 1999);
INSERT INTO taps (user_id, ts) VALUES ('bob', 2000);

SELECT user_id, n, WINDOWSTART FROM logins_per_hour;
SELECT user_id, n, WINDOWSTART FROM taps_per_second;
DESCRIBE logins;
EXPLAIN SELECT user_id, at FROM logins EMIT CHANGES;

CREATE STREAM bad1 (at INT) WITH (KAFKA_TOPIC = 'b1', PARTITIONS = 1, VALUE_FORMAT = 'JSON', TIMESTAMP = 'at', TIMESTAMP_FORMAT = 'yyyy');
CREATE STREAM bad2 (at VARCHAR) WITH (KAFKA_TOPIC = 'b2', PARTITIONS = 1, VALUE_FORMAT = 'JSON', TIMESTAMP = 'at', TIMESTAMP_FORMAT = 'yyyy-MM-dd {{');
CREATE STREAM bad3 (at VARCHAR) WITH (KAFKA_TOPIC = 'b3', PARTITIONS = 1, VALUE_FORMAT = 'JSON', TIMESTAMP_FORMAT = 'yyyy');
