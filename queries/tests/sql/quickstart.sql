-- Tests of queries/quickstart.sql in the SQL-only format: `eddy test queries/tests/sql`.

--@test: hot readings are converted to Fahrenheit and labelled
CREATE STREAM readings (sensor VARCHAR KEY, location VARCHAR, celsius DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM hot_readings AS
  SELECT sensor, UCASE(location) AS location, celsius * 9 / 5 + 32 AS fahrenheit,
         CASE WHEN celsius > 35 THEN 'very hot' ELSE 'hot' END AS level
  FROM readings WHERE celsius > 30 EMIT CHANGES;
INSERT INTO readings (ROWTIME, sensor, location, celsius) VALUES (1000, 's-1', 'kitchen', 21.5);
INSERT INTO readings (ROWTIME, sensor, location, celsius) VALUES (2000, 's-2', 'greenhouse', 31.0);
INSERT INTO readings (ROWTIME, sensor, location, celsius) VALUES (3000, 's-3', 'attic', 38.5);
INSERT INTO readings (ROWTIME, sensor, location, celsius) VALUES (4000, 's-1', 'kitchen', 22.0);
INSERT INTO readings (ROWTIME, sensor, location, celsius) VALUES (5000, 's-4', 'boiler room', 36.2);
ASSERT VALUES hot_readings (ROWTIME, sensor, location, fahrenheit, level) VALUES (2000, 's-2', 'GREENHOUSE', 87.8, 'hot');
ASSERT VALUES hot_readings (ROWTIME, sensor, location, fahrenheit, level) VALUES (3000, 's-3', 'ATTIC', 101.3, 'very hot');
ASSERT VALUES hot_readings (sensor, location, fahrenheit, level) VALUES ('s-4', 'BOILER ROOM', 97.16, 'very hot');
ASSERT STREAM hot_readings (sensor STRING KEY, location STRING, fahrenheit DOUBLE, level STRING)
  WITH (KAFKA_TOPIC = 'HOT_READINGS', KEY_FORMAT = 'KAFKA', VALUE_FORMAT = 'JSON', PARTITIONS = 1);

--@test: a reading without a temperature is not hot
CREATE STREAM readings (sensor VARCHAR KEY, location VARCHAR, celsius DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM hot_readings AS
  SELECT sensor, celsius FROM readings WHERE celsius > 30 EMIT CHANGES;
INSERT INTO readings (sensor, location) VALUES ('s-9', 'nowhere');
INSERT INTO readings (sensor, celsius) VALUES ('s-10', 30.5);
ASSERT VALUES hot_readings (sensor, celsius) VALUES ('s-10', 30.5);

--@test: the stream cannot be declared twice
--@expected.error: SOURCE_EXISTS
--@expected.message: A stream named READINGS already exists
CREATE STREAM readings (sensor VARCHAR KEY, celsius DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM readings (sensor VARCHAR KEY, celsius DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', VALUE_FORMAT = 'JSON');
