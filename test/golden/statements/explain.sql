-- EXPLAIN prints the logical plan, the optimized physical plan, and the columns the source decodes.
CREATE STREAM trades (symbol VARCHAR KEY, price DOUBLE, volume BIGINT, venue VARCHAR, note VARCHAR)
  WITH (KAFKA_TOPIC = 'trades', PARTITIONS = 4, VALUE_FORMAT = 'JSON');

EXPLAIN SELECT symbol, price * volume AS notional FROM trades WHERE venue = 'XNAS' EMIT CHANGES;
EXPLAIN SELECT * FROM trades WHERE TRUE EMIT CHANGES LIMIT 10;
EXPLAIN CREATE STREAM big_trades AS SELECT symbol, volume FROM trades WHERE volume > 10000;
