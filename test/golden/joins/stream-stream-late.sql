-- Stream-stream join: a record later than its window plus grace is dropped (and counted); one within grace still joins.
CREATE STREAM left_s (id INT KEY, l VARCHAR) WITH (KAFKA_TOPIC = 'left_s', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM right_s (id INT KEY, r VARCHAR) WITH (KAFKA_TOPIC = 'right_s', PARTITIONS = 1, FORMAT = 'JSON');
CREATE STREAM joined AS SELECT a.id, a.l, b.r FROM left_s a LEFT JOIN right_s b
  WITHIN 5 SECONDS GRACE PERIOD 3 SECONDS ON a.id = b.id;

INSERT INTO left_s (id, l, ROWTIME) VALUES (1, 'a', 10000);
-- Stream time 17000: left 1's window [5000, 15000] has passed but grace (until 18000) has not: no NULL row yet.
INSERT INTO left_s (id, l, ROWTIME) VALUES (2, 'b', 17000);
-- Out of order but within grace: joins with left 1.
INSERT INTO right_s (id, r, ROWTIME) VALUES (1, 'in-grace', 14000);
-- Stream time 30000 closes everything: left 2 had no match, so its NULL row appears now.
INSERT INTO left_s (id, l, ROWTIME) VALUES (3, 'c', 30000);
-- Too late: event time 12000 can only match until 12000 + 5 s + 3 s = 20000 < stream time 30000.
INSERT INTO right_s (id, r, ROWTIME) VALUES (3, 'too-late', 12000);
DESCRIBE joined EXTENDED;
