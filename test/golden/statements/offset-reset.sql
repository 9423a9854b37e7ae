-- auto.offset.reset: 'latest' queries start at the end of the input as it is when they are created.
CREATE STREAM events (id INT KEY, kind VARCHAR) WITH (KAFKA_TOPIC = 'events', PARTITIONS = 2, VALUE_FORMAT = 'JSON');
INSERT INTO events VALUES (1, 'before');
INSERT INTO events VALUES (2, 'before');

SET 'auto.offset.reset' = 'latest';
CREATE STREAM new_events AS SELECT id, kind FROM events;
INSERT INTO events VALUES (3, 'after');
SHOW PROPERTIES;

UNSET 'auto.offset.reset';
CREATE STREAM all_events AS SELECT id, kind FROM events;
INSERT INTO events VALUES (4, 'after');

-- Push queries follow the session's setting; pull queries always read everything.
SET 'auto.offset.reset' = 'latest';
SELECT * FROM events EMIT CHANGES;
SELECT * FROM events;
