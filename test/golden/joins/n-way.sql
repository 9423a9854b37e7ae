-- N-way joins (chained left to right, mixing kinds), multi-condition equi-joins keyed on the tuple, aggregation over a join.
CREATE STREAM views (page_id INT KEY, user_id INT, region VARCHAR)
  WITH (KAFKA_TOPIC = 'views', PARTITIONS = 1, FORMAT = 'JSON');
CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR)
  WITH (KAFKA_TOPIC = 'users', PARTITIONS = 1, FORMAT = 'JSON');
CREATE TABLE pages (id INT PRIMARY KEY, title VARCHAR)
  WITH (KAFKA_TOPIC = 'pages', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM purchases (id INT KEY, user_id INT, region VARCHAR, amount INT)
  WITH (KAFKA_TOPIC = 'purchases', PARTITIONS = 1, FORMAT = 'JSON');

-- stream ⋈ table ⋈ table: each join looks up its own table; the result is keyed by the last join's expression.
CREATE STREAM view_details AS
  SELECT v.page_id, u.name, p.title, v.region
  FROM views v
  JOIN users u ON v.user_id = u.id
  LEFT JOIN pages p ON v.page_id = p.id;

-- Two conditions: a view and a purchase meet only with the same user AND region, within 1 minute.
CREATE STREAM converted AS
  SELECT v.user_id, v.region, v.page_id, c.amount
  FROM views v JOIN purchases c WITHIN 1 MINUTE GRACE PERIOD 0 SECONDS
  ON v.user_id = c.user_id AND v.region = c.region;

INSERT INTO users (id, name) VALUES (7, 'Ann');
INSERT INTO pages (id, title) VALUES (100, 'Home');
INSERT INTO views (page_id, user_id, region, ROWTIME) VALUES (100, 7, 'eu', 1000);
-- Page 200 is unknown (LEFT: NULL title); user 8 is unknown (INNER: no row).
INSERT INTO views (page_id, user_id, region, ROWTIME) VALUES (200, 7, 'us', 2000);
INSERT INTO views (page_id, user_id, region, ROWTIME) VALUES (100, 8, 'eu', 3000);
-- Same user, other region: no match; same user and region: a match.
INSERT INTO purchases (id, user_id, region, amount, ROWTIME) VALUES (1, 7, 'asia', 5, 4000);
INSERT INTO purchases (id, user_id, region, amount, ROWTIME) VALUES (2, 7, 'eu', 9, 5000);

-- An aggregation over a join.
CREATE TABLE views_per_user AS SELECT u.name, COUNT(*) AS n FROM views v JOIN users u ON v.user_id = u.id GROUP BY u.name;
INSERT INTO views (page_id, user_id, region, ROWTIME) VALUES (300, 7, 'eu', 6000);
SELECT * FROM views_per_user;

EXPLAIN CSAS_VIEW_DETAILS_3;
EXPLAIN CSAS_CONVERTED_4;

-- errors: an ambiguous column; a table left of a stream; a self-join through a second stream on one topic.
SELECT region FROM views v JOIN purchases c WITHIN 1 MINUTE ON v.user_id = c.user_id EMIT CHANGES;
SELECT * FROM users u JOIN views v ON u.id = v.user_id EMIT CHANGES;
CREATE STREAM views_again (page_id INT KEY, user_id INT, region VARCHAR)
  WITH (KAFKA_TOPIC = 'views', PARTITIONS = 1, FORMAT = 'JSON');
SELECT * FROM views a JOIN views_again b WITHIN 1 SECOND ON a.user_id = b.user_id EMIT CHANGES;
