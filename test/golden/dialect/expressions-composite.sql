-- ARRAY[…], MAP(k := v), STRUCT(f := v), subscripts (1-based, negative from the end), ->, s->*, IS [NOT] DISTINCT FROM.
CREATE STREAM c (id INT KEY, a ARRAY<INT>, m MAP<STRING, DOUBLE>, s STRUCT<name STRING, address STRUCT<city STRING, zip INT>>, x INT, y INT)
  WITH (KAFKA_TOPIC = 'c', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO c VALUES (1, ARRAY[10, 20, 30], MAP('a' := 1.5, 'b' := 2.5), STRUCT(name := 'ann', address := STRUCT(city := 'Oslo', zip := 150)), 1, 1);
INSERT INTO c VALUES (2, ARRAY[], MAP('z' := 0.0E0), STRUCT(name := 'bob', address := NULL), NULL, 2);
INSERT INTO c VALUES (3, NULL, NULL, NULL, NULL, NULL);

SELECT id, a[1], a[3], a[-1], a[-3], a[4], a[0], m['a'], m['nope'], s->name, s->address->city, s->address->zip + 1 FROM c EMIT CHANGES;
SELECT id, ARRAY[x, y, 3] AS arr, ARRAY[1, 2.5] AS widened, MAP('k' := x) AS mp, STRUCT(a := x, b := 'b') AS st, ARRAY[ARRAY[1], ARRAY[2, 3]][2][-1] AS nested FROM c EMIT CHANGES;
SELECT id, s->* FROM c EMIT CHANGES;
SELECT id, s->address->* FROM c EMIT CHANGES;
SELECT id, x IS DISTINCT FROM y AS d, x IS NOT DISTINCT FROM y AS nd, x = y AS eq FROM c EMIT CHANGES;
SELECT id, a = ARRAY[10, 20, 30] AS same_array, m = MAP('z' := 0.0E0) AS same_map FROM c EMIT CHANGES;
EXPLAIN SELECT id, a[-1], s->address->city, s->* FROM c WHERE x IS DISTINCT FROM NULL EMIT CHANGES;

-- errors
SELECT s[1] FROM c EMIT CHANGES;
SELECT a->name FROM c EMIT CHANGES;
SELECT s->nmae FROM c EMIT CHANGES;
SELECT a['x'] FROM c EMIT CHANGES;
SELECT m[1] FROM c EMIT CHANGES;
SELECT ARRAY[1, 'a'] FROM c EMIT CHANGES;
SELECT MAP(ARRAY[1] := 1) FROM c EMIT CHANGES;
SELECT STRUCT(a := 1, a := 2) FROM c EMIT CHANGES;
SELECT MAP(1, 2) FROM c EMIT CHANGES;
SELECT a->* FROM c EMIT CHANGES;
SELECT ARRAY[] FROM c EMIT CHANGES;
SELECT x IS DISTINCT FROM 'a' FROM c EMIT CHANGES;
SELECT UCASE(x => x) FROM c EMIT CHANGES;
