-- Eddy quickstart: a stream of sensor readings, a continuous query that keeps the hot ones,
-- a few readings, and a push query that shows the result as it is computed.

CREATE STREAM readings (
  sensor VARCHAR KEY,
  location VARCHAR,
  celsius DOUBLE
) WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

-- A persistent query: runs continuously, writing every matching reading to a new stream.
CREATE STREAM hot_readings AS
  SELECT sensor,
         UCASE(location) AS location,
         celsius * 9 / 5 + 32 AS fahrenheit,
         CASE WHEN celsius > 35 THEN 'very hot' ELSE 'hot' END AS level
  FROM readings
  WHERE celsius > 30
  EMIT CHANGES;

INSERT INTO readings (sensor, location, celsius) VALUES ('s-1', 'kitchen', 21.5);
INSERT INTO readings (sensor, location, celsius) VALUES ('s-2', 'greenhouse', 31.0);
INSERT INTO readings (sensor, location, celsius) VALUES ('s-3', 'attic', 38.5);
INSERT INTO readings (sensor, location, celsius) VALUES ('s-1', 'kitchen', 22.0);
INSERT INTO readings (sensor, location, celsius) VALUES ('s-4', 'boiler room', 36.2);

-- A push query: prints rows as they arrive and stops after 3 of them.
SELECT sensor, location, fahrenheit, level FROM hot_readings EMIT CHANGES LIMIT 3;
