-- HAVING: a group that stops qualifying emits a tombstone (and leaves the SQLite table); one that never qualified emits nothing.
CREATE STREAM payments (id INT KEY, account VARCHAR, amount INT)
  WITH (KAFKA_TOPIC = 'payments', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
CREATE TABLE accounts (account VARCHAR PRIMARY KEY, owner VARCHAR, balance INT)
  WITH (KAFKA_TOPIC = 'accounts', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE big_spenders AS
  SELECT account, SUM(amount) AS total, COUNT(*) AS n
  FROM payments GROUP BY account HAVING SUM(amount) > 100;

INSERT INTO payments (id, account, amount) VALUES (1, 'a', 60);
INSERT INTO payments (id, account, amount) VALUES (2, 'a', 50);
INSERT INTO payments (id, account, amount) VALUES (3, 'b', 500);
-- A refund: account a drops back to 90 and stops qualifying.
INSERT INTO payments (id, account, amount) VALUES (4, 'a', -20);
INSERT INTO payments (id, account, amount) VALUES (5, 'a', 5);
-- And qualifies again.
INSERT INTO payments (id, account, amount) VALUES (6, 'a', 100);
SELECT * FROM big_spenders;

-- HAVING over a table aggregation.
CREATE TABLE rich_owners AS
  SELECT owner, SUM(balance) AS wealth FROM accounts GROUP BY owner HAVING COUNT(*) >= 2;
INSERT INTO accounts (account, owner, balance) VALUES ('a', 'ann', 10);
INSERT INTO accounts (account, owner, balance) VALUES ('b', 'ann', 20);
INSERT INTO accounts (account, owner, balance) VALUES ('b', 'bob', 20);
SELECT * FROM rich_owners;
EXPLAIN CTAS_BIG_SPENDERS_2;

SELECT account, SUM(amount) FROM payments GROUP BY account HAVING amount > 1 EMIT CHANGES;
SELECT account FROM payments HAVING account = 'a' EMIT CHANGES;
SELECT account, COUNT(*) FROM payments GROUP BY account HAVING COUNT(*) EMIT CHANGES;
