-- HOPPING windows: each record counts in every window that holds it; a late record is dropped only from the windows that closed.
CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE temp_avg AS
  SELECT sensor, AVG(temp) AS avg_temp, COUNT(*) AS n
  FROM readings WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS, GRACE PERIOD 2 SECONDS)
  GROUP BY sensor;

INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 20.0, 1000);
INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 22.0, 6000);
-- Out of order within grace.
INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 24.0, 4000);
INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 26.0, 13000);
-- Stream time 13000: [0, 10000) closed at 12000, [5000, 15000) is open: dropped from one window only.
INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 28.0, 7000);
-- Too late for both of its windows.
INSERT INTO readings (sensor, temp, ROWTIME) VALUES ('s1', 30.0, 2000);

SELECT * FROM temp_avg;
SELECT sensor, n FROM temp_avg WHERE sensor = 's1' AND WINDOWSTART BETWEEN 0 AND 5000;
EXPLAIN SELECT sensor, COUNT(*) FROM readings WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS) GROUP BY sensor EMIT CHANGES;
DESCRIBE temp_avg EXTENDED;

SELECT sensor, COUNT(*) FROM readings WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 20 SECONDS) GROUP BY sensor EMIT CHANGES;
SELECT sensor, COUNT(*) FROM readings WINDOW HOPPING (SIZE 10 SECONDS) GROUP BY sensor EMIT CHANGES;
