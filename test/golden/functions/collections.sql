-- Array and map functions over arrays and maps built by other functions (SPLIT, GENERATE_SERIES, SPLIT_TO_MAP, JSON_RECORDS).
CREATE STREAM c (k INT KEY, csv VARCHAR, lo INT, hi INT)
  WITH (KAFKA_TOPIC = 'c', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO c VALUES (1, 'b,a,c,a', 1, 4);
INSERT INTO c VALUES (2, 'x', 5, 1);
INSERT INTO c VALUES (3, '', 3, 3);
INSERT INTO c VALUES (4, NULL, NULL, NULL);

SELECT k, ARRAY_DISTINCT(SPLIT(csv, ',')), ARRAY_SORT(SPLIT(csv, ',')), ARRAY_SORT(SPLIT(csv, ','), 'DESC'), ARRAY_MAX(SPLIT(csv, ',')), ARRAY_MIN(SPLIT(csv, ',')), ARRAY_LENGTH(SPLIT(csv, ',')) FROM c EMIT CHANGES;
SELECT k, ARRAY_CONTAINS(SPLIT(csv, ','), 'a'), ARRAY_REMOVE(SPLIT(csv, ','), 'a'), ARRAY_JOIN(SPLIT(csv, ','), '+'), ARRAY_JOIN(GENERATE_SERIES(lo, hi)), SLICE(SPLIT(csv, ','), 2, 3), SLICE(SPLIT(csv, ','), 2, 9) FROM c EMIT CHANGES;
SELECT k, GENERATE_SERIES(lo, hi), GENERATE_SERIES(hi, lo, -2), GENERATE_SERIES(lo, hi, 0), GENERATE_SERIES(CAST(lo AS BIGINT), 6), ARRAY_MAX(GENERATE_SERIES(lo, hi)), ARRAY_MIN(GENERATE_SERIES(lo, hi)) FROM c EMIT CHANGES;
SELECT k, ARRAY_CONCAT(SPLIT(csv, ','), SPLIT('y,z', ',')), ARRAY_UNION(SPLIT(csv, ','), SPLIT('a,z', ',')), ARRAY_INTERSECT(SPLIT(csv, ','), SPLIT('a,z', ',')), ARRAY_EXCEPT(SPLIT(csv, ','), SPLIT('a,z', ',')) FROM c EMIT CHANGES;
SELECT k, SPLIT_TO_MAP('a=1,b=2', ',', '='), MAP_KEYS(SPLIT_TO_MAP('a=1,b=2', ',', '=')), MAP_VALUES(JSON_RECORDS('{"x": 1, "y": [2]}')), MAP_UNION(SPLIT_TO_MAP('a=1,b=2', ',', '='), SPLIT_TO_MAP('b=9', ',', '=')) FROM c WHERE k = 1 EMIT CHANGES;
SELECT k, AS_MAP(SPLIT(csv, ','), GENERATE_SERIES(lo, hi)), ENTRIES(SPLIT_TO_MAP('b=2,a=1', ',', '='), true), ENTRIES(SPLIT_TO_MAP('b=2,a=1', ',', '='), false) FROM c WHERE k = 1 EMIT CHANGES;
SELECT ARRAY_CONTAINS(SPLIT(csv, ','), 1) FROM c EMIT CHANGES;
