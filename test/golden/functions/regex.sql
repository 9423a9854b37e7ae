-- Regular-expression functions (Java syntax): groups, no match, invalid patterns, replacement references, splitting.
CREATE STREAM r (k INT KEY, t VARCHAR, p VARCHAR)
  WITH (KAFKA_TOPIC = 'r', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO r VALUES (1, 'hello there nice day', '(\w+) (\w+)');
INSERT INTO r VALUES (2, 'a1b22c333', '\d+');
INSERT INTO r VALUES (3, 'no digits', '([');
INSERT INTO r VALUES (4, NULL, NULL);

SELECT k, REGEXP_EXTRACT(p, t), REGEXP_EXTRACT(p, t, 2), REGEXP_EXTRACT('(?i)HELLO', t), REGEXP_EXTRACT('x(y)?', 'x', 1) FROM r EMIT CHANGES;
SELECT k, REGEXP_EXTRACT_ALL(p, t), REGEXP_EXTRACT_ALL(p, t, 1), REGEXP_EXTRACT_ALL('[aeiou]', t) FROM r EMIT CHANGES;
SELECT k, REGEXP_REPLACE(t, p, '<$0>'), REGEXP_REPLACE(t, '(\w+) (\w+)', '$2 $1'), REGEXP_REPLACE(t, '\d', '\$'), REGEXP_REPLACE(t, 'e', '$9') FROM r EMIT CHANGES;
SELECT k, REGEXP_SPLIT_TO_ARRAY(t, p), REGEXP_SPLIT_TO_ARRAY(t, ' '), REGEXP_SPLIT_TO_ARRAY('1a1', '1'), REGEXP_SPLIT_TO_ARRAY('abc', '') FROM r EMIT CHANGES;
