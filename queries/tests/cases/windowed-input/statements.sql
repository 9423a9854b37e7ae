-- A table declared over windowed keys (another deployment's per-minute counts), tested with input
-- records that carry their window: `eddy test --cases queries/tests/cases`.
CREATE TABLE per_minute (page VARCHAR PRIMARY KEY, views BIGINT)
  WITH (KAFKA_TOPIC = 'per_minute', PARTITIONS = 1, VALUE_FORMAT = 'JSON', WINDOW_TYPE = 'TUMBLING', WINDOW_SIZE = '1 MINUTE');

CREATE TABLE busy_minutes AS
  SELECT page, WINDOWSTART AS minute_start, views FROM per_minute WHERE views >= 100;
