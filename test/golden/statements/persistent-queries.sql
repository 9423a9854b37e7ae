-- CREATE STREAM AS SELECT, chained persistent queries, SHOW QUERIES, EXPLAIN, TERMINATE and DROP.
CREATE STREAM clicks (user_id INT KEY, url VARCHAR, duration_ms INT)
  WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE STREAM long_clicks AS
  SELECT user_id, url, duration_ms / 1000 AS seconds FROM clicks WHERE duration_ms >= 2000 EMIT CHANGES;

CREATE STREAM long_click_urls WITH (KAFKA_TOPIC = 'urls', VALUE_FORMAT = 'JSON') AS
  SELECT user_id, UCASE(url) AS url FROM long_clicks;

INSERT INTO clicks VALUES (1, 'a.example/x', 500);
INSERT INTO clicks VALUES (2, 'b.example/y', 2500);
INSERT INTO clicks VALUES (1, 'c.example/z', 12000);

SELECT * FROM long_click_urls EMIT CHANGES;
SHOW QUERIES;
EXPLAIN CSAS_LONG_CLICKS_1;

-- Refused while queries use it; allowed after TERMINATE.
DROP STREAM long_clicks;
TERMINATE CSAS_LONG_CLICK_URLS_2;
DROP STREAM long_click_urls DELETE TOPIC;

-- Input after a TERMINATE is not processed by the terminated query.
INSERT INTO clicks VALUES (3, 'd.example/w', 9000);
SHOW TOPICS;
