-- Readings over 4 partitions with exact prices: inputs are still processed in file order,
-- DECIMAL and BIGINT values compare exactly; the data comes from INSERT … VALUES (no input.json).
CREATE STREAM readings (sensor VARCHAR KEY, celsius DOUBLE, price DECIMAL(8, 3), seq BIGINT)
  WITH (KAFKA_TOPIC = 'readings', PARTITIONS = 4, VALUE_FORMAT = 'JSON');

CREATE STREAM costly AS
  SELECT sensor, price * 2 AS double_price, seq + 1 AS next_seq
  FROM readings WHERE price > 1.000 EMIT CHANGES;

INSERT INTO readings (ROWTIME, sensor, celsius, price, seq) VALUES (10, 'a', 20.0, 1.500, 9007199254740993);
INSERT INTO readings (ROWTIME, sensor, celsius, price, seq) VALUES (20, 'b', 21.0, 0.999, 1);
INSERT INTO readings (ROWTIME, sensor, celsius, price, seq) VALUES (30, 'c', 22.0, 12.125, 9223372036854775806);
INSERT INTO readings (ROWTIME, sensor, celsius, price, seq) VALUES (40, 'd', 23.0, 2.000, -7);
