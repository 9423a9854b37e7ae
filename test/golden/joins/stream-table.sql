-- Stream-table joins: the stream side triggers and reads the table's current row; table updates do not emit.
CREATE TABLE customer_feed (id INT PRIMARY KEY, name VARCHAR, tier VARCHAR)
  WITH (KAFKA_TOPIC = 'customer_feed', PARTITIONS = 1, FORMAT = 'JSON');
-- A row of the feed without a name becomes a tombstone of customers.
CREATE TABLE customers AS SELECT id, name, tier FROM customer_feed WHERE name IS NOT NULL;
CREATE STREAM orders (order_id INT KEY, customer INT, amount DOUBLE)
  WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, FORMAT = 'JSON');

-- The stream is keyed by order_id but joins on customer: re-keyed inside the query.
CREATE STREAM enriched AS
  SELECT o.customer, o.order_id, c.name, o.amount
  FROM orders o JOIN customers c ON o.customer = c.id;
CREATE STREAM enriched_left AS
  SELECT o.customer AS cust, o.order_id, c.name, c.tier, o.amount
  FROM orders AS o LEFT JOIN customers AS c ON o.customer = c.id;

INSERT INTO customer_feed (id, name, tier) VALUES (1, 'Ann', 'gold');
INSERT INTO customer_feed (id, name, tier) VALUES (2, 'Bob', 'silver');
INSERT INTO orders (order_id, customer, amount, ROWTIME) VALUES (100, 1, 9.5, 1000);
-- No customer 3: only the LEFT join emits, with NULLs.
INSERT INTO orders (order_id, customer, amount, ROWTIME) VALUES (101, 3, 1.0, 2000);
-- A NULL join key never matches.
INSERT INTO orders (order_id, customer, amount, ROWTIME) VALUES (102, NULL, 2.0, 3000);
-- A table update does not emit; the next order sees the new row.
INSERT INTO customer_feed (id, name, tier) VALUES (1, 'Ann', 'platinum');
INSERT INTO orders (order_id, customer, amount, ROWTIME) VALUES (103, 1, 4.0, 4000);
-- A table delete (tombstone): the next order for customer 2 finds no row.
INSERT INTO customer_feed (id, name, tier) VALUES (2, NULL, NULL);
INSERT INTO orders (order_id, customer, amount, ROWTIME) VALUES (104, 2, 5.0, 5000);

SELECT * FROM enriched EMIT CHANGES LIMIT 2;
SELECT * FROM enriched_left EMIT CHANGES LIMIT 5;

-- A push query reads the table's topic before the stream's, so every order sees the latest table row.
-- `*` names columns <alias>_<column>; a.* one side only.
SELECT * FROM orders o JOIN customers c ON o.customer = c.id EMIT CHANGES LIMIT 1;
SELECT c.*, o.amount FROM orders o JOIN customers c ON o.customer = c.id EMIT CHANGES LIMIT 1;

EXPLAIN CSAS_ENRICHED_LEFT_4;

-- errors
SELECT * FROM orders o RIGHT JOIN customers c ON o.customer = c.id EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON o.customer = c.tier EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON o.customer = c.id;
SELECT * FROM orders o JOIN customers c ON CAST(o.customer AS STRING) = c.name EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON o.customer = c.id AND o.amount = 1.0 EMIT CHANGES;
SELECT * FROM orders o JOIN customers c ON o.customer = id EMIT CHANGES;
CREATE STREAM nokey AS SELECT o.amount FROM orders o JOIN customers c ON o.customer = c.id;
