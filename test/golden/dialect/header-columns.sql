-- Header columns: HEADER('k') and HEADERS are declared, described and read, and are read-only.
CREATE STREAM req (id VARCHAR KEY, path VARCHAR, trace BYTES HEADER('trace-id'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS)
  WITH (KAFKA_TOPIC = 'req', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
DESCRIBE req;

-- INSERT writes no headers: HEADER('k') reads NULL, HEADERS an empty array.
INSERT INTO req VALUES ('r1', '/home');
SELECT * FROM req EMIT CHANGES;
SELECT id, trace IS NULL AS no_trace, ARRAY_LENGTH(hs) AS n FROM req EMIT CHANGES;
INSERT INTO req (id, path, trace) VALUES ('r2', '/x', TO_BYTES('00', 'hex'));

-- Selected into a new stream, header columns become value columns.
CREATE STREAM req_copy AS SELECT * FROM req;
DESCRIBE req_copy;

-- INSERT INTO … SELECT fills a target's key and value columns; its header columns cannot be written.
CREATE STREAM plain (id VARCHAR KEY, path VARCHAR) WITH (KAFKA_TOPIC = 'plain', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
INSERT INTO req SELECT id, path FROM plain;
INSERT INTO req SELECT id, path, TO_BYTES(path, 'utf8') AS trace FROM plain;
INSERT INTO plain VALUES ('p1', '/from-plain');

-- Wrong types, and tables.
CREATE STREAM bad1 (id VARCHAR KEY, h STRING HEADER('x')) WITH (KAFKA_TOPIC = 'bad1', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM bad2 (id VARCHAR KEY, hs ARRAY<BYTES> HEADERS) WITH (KAFKA_TOPIC = 'bad2', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE bad3 (id VARCHAR PRIMARY KEY, h BYTES HEADER('x')) WITH (KAFKA_TOPIC = 'bad3', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
