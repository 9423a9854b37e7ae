-- Pull queries: key lookups, key ranges, WINDOWSTART/WINDOWEND bounds and any other WHERE as a scan, all from SQLite.
CREATE TABLE items (sku INT PRIMARY KEY, name VARCHAR, price DOUBLE)
  WITH (KAFKA_TOPIC = 'items', PARTITIONS = 2, VALUE_FORMAT = 'JSON');
INSERT INTO items (sku, name, price) VALUES (10, 'pen', 1.5);
INSERT INTO items (sku, name, price) VALUES (20, 'ink', 7.25);
INSERT INTO items (sku, name, price) VALUES (30, 'pad', 3.0);
INSERT INTO items (sku, name, price) VALUES (40, 'nib', 0.5);

-- Key lookup (and an IN-free lookup that finds nothing).
SELECT * FROM items WHERE sku = 20;
SELECT * FROM items WHERE 30 = sku;
SELECT * FROM items WHERE sku = 99;
-- Key ranges.
SELECT sku, name FROM items WHERE sku >= 20 AND sku < 40;
SELECT sku FROM items WHERE sku BETWEEN 15 AND 35;
SELECT sku FROM items WHERE sku > 15 LIMIT 2;
-- Other conditions: a scan, filtered row by row.
SELECT sku, name FROM items WHERE price > 2 OR name = 'pen';
SELECT name, price * 2 AS doubled FROM items WHERE sku > 10 AND price < 5;
SELECT sku, ROWTIME FROM items WHERE sku = 10;
EXPLAIN SELECT * FROM items WHERE sku = 20;
EXPLAIN SELECT * FROM items WHERE sku >= 20 AND sku < 40 AND price > 1;
EXPLAIN SELECT * FROM items WHERE price > 1;

-- Windowed tables: key plus window bounds.
CREATE STREAM sales (sku INT KEY, qty INT) WITH (KAFKA_TOPIC = 'sales', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE hourly AS
  SELECT sku, SUM(qty) AS units FROM sales WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 0 SECONDS) GROUP BY sku;
INSERT INTO sales (sku, qty, ROWTIME) VALUES (10, 1, 0);
INSERT INTO sales (sku, qty, ROWTIME) VALUES (10, 2, 3600000);
INSERT INTO sales (sku, qty, ROWTIME) VALUES (20, 5, 3700000);
INSERT INTO sales (sku, qty, ROWTIME) VALUES (10, 4, 7300000);
SELECT * FROM hourly WHERE sku = 10;
SELECT sku, units, WINDOWSTART, WINDOWEND FROM hourly WHERE sku = 10 AND WINDOWSTART >= 3600000;
SELECT sku, units, WINDOWSTART FROM hourly WHERE WINDOWSTART = 3600000;
SELECT * FROM hourly WHERE WINDOWEND > 3600000 AND WINDOWSTART < 7200000;
EXPLAIN SELECT * FROM hourly WHERE sku = 10 AND WINDOWSTART >= 3600000 AND WINDOWEND <= 7200000;

-- Pull queries on streams scan the topic.
SELECT sku, qty FROM sales WHERE qty > 1;
SELECT * FROM sales LIMIT 1;

-- Not for pull queries.
SELECT sku, COUNT(*) FROM items GROUP BY sku;
