-- Analysis errors: each says what is wrong and where, and the next statement still runs.
CREATE STREAM sensors (id VARCHAR KEY, temp DOUBLE, room VARCHAR)
  WITH (KAFKA_TOPIC = 'sensors', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

SELECT * FROM sensor EMIT CHANGES;
SELECT tmp FROM sensors EMIT CHANGES;
SELECT id FROM sensors WHERE temp EMIT CHANGES;
SELECT temp + room FROM sensors EMIT CHANGES;
SELECT id, temp AS id FROM sensors EMIT CHANGES;
SELECT NOSUCHFN(temp) FROM sensors EMIT CHANGES;
SELECT UCASE(temp) FROM sensors EMIT CHANGES;
CREATE STREAM sensors (id VARCHAR KEY) WITH (KAFKA_TOPIC = 'sensors', VALUE_FORMAT = 'JSON');
CREATE STREAM s2 (id VARCHAR KEY, v INT) WITH (KAFKA_TOPIC = 'missing_topic', VALUE_FORMAT = 'JSON');
CREATE STREAM s3 (id VARCHAR KEY, v INT) WITH (KAFKA_TOPIC = 's3', PARTITIONS = 1, VALUE_FORMT = 'JSON');
CREATE STREAM s4 (v INT) WITH (PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM s5 (a INT KEY, b INT KEY, v INT) WITH (KAFKA_TOPIC = 's5', PARTITIONS = 1, VALUE_FORMAT = 'JSON', KEY_FORMAT = 'KAFKA');
CREATE STREAM s6 (v INT, v DOUBLE) WITH (KAFKA_TOPIC = 's6', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE STREAM hot AS SELECT temp FROM sensors;
INSERT INTO sensors VALUES ('a', 1.0);
INSERT INTO sensors (id, temp) VALUES ('a', 'warm');
INSERT INTO nowhere VALUES (1);
DROP STREAM nosuch;
DROP STREAM IF EXISTS nosuch;
TERMINATE CSAS_NOPE_1;
SET 'auto.offset.rest' = 'earliest';
SET 'auto.offset.reset' = 'middle';
DESCRIBE sensorz;
SELECT id FROM sensors WHERE room = 'lab' EMIT FINAL;
