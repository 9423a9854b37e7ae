-- String functions: case, length, trimming, padding, splitting, searching, masks, encodings; NULLs and edge cases.
CREATE STREAM s (k INT KEY, a VARCHAR, b VARCHAR, n INT)
  WITH (KAFKA_TOPIC = 's', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

INSERT INTO s VALUES (1, 'My Test $123', 'x,y,,z', 3);
INSERT INTO s VALUES (2, '  hELLO wORLD  ', '', -2);
INSERT INTO s VALUES (3, 'straße', 'a=1;b=2;a=3', 0);
INSERT INTO s VALUES (4, NULL, NULL, NULL);

SELECT k, UCASE(a), LCASE(a), INITCAP(a), LEN(a), TRIM(a), LEN(TRIM(a)) FROM s EMIT CHANGES;
SELECT k, CONCAT(a, NULL, '!'), CONCAT_WS('|', a, NULL, b), CONCAT_WS(NULL, a), SUBSTRING(a, 2), SUBSTRING(a, n), SUBSTRING(a, -3, 2), SUBSTRING(a, 4, 100) FROM s EMIT CHANGES;
SELECT k, LPAD(a, 16, '*'), RPAD(a, 4, 'ab'), LPAD('x', n, '0'), RPAD(a, 5, ''), REPLACE(a, 'T', '[t]'), REPLACE(a, NULL, 'x') FROM s EMIT CHANGES;
SELECT k, SPLIT(b, ','), SPLIT(b, ''), ARRAY_LENGTH(SPLIT(b, ',')), SPLIT_TO_MAP(b, ';', '='), SPLIT_TO_MAP(b, '', '=') FROM s EMIT CHANGES;
SELECT k, INSTR(a, 'e'), INSTR(a, 'e', n), INSTR(a, 'T', -1), INSTR(a, 'zz'), ELT(n, 'one', 'two', 'three'), FIELD(a, 'straße', 'x'), FIELD(NULL, 'x') FROM s EMIT CHANGES;
SELECT k, CHR(75), CHR(22909), CHR('\u004b'), CHR(-1), CHR(n + 64), LEN(UUID()), UUID() = UUID() FROM s EMIT CHANGES;
SELECT k, MASK(a), MASK(a, '*', NULL, '#', NULL), MASK_KEEP_LEFT(a, 4), MASK_KEEP_RIGHT(a, 4), MASK_LEFT(a, 4), MASK_RIGHT(a, n) FROM s EMIT CHANGES;
SELECT k, ENCODE(a, 'utf8', 'hex'), ENCODE(a, 'utf8', 'base64'), ENCODE('4b5344', 'hex', 'utf8'), ENCODE(a, 'utf8', 'rot13'), MD5(a), FROM_BYTES(TO_BYTES(a, 'utf8'), 'hex') FROM s EMIT CHANGES;
SELECT k, LEN(TO_BYTES(a, 'utf8')), TO_BYTES('zz', 'hex') IS NULL, FROM_BYTES(TO_BYTES('SGk=', 'base64'), 'utf8') FROM s EMIT CHANGES;
SELECT SUBSTRING(a, 1.5) FROM s EMIT CHANGES;
