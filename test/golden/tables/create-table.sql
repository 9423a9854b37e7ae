-- CREATE TABLE over a topic: upsert by key, tombstones delete; the SQLite table and pull queries by key.
CREATE TABLE users (id VARCHAR PRIMARY KEY, name VARCHAR, age INT, balance DECIMAL(8, 2), big BIGINT)
  WITH (KAFKA_TOPIC = 'users', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO users (id, name, age, balance, big) VALUES ('u1', 'Ann', 31, 10.50, 9007199254740993);
INSERT INTO users (id, name, age, balance, big) VALUES ('u2', 'Bob', 45, 0.00, 1);
INSERT INTO users (id, name, age, balance, big) VALUES ('u3', 'Cid', 27, 7.25, 2);
-- An update replaces the row of its key.
INSERT INTO users (id, name, age, balance, big) VALUES ('u1', 'Ann', 32, 11.75, 9007199254740993);

-- Pull queries: a key lookup, a scan with another condition, LIMIT.
SELECT * FROM users WHERE id = 'u1';
SELECT id, name FROM users WHERE age > 30;
SELECT * FROM users LIMIT 2;
SELECT name, ROWTIME FROM users WHERE id = 'nobody';

EXPLAIN SELECT * FROM users WHERE id = 'u2';
SHOW TABLES;
SHOW QUERIES;
DESCRIBE users;

-- A push query over a table shows its changelog.
SELECT id, age FROM users EMIT CHANGES;

-- Errors: tables need a primary key; KEY is for streams.
CREATE TABLE bad (id VARCHAR, v INT) WITH (KAFKA_TOPIC = 'bad', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE bad (id VARCHAR KEY, v INT) WITH (KAFKA_TOPIC = 'bad', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
-- A name reserved by Eddy's own SQLite tables.
CREATE TABLE log_records (id VARCHAR PRIMARY KEY, v INT) WITH (KAFKA_TOPIC = 'lr', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
