-- Arithmetic, comparison, logic, LIKE, BETWEEN, IN, CASE, CAST and NULL semantics, row by row.
CREATE STREAM t (k INT KEY, i INT, b BIGINT, d DOUBLE, s VARCHAR, f BOOLEAN)
  WITH (KAFKA_TOPIC = 't', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO t VALUES (1, 7, 10000000000, 2.5, 'alpha', true);
INSERT INTO t VALUES (2, -3, -1, 0.1, 'beta_1', false);
INSERT INTO t VALUES (3, NULL, NULL, NULL, NULL, NULL);
INSERT INTO t VALUES (4, 2147483647, 9223372036854775807, -1.0E-5, '50%', true);

SELECT k, i + 1, i - 10, i * 3, i / 2, i % 4, -i, b + i, b * 2, d * i, d / 0, i / 0 FROM t EMIT CHANGES;
SELECT k, i > 0, i = 7, i <> 7, s >= 'b', d BETWEEN 0 AND 1, i NOT BETWEEN -5 AND 5, i IN (7, -3), i NOT IN (1, NULL) FROM t EMIT CHANGES;
SELECT k, f AND i > 0, f OR i > 0, NOT f, s LIKE 'a%', s LIKE '_eta\_1' ESCAPE '\', s NOT LIKE '%!%' ESCAPE '!', s IS NULL, i IS NOT NULL FROM t EMIT CHANGES;
SELECT k, CASE WHEN i > 5 THEN 'big' WHEN i > 0 THEN 'small' ELSE 'other' END, CASE k WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS name FROM t EMIT CHANGES;
SELECT k, CAST(i AS VARCHAR), CAST(d AS INT), CAST(s AS INT), CAST('12' AS BIGINT) + 1, CAST(f AS STRING), CAST('true' AS BOOLEAN), CAST(i AS DOUBLE) / 4 FROM t EMIT CHANGES;
SELECT k, s || '!', CONCAT(s, '-', CAST(k AS STRING)), UCASE(s), LCASE('MiXeD'), LEN(s), SUBSTRING(s, 2, 3), COALESCE(s, 'none'), ABS(i), ROUND(d) FROM t EMIT CHANGES;
SELECT k, 1.5 + 1, 0.1 + 0.2, 10.25 * 2, i + 0.5, d + 1.5 FROM t WHERE k = 1 EMIT CHANGES;
