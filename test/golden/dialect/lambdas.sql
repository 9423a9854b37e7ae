-- Lambdas: TRANSFORM, FILTER and REDUCE over arrays and maps, with parameters typed from the arguments.
CREATE STREAM carts (id INT KEY, prices ARRAY<DOUBLE>, qty MAP<STRING, INT>, tags ARRAY<STRING>)
  WITH (KAFKA_TOPIC = 'carts', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO carts VALUES (1, ARRAY[1.5, 2.0, 10.25], MAP('apple' := 3, 'pear' := 0), ARRAY['Red', 'big']);
INSERT INTO carts VALUES (2, ARRAY[], MAP(), NULL);

SELECT id,
       TRANSFORM(prices, p => p * 2) AS doubled,
       FILTER(prices, p => p > 1.9) AS dear,
       REDUCE(prices, CAST(0 AS DOUBLE), (total, p) => total + p) AS total,
       TRANSFORM(tags, t => LCASE(t)) AS lower_tags,
       FILTER(qty, (k, v) => v > 0) AS in_stock,
       TRANSFORM(qty, (k, v) => UCASE(k), (k, v) => v * 10) AS scaled
FROM carts EMIT CHANGES;

SELECT id, TRANSFORM(prices, (a, b) => a) FROM carts EMIT CHANGES;
SELECT id, FILTER(prices, p => p) FROM carts EMIT CHANGES;
SELECT id, UCASE(x => x) FROM carts EMIT CHANGES;
