-- DEFINE / UNDEFINE and ${v} substitution (in identifiers, strings and numbers); SHOW VARIABLES.
DEFINE topic = 'orders_v1';
DEFINE fmt = 'JSON';
DEFINE parts = '2';
SHOW VARIABLES;
CREATE STREAM orders (id INT KEY, amount DOUBLE) WITH (KAFKA_TOPIC = '${topic}', PARTITIONS = ${parts}, FORMAT = '${fmt}');
DEFINE src = 'orders';
INSERT INTO ${src} VALUES (1, 2.5);
SELECT * FROM ${ src } WHERE amount > ${parts} EMIT CHANGES;
UNDEFINE parts;
SHOW VARIABLES;
UNDEFINE parts;

-- errors
SELECT * FROM orders WHERE amount > ${parts} EMIT CHANGES;
SELECT * FROM ${srcc} EMIT CHANGES;
DEFINE bad = 'x y';
SELECT * FROM ${bad} EMIT CHANGES;
