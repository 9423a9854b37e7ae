-- Syntax errors: what was expected, at which line and column.
SELECT a, FROM s;
SELEC * FROM s;
CREATE STREAM s (a INT,) WITH (KAFKA_TOPIC = 's');
SELECT * FROM s WHERE (a + 1 > 2;
SELECT * FROM s LIMIT ten;
SELECT CAST(a AS) FROM s;
SELECT 'unterminated FROM s;
SHOW STREAMS
SELECT * FROM s;
CREATE STREAM t (a INT) WITH (KAFKA_TOPIC = 't', PARTITIONS = 1, VALUE_FORMAT = 'JSON');
SELECT a FROM t EMIT CHANGES;
