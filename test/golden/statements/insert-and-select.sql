-- INSERT VALUES with and without a column list, ROWTIME, NULLs; push and pull queries over a stream.
CREATE STREAM orders (id BIGINT KEY, item VARCHAR, qty INT, price DOUBLE, paid BOOLEAN)
  WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO orders VALUES (1, 'apple', 3, 0.5, true);
INSERT INTO orders (id, item, qty) VALUES (2, 'pear', 10);
INSERT INTO orders (ROWTIME, id, item, qty, price, paid) VALUES (1000, 3, 'fig', 1, 2.25, false);
INSERT INTO orders (item, id, price) VALUES ('plum', 9223372036854775807, 1.0E10);

SELECT * FROM orders EMIT CHANGES;
SELECT id, item, qty * price AS total, ROWTIME, ROWPARTITION, ROWOFFSET FROM orders WHERE paid IS NOT NULL EMIT CHANGES;
SELECT item FROM orders EMIT CHANGES LIMIT 2;
-- No EMIT: a pull query over a stream scans what is there now.
SELECT id, item FROM orders WHERE qty > 2;
