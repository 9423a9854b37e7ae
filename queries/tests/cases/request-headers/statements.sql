-- Header columns: HEADER('k') reads the last header k as BYTES (NULL when there is none), HEADERS
-- every header in order (an empty array when there are none). Both are read-only.
-- `eddy test --cases queries/tests/cases`.
CREATE STREAM requests (id VARCHAR KEY, path VARCHAR,
                        trace BYTES HEADER('trace-id'),
                        all_headers ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
  WITH (KAFKA_TOPIC = 'requests', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE STREAM traced AS
  SELECT id, path, FROM_BYTES(trace, 'utf8') AS trace_id, ARRAY_LENGTH(all_headers) AS header_count,
         all_headers[1]->key AS first_header
  FROM requests WHERE trace IS NOT NULL EMIT CHANGES;

CREATE STREAM untraced AS
  SELECT id, path, ARRAY_LENGTH(all_headers) AS header_count FROM requests WHERE trace IS NULL EMIT CHANGES;
