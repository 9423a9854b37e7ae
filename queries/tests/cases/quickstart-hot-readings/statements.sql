-- The quickstart's definitions (queries/quickstart.sql), tested with ksql-test-runner files:
-- `eddy test --cases queries/tests/cases`.
CREATE STREAM readings (sensor VARCHAR KEY, location VARCHAR, celsius DOUBLE)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE STREAM hot_readings AS
  SELECT sensor, UCASE(location) AS location, celsius * 9 / 5 + 32 AS fahrenheit,
         CASE WHEN celsius > 35 THEN 'very hot' ELSE 'hot' END AS level
  FROM readings WHERE celsius > 30 EMIT CHANGES;
