-- GROUP BY over a stream: every input emits the updated row of its group (no coalescing), timestamps are
-- the largest contributing event time, the result is materialized, and pull queries read it.
CREATE STREAM orders (id INT KEY, customer VARCHAR, region VARCHAR, amount DOUBLE, qty INT, price DECIMAL(6, 2))
  WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE order_stats AS
  SELECT customer, COUNT(*) AS orders, COUNT(qty) AS with_qty, SUM(qty) AS items, SUM(price) AS spent,
         MIN(amount) AS smallest, MAX(amount) AS largest, AVG(amount) AS average
  FROM orders GROUP BY customer EMIT CHANGES;

INSERT INTO orders (id, customer, region, amount, qty, price, ROWTIME) VALUES (1, 'ann', 'eu', 10.0, 2, 1.50, 1000);
INSERT INTO orders (id, customer, region, amount, qty, price, ROWTIME) VALUES (2, 'bob', 'us', 5.5, NULL, 2.25, 2000);
-- An older event time: the group's timestamp stays the largest one seen.
INSERT INTO orders (id, customer, region, amount, qty, price, ROWTIME) VALUES (3, 'ann', 'us', 30.0, 1, 0.75, 500);
INSERT INTO orders (id, customer, region, amount, qty, price, ROWTIME) VALUES (4, 'ann', 'eu', 20.0, 4, 3.00, 3000);
-- A NULL grouping key is not grouped.
INSERT INTO orders (id, customer, region, amount, qty, price, ROWTIME) VALUES (5, NULL, 'eu', 1.0, 1, 1.00, 4000);

SELECT * FROM order_stats;
SELECT customer, orders FROM order_stats WHERE customer = 'ann';
EXPLAIN CREATE TABLE s2 AS SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;

-- Several grouping expressions: a multi-column key (JSON key format), an expression key with an alias.
CREATE TABLE by_region AS
  SELECT customer, UCASE(region) AS area, COUNT(*) AS n, SUM(amount) AS total
  FROM orders GROUP BY customer, UCASE(region);
SELECT * FROM by_region WHERE customer = 'ann';
SELECT * FROM by_region WHERE customer = 'ann' AND area = 'EU';

-- A push query aggregates from the start of the topic.
SELECT region, COUNT(*) AS n FROM orders GROUP BY region EMIT CHANGES;

-- Errors.
SELECT customer, amount, COUNT(*) FROM orders GROUP BY customer EMIT CHANGES;
SELECT COUNT(*) FROM orders EMIT CHANGES;
SELECT * FROM orders GROUP BY customer EMIT CHANGES;
SELECT customer FROM orders WHERE COUNT(*) > 1 GROUP BY customer EMIT CHANGES;
CREATE TABLE nokey AS SELECT COUNT(*) AS n FROM orders GROUP BY customer;
CREATE STREAM s3 AS SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;
SELECT customer, COUNT(*) FROM orders GROUP BY customer;
SELECT customer, SUM(customer) FROM orders GROUP BY customer EMIT CHANGES;
