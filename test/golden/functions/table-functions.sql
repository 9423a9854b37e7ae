-- Table functions: EXPLODE and CUBE_EXPLODE turn one row into several — zipped when a SELECT has several, on push queries and into a C*AS stream.
CREATE STREAM orders (id VARCHAR KEY, items ARRAY<VARCHAR>, qtys ARRAY<INT>, note VARCHAR)
  WITH (KAFKA_TOPIC = 'orders', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO orders VALUES ('o1', ARRAY['pen', 'ink', 'cap'], ARRAY[2, 1], 'gift');
INSERT INTO orders VALUES ('o2', ARRAY[], ARRAY[], 'empty');
INSERT INTO orders VALUES ('o3', NULL, ARRAY[7], NULL);
INSERT INTO orders VALUES ('o4', ARRAY['pad', NULL], NULL, 'null element');

-- One row per element; none for an empty or NULL array.
SELECT id, EXPLODE(items) AS item, note FROM orders EMIT CHANGES;
-- Two calls are zipped: as many rows as the longer array, the shorter padded with NULL.
SELECT id, EXPLODE(items) AS item, EXPLODE(qtys) AS qty FROM orders EMIT CHANGES;
-- Arguments are expressions; WHERE filters the input rows before they are exploded.
SELECT id, EXPLODE(ARRAY_SORT(items)) FROM orders WHERE id <> 'o4' EMIT CHANGES;
SELECT id, CUBE_EXPLODE(qtys) AS combination FROM orders WHERE id = 'o1' EMIT CHANGES;

-- A persistent query writes every row to its sink, keyed as its input.
CREATE STREAM order_lines AS SELECT id, EXPLODE(items) AS item, EXPLODE(qtys) AS qty FROM orders EMIT CHANGES;
SELECT * FROM order_lines EMIT CHANGES;
EXPLAIN SELECT id, EXPLODE(items) AS item FROM orders WHERE note IS NOT NULL EMIT CHANGES;

-- Where a table function cannot stand.
SELECT id, UCASE(EXPLODE(items)) FROM orders EMIT CHANGES;
SELECT id FROM orders WHERE EXPLODE(items) = 'pen' EMIT CHANGES;
SELECT id, EXPLODE(items), COUNT(*) FROM orders GROUP BY id EMIT CHANGES;
CREATE TABLE t (id VARCHAR PRIMARY KEY, items ARRAY<VARCHAR>) WITH (KAFKA_TOPIC = 't', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
SELECT id, EXPLODE(items) FROM t EMIT CHANGES;
SELECT id, EXPLODE(items) FROM orders;
SELECT id, EXPLODE(note) FROM orders EMIT CHANGES;
