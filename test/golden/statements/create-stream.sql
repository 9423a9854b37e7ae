-- CREATE STREAM over a new topic, over an existing one, IF NOT EXISTS, and DESCRIBE / SHOW.
CREATE STREAM pageviews (page_id VARCHAR KEY, user_id VARCHAR, view_time BIGINT)
  WITH (KAFKA_TOPIC = 'pageviews', PARTITIONS = 2, VALUE_FORMAT = 'JSON', TIMESTAMP = 'view_time');

CREATE STREAM IF NOT EXISTS pageviews (page_id VARCHAR KEY) WITH (KAFKA_TOPIC = 'pageviews', VALUE_FORMAT = 'JSON');

-- A second stream over the same topic, with a different view of its columns.
CREATE STREAM pageviews_raw (page_id VARCHAR KEY, "userId" VARCHAR) WITH (KAFKA_TOPIC = 'pageviews', VALUE_FORMAT = 'JSON');

CREATE STREAM "Mixed Case" (id INT KEY, v DOUBLE) WITH (kafka_topic = 'mixed', partitions = 1, format = 'JSON');

SHOW STREAMS;
SHOW TOPICS;
DESCRIBE pageviews;
DESCRIBE "Mixed Case" EXTENDED;
LIST STREAMS;
