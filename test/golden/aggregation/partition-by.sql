-- PARTITION BY re-keys a stream: one expression, several (a multi-column JSON key), or NULL (no key).
CREATE STREAM pageviews (view_id INT KEY, user_id VARCHAR, page VARCHAR, ms INT)
  WITH (KAFKA_TOPIC = 'pageviews', PARTITIONS = 3, VALUE_FORMAT = 'JSON');

CREATE STREAM by_user AS SELECT * FROM pageviews PARTITION BY user_id;
CREATE STREAM by_user_page AS SELECT user_id, UCASE(page) AS page, view_id, ms FROM pageviews PARTITION BY user_id, UCASE(page);
CREATE STREAM unkeyed AS SELECT view_id, page FROM pageviews PARTITION BY NULL;

INSERT INTO pageviews (view_id, user_id, page, ms) VALUES (1, 'ann', 'home', 100);
INSERT INTO pageviews (view_id, user_id, page, ms) VALUES (2, 'bob', 'cart', 250);
INSERT INTO pageviews (view_id, user_id, page, ms) VALUES (3, 'ann', 'cart', 80);

DESCRIBE by_user;
DESCRIBE by_user_page;
EXPLAIN CSAS_BY_USER_1;
SELECT * FROM by_user EMIT CHANGES;
-- Then aggregating by the new key needs no re-keying.
SELECT user_id, COUNT(*) AS n, SUM(ms) AS total FROM by_user GROUP BY user_id EMIT CHANGES;

CREATE STREAM nokey AS SELECT page FROM pageviews PARTITION BY user_id;
SELECT user_id FROM pageviews PARTITION BY user_id;
SELECT user_id, COUNT(*) FROM pageviews GROUP BY user_id PARTITION BY user_id EMIT CHANGES;
