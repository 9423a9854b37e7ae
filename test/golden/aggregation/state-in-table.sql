-- A GROUP BY whose table holds every result, of functions whose result is their state (COUNT; SUM,
-- MIN, MAX of INT and BIGINT), under INT/BIGINT keys: its state is the table's rows (EXPLAIN says so),
-- read back by key, with one write per changed group. Results as with a store of its own.
CREATE STREAM bids (id INT KEY, bidder BIGINT, auction INT, price BIGINT, qty INT)
  WITH (KAFKA_TOPIC = 'bids', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE per_bidder AS
  SELECT bidder, COUNT(*) AS n, COUNT(qty) AS with_qty, SUM(qty) AS items, MAX(price) AS top, MIN(price) AS low
  FROM bids GROUP BY bidder EMIT CHANGES;
EXPLAIN CREATE TABLE per_bidder_2 AS
  SELECT bidder, COUNT(*) AS n, COUNT(qty) AS with_qty, SUM(qty) AS items, MAX(price) AS top, MIN(price) AS low
  FROM bids GROUP BY bidder EMIT CHANGES;

-- Two key columns; a computed column beside the results.
CREATE TABLE per_pair AS
  SELECT bidder, auction, COUNT(*) AS n, COUNT(*) * 10 AS tens, SUM(price) AS spent
  FROM bids GROUP BY bidder, auction;

INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (1, 7, 1, 100, 2, 1000);
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (2, 8, 1, 50, NULL, 2000);
-- An older event time: the group's time stays the largest one seen.
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (3, 7, 2, 300, 1, 500);
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (4, 7, 1, 20, 4, 3000);
-- BIGINT beyond 2^53 stays exact.
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (5, 9007199254740993, 1, 9007199254740993, 1, 4000);
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (6, 9007199254740993, 1, 1, 1, 5000);
-- A NULL grouping key is not grouped.
INSERT INTO bids (id, bidder, auction, price, qty, ROWTIME) VALUES (7, NULL, 1, 1, 1, 6000);

SELECT * FROM per_bidder;
SELECT * FROM per_pair;
SELECT bidder, n, top, ROWTIME FROM per_bidder WHERE bidder = 7;

-- Not kept in the table: AVG (its result is not its state; so too a text key, a DOUBLE sum, a HAVING).
EXPLAIN CREATE TABLE by_auction AS SELECT auction, AVG(price) AS a FROM bids GROUP BY auction;
