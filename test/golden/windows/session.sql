-- SESSION windows: sessions per key, merged when a record bridges them (tombstones for the superseded sessions), grace.
CREATE STREAM visits (user_id VARCHAR KEY, page VARCHAR)
  WITH (KAFKA_TOPIC = 'visits', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE sessions AS
  SELECT user_id, COUNT(*) AS n, WINDOWSTART AS first_at, WINDOWEND AS last_at
  FROM visits WINDOW SESSION (10 SECONDS, GRACE PERIOD 30 SECONDS)
  GROUP BY user_id EMIT CHANGES;

-- Two sessions for ann, 20 s apart.
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'a', 1000);
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'b', 21000);
-- A record inside a session's span leaves its window as it is (one update, no tombstone).
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'c', 21000);
-- Extending a session: tombstone for the old window, then the new one.
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'd', 25000);
-- Bridging the two sessions: tombstones for both, then the merged session.
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'e', 11000);
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('bob', 'f', 60000);
-- Too late: ann's session [1000, 25000] closed at 55000 (stream time is 60000).
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('ann', 'g', 26000);
-- Within the gap of bob's session and within grace.
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('bob', 'h', 56000);

SELECT * FROM sessions;
-- A session that has closed is final: a record within its gap starts a new session instead of reopening it.
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('bob', 'i', 95000);
INSERT INTO visits (user_id, page, ROWTIME) VALUES ('bob', 'j', 65000);
SELECT user_id, n, WINDOWSTART, WINDOWEND FROM sessions WHERE user_id = 'ann';
DESCRIBE sessions EXTENDED;
