-- The processing log: bad JSON, a wrong type, a NULL GROUP BY key and a late record each land in EDDY_PROCESSING_LOG; the good output is unaffected.
SET 'auto.offset.reset' = 'earliest';
CREATE STREAM raw_orders (line VARCHAR) WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, VALUE_FORMAT = 'KAFKA');
CREATE STREAM orders (customer VARCHAR, amount INT) WITH (KAFKA_TOPIC = 'orders', VALUE_FORMAT = 'JSON');

CREATE STREAM big_orders AS SELECT customer, amount FROM orders WHERE amount > 10;
CREATE TABLE totals AS SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer;
CREATE TABLE per_minute AS SELECT customer, COUNT(*) AS n FROM orders
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY customer;

INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": "ann", "amount": 20}', 1000);
INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": "ann", "amount": ', 2000);
INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": "bob", "amount": "lots"}', 3000);
INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": null, "amount": 30}', 4000);
INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": "bob", "amount": 40}', 120000);
INSERT INTO raw_orders (line, ROWTIME) VALUES ('{"customer": "cid", "amount": 50}', 5000);

SELECT * FROM totals;
SELECT QUERY_ID, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET, MESSAGE, RECORD FROM EDDY_PROCESSING_LOG EMIT CHANGES;
SELECT QUERY_ID, COUNT(*) AS skipped FROM EDDY_PROCESSING_LOG GROUP BY QUERY_ID EMIT CHANGES;
DESCRIBE EDDY_PROCESSING_LOG;
INSERT INTO EDDY_PROCESSING_LOG (QUERY_ID) VALUES ('x');
SHOW TOPICS;

-- Metrics match the input: 6 records in; BIG_ORDERS wrote 4, skipped 2; TOTALS skipped 3; PER_MINUTE skipped 2 (bad JSON, NULL key) and dropped 1 late record.
SHOW QUERIES EXTENDED;
EXPLAIN CTAS_PER_MINUTE_3;
DESCRIBE big_orders EXTENDED;
