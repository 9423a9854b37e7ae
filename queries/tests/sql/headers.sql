-- Header columns in the SQL-only format: `eddy test queries/tests/sql`.

--@test: header columns keep their role in the schema ASSERT STREAM checks
CREATE STREAM requests (id VARCHAR KEY, path VARCHAR, trace BYTES HEADER('trace-id'), all_headers ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
  WITH (KAFKA_TOPIC = 'requests', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM paths AS SELECT id, path, ARRAY_LENGTH(all_headers) AS header_count FROM requests;
INSERT INTO requests (id, path) VALUES ('r1', '/home');
ASSERT VALUES paths (id, path, header_count) VALUES ('r1', '/home', 0);
ASSERT STREAM requests (id VARCHAR KEY, path VARCHAR, trace BYTES HEADER('trace-id'), all_headers ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
  WITH (KAFKA_TOPIC = 'requests', VALUE_FORMAT = 'JSON');

