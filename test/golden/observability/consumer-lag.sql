-- DESCRIBE EXTENDED shows each reading query's consumer lag per partition; SHOW TOPICS EXTENDED its consumers and groups.
CREATE STREAM clicks (user_id STRING KEY, url STRING) WITH (KAFKA_TOPIC = 'clicks', PARTITIONS = 2, FORMAT = 'JSON');
CREATE STREAM long_clicks AS SELECT user_id, url FROM clicks WHERE LEN(url) > 5;
CREATE STREAM all_clicks AS SELECT * FROM clicks;
INSERT INTO clicks VALUES ('u1', 'https://example.com/a');
INSERT INTO clicks VALUES ('u2', 'https://example.com/b');
PAUSE CSAS_LONG_CLICKS_1;
INSERT INTO clicks VALUES ('u1', 'https://example.com/c');
INSERT INTO clicks VALUES ('u3', 'https://example.com/d');
INSERT INTO clicks VALUES ('u4', 'https://example.com/e');
DESCRIBE clicks EXTENDED;
SHOW TOPICS EXTENDED;
TERMINATE CSAS_ALL_CLICKS_2;
SHOW TOPICS EXTENDED;
