-- Topic settings in WITH: honoured on Kafka, accepted (and validated) on the embedded log.
CREATE STREAM kept (id INT KEY, v VARCHAR)
  WITH (KAFKA_TOPIC = 'kept', PARTITIONS = 2, REPLICAS = 1, RETENTION_MS = 86400000, CLEANUP_POLICY = 'delete', VALUE_FORMAT = 'JSON');

CREATE STREAM compacted (id INT KEY, v VARCHAR)
  WITH (KAFKA_TOPIC = 'compacted', PARTITIONS = 1, CLEANUP_POLICY = 'Delete, Compact', VALUE_FORMAT = 'JSON');

CREATE STREAM bad_policy (id INT KEY, v VARCHAR)
  WITH (KAFKA_TOPIC = 'bad', PARTITIONS = 1, CLEANUP_POLICY = 'forever', VALUE_FORMAT = 'JSON');

CREATE STREAM copy WITH (RETENTION_MS = 1000, CLEANUP_POLICY = 'compact') AS SELECT id, v FROM kept EMIT CHANGES;

SET 'processing.guarantee' = 'exactly_once';

SHOW TOPICS;
