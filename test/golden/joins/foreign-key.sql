-- Foreign-key table-table joins: each order row follows the customer its customer_id points to; the result keeps the order key.
CREATE TABLE customer_feed (id INT PRIMARY KEY, name VARCHAR)
  WITH (KAFKA_TOPIC = 'customer_feed', PARTITIONS = 1, FORMAT = 'JSON');
CREATE TABLE order_feed (order_id INT PRIMARY KEY, customer_id INT, item VARCHAR)
  WITH (KAFKA_TOPIC = 'order_feed', PARTITIONS = 1, FORMAT = 'JSON');
-- A NULL name / item becomes a tombstone.
CREATE TABLE customers AS SELECT id, name FROM customer_feed WHERE name IS NOT NULL;
CREATE TABLE orders AS SELECT order_id, customer_id, item FROM order_feed WHERE item IS NOT NULL;

CREATE TABLE order_names AS SELECT o.order_id, o.item, c.name FROM orders o JOIN customers c ON o.customer_id = c.id;
CREATE TABLE order_names_left AS SELECT o.order_id, o.item, c.name FROM orders o LEFT JOIN customers c ON o.customer_id = c.id;

INSERT INTO customer_feed (id, name) VALUES (1, 'Ann');
INSERT INTO customer_feed (id, name) VALUES (2, 'Bob');
INSERT INTO order_feed (order_id, customer_id, item) VALUES (10, 1, 'tea');
INSERT INTO order_feed (order_id, customer_id, item) VALUES (11, 1, 'cake');
INSERT INTO order_feed (order_id, customer_id, item) VALUES (12, 3, 'jam');
-- A customer update reaches every order pointing at it.
INSERT INTO customer_feed (id, name) VALUES (1, 'Anna');
-- Re-pointing: order 11 moves from customer 1 to 2 (its row now shows Bob); order 12 finds customer 3 once it exists.
INSERT INTO order_feed (order_id, customer_id, item) VALUES (11, 2, 'cake');
INSERT INTO customer_feed (id, name) VALUES (3, 'Cid');
-- Deleting customer 2: the INNER join retracts order 11, the LEFT join keeps it with a NULL name.
INSERT INTO customer_feed (id, name) VALUES (2, NULL);
-- Deleting order 10 retracts it from both.
INSERT INTO order_feed (order_id, customer_id, item) VALUES (10, 1, NULL);

SELECT * FROM order_names;
SELECT * FROM order_names_left;
EXPLAIN CTAS_ORDER_NAMES_5;

-- errors
SELECT * FROM orders o FULL JOIN customers c ON o.customer_id = c.id EMIT CHANGES;
CREATE TABLE bad_key AS SELECT c.id, o.item FROM orders o JOIN customers c ON o.customer_id = c.id;
