-- JOIN syntax is parsed and checked like ksqlDB does (the joins themselves are tested in joins/).
CREATE STREAM orders (id INT KEY, customer INT, amount DOUBLE) WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM payments (id INT KEY, order_id INT, paid DOUBLE) WITH (KAFKA_TOPIC = 'payments', PARTITIONS = 1, FORMAT = 'JSON');
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON o.id = p.order_id EMIT CHANGES;
SELECT * FROM orders o LEFT OUTER JOIN payments p WITHIN (10 SECONDS, 1 MINUTE) GRACE PERIOD 5 SECONDS ON o.id = p.order_id EMIT CHANGES;
EXPLAIN SELECT o.id, p.paid FROM orders AS o FULL JOIN payments AS p WITHIN 2 DAYS ON p.order_id = o.id EMIT CHANGES;
CREATE STREAM joined AS SELECT o.id, p.paid FROM orders o RIGHT JOIN payments p WITHIN 1 HOUR ON o.id = p.order_id;

-- errors
SELECT * FROM orders o JOIN payments p ON o.id = p.order_id EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON o.id = p.nope EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON id = order_id EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON o.id > p.order_id EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON o.id = o.customer EMIT CHANGES;
SELECT * FROM orders o JOIN orders WITHIN 1 HOUR ON o.id = orders.id EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 HOUR ON o.amount = CAST(p.id AS STRING) EMIT CHANGES;
SELECT * FROM orders o JOIN paymnts p WITHIN 1 HOUR ON o.id = p.order_id EMIT CHANGES;
SELECT * FROM orders o JOIN payments p WITHIN 1 YEAR ON o.id = p.order_id EMIT CHANGES;
SELECT * FROM orders o OUTER JOIN payments p WITHIN 1 HOUR ON o.id = p.order_id EMIT CHANGES;
