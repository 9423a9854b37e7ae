-- ALTER TABLE … ADD COLUMN on a table over a topic: its SQLite table and the query that keeps it current get the column.
CREATE TABLE items (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC = 'items', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
INSERT INTO items VALUES (1, 'pen');
SELECT * FROM items;
ALTER TABLE items ADD COLUMN price DOUBLE, ADD COLUMN tags ARRAY<STRING>;
-- Rows already in the table have NULL in the new columns; records read from now on fill them.
INSERT INTO items VALUES (2, 'ink', 2.5, ARRAY['blue']);
INSERT INTO items (id, name) VALUES (3, 'pad');
SELECT * FROM items;
SELECT name, price FROM items WHERE id = 2;
DESCRIBE items;
-- A query created after the change reads the new columns too.
CREATE TABLE priced AS SELECT id, name, price FROM items WHERE price IS NOT NULL;
SELECT * FROM priced;

-- CREATE OR REPLACE TABLE that adds value columns after the existing ones does the same.
CREATE OR REPLACE TABLE items (id INT PRIMARY KEY, name STRING, price DOUBLE, tags ARRAY<STRING>, stock INT)
  WITH (KAFKA_TOPIC = 'items', VALUE_FORMAT = 'JSON');
INSERT INTO items VALUES (4, 'cup', 4.0, ARRAY['red'], 12);
SELECT id, name, stock FROM items;
-- Anything else is refused, and says what differs.
CREATE OR REPLACE TABLE items (id INT PRIMARY KEY, name STRING) WITH (KAFKA_TOPIC = 'items', VALUE_FORMAT = 'JSON');
CREATE OR REPLACE TABLE items (id BIGINT PRIMARY KEY, name STRING, price DOUBLE, tags ARRAY<STRING>, stock INT) WITH (KAFKA_TOPIC = 'items', VALUE_FORMAT = 'JSON');
CREATE OR REPLACE TABLE items (id INT PRIMARY KEY, name STRING, price DOUBLE, tags ARRAY<STRING>, stock INT) WITH (KAFKA_TOPIC = 'items', KEY_FORMAT = 'JSON', VALUE_FORMAT = 'JSON');
CREATE OR REPLACE TABLE items (id INT PRIMARY KEY, name STRING, price DOUBLE, stock INT, tags ARRAY<STRING>) WITH (KAFKA_TOPIC = 'items', VALUE_FORMAT = 'JSON');
CREATE OR REPLACE TABLE priced (id INT PRIMARY KEY, name STRING, price DOUBLE) WITH (KAFKA_TOPIC = 'PRICED', VALUE_FORMAT = 'JSON');
