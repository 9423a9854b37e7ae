-- CREATE OR REPLACE of a persistent query: a compatible plan keeps the query id and its offsets;
-- an incompatible one is refused with the reason.
CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE) WITH (KAFKA_TOPIC='readings', PARTITIONS=1, VALUE_FORMAT='JSON');
CREATE STREAM hot AS SELECT sensor, temp FROM readings WHERE temp > 30;
INSERT INTO readings (sensor, temp) VALUES ('a', 40.0);
CREATE OR REPLACE STREAM hot AS SELECT sensor, temp, temp * 2 AS twice FROM readings WHERE temp > 35;
INSERT INTO readings (sensor, temp) VALUES ('b', 33.0);
INSERT INTO readings (sensor, temp) VALUES ('c', 50.0);
SHOW QUERIES;
CREATE OR REPLACE STREAM hot AS SELECT sensor, CAST(temp AS INT) AS temp FROM readings;
CREATE STREAM other (sensor VARCHAR KEY, temp DOUBLE) WITH (KAFKA_TOPIC='other', PARTITIONS=1, VALUE_FORMAT='JSON');
CREATE OR REPLACE STREAM hot AS SELECT sensor, temp FROM other;
CREATE OR REPLACE STREAM readings AS SELECT sensor, temp FROM other;
ASSERT VALUES hot (sensor) VALUES ('a');
