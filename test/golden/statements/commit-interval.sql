-- commit.interval.ms: how long an exactly-once query on Kafka keeps one transaction open across batches.
SET 'commit.interval.ms' = '250';
SHOW PROPERTIES;
SET 'commit.interval.ms' = '0';
SET 'commit.interval.ms' = '5000';
SET 'commit.interval.ms' = '5001';
SET 'commit.interval.ms' = '-1';
SET 'commit.interval.ms' = '1.5';
SET 'commit.intervall.ms' = '100';
UNSET 'commit.interval.ms';
SHOW PROPERTIES;
-- A query keeps the value in force when it was created, wherever it runs.
CREATE STREAM clicks (id INT KEY, page VARCHAR) WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
SET 'commit.interval.ms' = '250';
CREATE STREAM pages AS SELECT id, page FROM clicks;
UNSET 'commit.interval.ms';
INSERT INTO clicks VALUES (1, 'home');
SELECT * FROM pages EMIT CHANGES LIMIT 1;
SHOW QUERIES EXTENDED;
