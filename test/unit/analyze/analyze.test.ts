// Unit tests for analyze: name resolution, typing and widening, WITH validation, C*AS keys, INSERT, located errors.

import { describe, expect, it } from 'vitest';
import {
  analyze,
  type AnalysisContext,
  type BoundCreateAsSelect,
  type BoundCreateSource,
  type BoundExpr,
  type BoundInsertValues,
  type BoundQuery,
  type BoundStatement,
  type TopicInfo,
} from '../../../src/analyze/index.js';
import { catalogOf, type SourceDefinition } from '../../../src/catalog/index.js';
import { formatSchema, formatSqlType, isEngineError, type ErrorCode } from '../../../src/common/index.js';
import { parse } from '../../../src/sql/index.js';

const ORDERS_SQL =
  "CREATE STREAM orders (id STRING KEY, amount DOUBLE, qty INT, big BIGINT, name STRING, price DECIMAL(10, 2), flag BOOLEAN, ts BIGINT) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts')";

const TOPICS: ReadonlyMap<string, TopicInfo> = new Map([
  ['orders', { name: 'orders', partitions: 2 }],
  ['raw', { name: 'raw', partitions: 3 }],
]);

function analyzeIn(sql: string, ctx: AnalysisContext): BoundStatement {
  const [parsed, ...rest] = parse(sql);
  if (parsed === undefined || rest.length > 0) throw new Error(`expected one statement: ${sql}`);
  return analyze(parsed, ctx);
}

function createSource(sql: string): SourceDefinition {
  const bound = analyzeIn(sql, { catalog: catalogOf([], []), topics: TOPICS });
  if (bound.kind !== 'BoundCreateSource') throw new Error(bound.kind);
  return bound.source;
}

const ORDERS = createSource(ORDERS_SQL);
const CTX: AnalysisContext = { catalog: catalogOf([ORDERS], []), topics: TOPICS };

const run = (sql: string): BoundStatement => analyzeIn(sql, CTX);

function query(sql: string): BoundQuery {
  const bound = run(sql);
  if (bound.kind !== 'BoundQueryStatement') throw new Error(bound.kind);
  return bound.query;
}

function as<K extends BoundStatement['kind']>(bound: BoundStatement, kind: K): Extract<BoundStatement, { kind: K }> {
  if (bound.kind !== kind) throw new Error(`expected ${kind}, got ${bound.kind}`);
  return bound as Extract<BoundStatement, { kind: K }>;
}

interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
  /** The text the error's span covers. */
  readonly at: string;
  readonly line: number;
  readonly column: number;
}

function failure(sql: string, ctx: AnalysisContext = CTX): Failure {
  try {
    analyzeIn(sql, ctx);
  } catch (e) {
    if (!isEngineError(e)) throw e;
    const span = e.span;
    return {
      code: e.code,
      message: e.message,
      at: span === undefined ? '<no span>' : sql.slice(span.start.offset, span.end.offset),
      line: span?.start.line ?? 0,
      column: span?.start.column ?? 0,
    };
  }
  throw new Error(`expected an error for: ${sql}`);
}

/** The types of a query's output columns, as `NAME TYPE` text. */
const outputTypes = (sql: string): string => formatSchema(query(sql).outputSchema);

describe('CREATE STREAM', () => {
  it('builds the source definition: key first, formats, event time, topic', () => {
    expect(ORDERS).toMatchObject({ name: 'ORDERS', kind: 'STREAM', topic: 'orders', timestampColumn: 'TS', readOnly: false, writtenBy: null });
    expect(formatSchema(ORDERS.schema)).toBe(
      'ID STRING KEY, AMOUNT DOUBLE, QTY INT, BIG BIGINT, NAME STRING, PRICE DECIMAL(10, 2), FLAG BOOLEAN, TS BIGINT',
    );
    expect(ORDERS.formats).toEqual({ keyFormat: 'KAFKA', valueFormat: 'JSON', wrapSingleValue: true });
  });

  it('asks for the topic to be created when PARTITIONS is given', () => {
    const bound = as(analyzeIn("CREATE STREAM s (v INT) WITH (kafka_topic='fresh', value_format='JSON', partitions=4)", CTX), 'BoundCreateSource');
    expect(bound.createTopic).toEqual({ name: 'fresh', partitions: 4 });
    const existing: BoundCreateSource = as(run("CREATE STREAM s2 (v INT) WITH (kafka_topic='raw', value_format='JSON')"), 'BoundCreateSource');
    expect(existing.createTopic).toBeNull();
  });

  it('defaults a multi-column key to the JSON key format', () => {
    const bound = as(run("CREATE STREAM s (a INT KEY, b STRING KEY, v INT) WITH (kafka_topic='raw', value_format='json')"), 'BoundCreateSource');
    expect(bound.source.formats.keyFormat).toBe('JSON');
    expect(bound.source.formats.valueFormat).toBe('JSON');
  });

  it('rejects an unknown WITH property and suggests the closest one', () => {
    const f = failure("CREATE STREAM s (v INT) WITH (kafka_topic='raw', value_format='JSON', partitons=2)");
    expect(f.code).toBe('INVALID_PROPERTY');
    expect(f.message).toMatch(/^Unknown property PARTITONS\. Did you mean PARTITIONS\?/);
    expect(f.at).toBe('partitons=2');
  });

  it('requires KAFKA_TOPIC', () => {
    const f = failure("CREATE STREAM s (v INT) WITH (value_format='JSON')");
    expect(f.code).toBe('INVALID_PROPERTY');
    expect(f.message).toMatch(/^Missing KAFKA_TOPIC/);
    expect(f.line).toBe(1);
    expect(f.column).toBe(1);
  });

  it('requires PARTITIONS when the topic does not exist', () => {
    const f = failure("CREATE STREAM s (v INT) WITH (kafka_topic='nowhere', value_format='JSON')");
    expect(f.code).toBe('UNKNOWN_TOPIC');
    expect(f.message).toBe("Topic 'nowhere' does not exist. Add PARTITIONS=n to the WITH clause to create it.");
    expect(f.at).toBe("kafka_topic='nowhere'");
  });

  it('refuses PARTITIONS that disagree with an existing topic', () => {
    const f = failure("CREATE STREAM s (v INT) WITH (kafka_topic='raw', value_format='JSON', partitions=5)");
    expect(f.code).toBe('TOPIC_MISMATCH');
    expect(f.at).toBe('partitions=5');
  });

  it('refuses the KAFKA key format with two key columns', () => {
    const f = failure("CREATE STREAM s (a INT KEY, b INT KEY, v INT) WITH (kafka_topic='raw', key_format='KAFKA', value_format='JSON')");
    expect(f.code).toBe('INVALID_PROPERTY');
    expect(f.message).toBe("The KAFKA key format holds one column, but there are 2 key columns. Use KEY_FORMAT='JSON'.");
    expect(f.at).toBe("key_format='KAFKA'");
  });

  it('validates formats, duplicate columns and reserved names', () => {
    expect(failure("CREATE STREAM s (v INT) WITH (kafka_topic='raw', value_format='XML')")).toMatchObject({
      code: 'INVALID_PROPERTY',
      at: "value_format='XML'",
    });
    expect(failure("CREATE STREAM s (v INT) WITH (kafka_topic='raw')")).toMatchObject({ code: 'INVALID_PROPERTY', message: expect.stringMatching(/^Missing VALUE_FORMAT/) as unknown });
    expect(failure("CREATE STREAM s (v INT, V STRING) WITH (kafka_topic='raw', value_format='JSON')")).toMatchObject({
      code: 'INVALID_STATEMENT',
      message: 'Column V is declared twice.',
      at: 'V',
    });
    expect(failure("CREATE STREAM s (rowtime BIGINT) WITH (kafka_topic='raw', value_format='JSON')")).toMatchObject({ code: 'INVALID_STATEMENT', at: 'rowtime' });
    expect(failure("CREATE STREAM s (a INT, b INT) WITH (kafka_topic='raw', value_format='JSON', wrap_single_value=false)")).toMatchObject({
      code: 'INVALID_PROPERTY',
      at: 'wrap_single_value=false',
    });
  });

  it('checks the TIMESTAMP column', () => {
    expect(failure("CREATE STREAM s (v INT) WITH (kafka_topic='raw', value_format='JSON', timestamp='nope')")).toMatchObject({
      code: 'UNKNOWN_COLUMN',
      at: "timestamp='nope'",
    });
    expect(failure("CREATE STREAM s (v STRING) WITH (kafka_topic='raw', value_format='JSON', timestamp='v')")).toMatchObject({ code: 'TYPE_MISMATCH' });
  });

  it('refuses a second stream with the same name', () => {
    expect(failure("CREATE STREAM orders (v INT) WITH (kafka_topic='raw', value_format='JSON')")).toMatchObject({
      code: 'SOURCE_EXISTS',
      at: 'orders',
    });
    expect(as(run("CREATE STREAM IF NOT EXISTS orders (v INT) WITH (kafka_topic='raw', value_format='JSON')"), 'BoundCreateSource').exists).toBe(true);
  });
});

describe('names in queries', () => {
  it('an unknown stream suggests the closest name', () => {
    const sql = 'SELECT * FROM ordres EMIT CHANGES';
    const f = failure(sql);
    expect(f).toMatchObject({ code: 'UNKNOWN_SOURCE', message: 'ORDRES does not exist. Did you mean ORDERS?', at: 'ordres', line: 1, column: 15 });
  });

  it('an unknown stream far from every name has no suggestion', () => {
    expect(failure('SELECT * FROM zzzzzzzz').message).toBe('ZZZZZZZZ does not exist.');
  });

  it('an unknown column suggests the closest column, on the right line', () => {
    const sql = 'SELECT id,\n  amout\nFROM orders EMIT CHANGES';
    expect(failure(sql)).toEqual({
      code: 'UNKNOWN_COLUMN',
      message: 'Column AMOUT cannot be resolved. Did you mean AMOUNT?',
      at: 'amout',
      line: 2,
      column: 3,
    });
  });

  it('an unknown qualifier is an unknown source', () => {
    expect(failure('SELECT x.id FROM orders o')).toMatchObject({ code: 'UNKNOWN_SOURCE', at: 'x.id' });
    expect(query('SELECT o.id, orders.qty FROM orders o').projection.map((p) => p.name)).toEqual(['ID', 'QTY']);
  });

  it('pseudo columns are readable but not part of SELECT *', () => {
    const q = query('SELECT *, ROWTIME, ROWPARTITION, ROWOFFSET FROM orders');
    expect(q.projection.map((p) => p.name)).toEqual(['ID', 'AMOUNT', 'QTY', 'BIG', 'NAME', 'PRICE', 'FLAG', 'TS', 'ROWTIME', 'ROWPARTITION', 'ROWOFFSET']);
    expect(formatSqlType(q.projection[9]?.expr.type ?? { kind: 'STRING' })).toBe('INT');
  });

  it('an unknown function is reported at the call', () => {
    expect(failure('SELECT frobnicate(qty) FROM orders')).toMatchObject({ code: 'UNKNOWN_FUNCTION', at: 'frobnicate(qty)' });
  });
});

describe('types', () => {
  it('WHERE must be BOOLEAN', () => {
    const sql = 'SELECT id FROM orders WHERE qty + 1 EMIT CHANGES';
    expect(failure(sql)).toEqual({
      code: 'TYPE_MISMATCH',
      message: 'WHERE needs a BOOLEAN condition, but this is INT.',
      at: 'qty + 1',
      line: 1,
      column: 29,
    });
    expect(failure("SELECT id FROM orders WHERE name").message).toBe('WHERE needs a BOOLEAN condition, but this is STRING.');
  });

  it("'a' + 1 is a type mismatch located at the operand that is not a number", () => {
    expect(failure("SELECT 'a' + 1 FROM orders")).toEqual({
      code: 'TYPE_MISMATCH',
      message: '+ expects a number but this is STRING.',
      at: "'a'",
      line: 1,
      column: 8,
    });
    expect(failure('SELECT qty * name FROM orders')).toMatchObject({ code: 'TYPE_MISMATCH', message: '* expects a number but this is STRING.', at: 'name' });
    expect(failure('SELECT -name FROM orders')).toMatchObject({ code: 'TYPE_MISMATCH', at: 'name' });
  });

  it('logical and LIKE operands must have the right type', () => {
    expect(failure('SELECT id FROM orders WHERE qty AND flag')).toMatchObject({ code: 'TYPE_MISMATCH', message: 'AND expects BOOLEAN but this is INT.', at: 'qty' });
    expect(failure('SELECT id FROM orders WHERE NOT name')).toMatchObject({ code: 'TYPE_MISMATCH', at: 'name' });
    expect(failure("SELECT id FROM orders WHERE qty LIKE 'a%'")).toMatchObject({ code: 'TYPE_MISMATCH', at: 'qty' });
    expect(failure("SELECT id FROM orders WHERE flag = 'x'")).toMatchObject({ code: 'TYPE_MISMATCH', at: "flag = 'x'" });
  });

  it('widens INT + BIGINT to BIGINT and INT * DOUBLE to DOUBLE, with explicit casts', () => {
    expect(outputTypes('SELECT qty + big AS a, qty * amount AS b, big - amount AS c, qty / qty AS d FROM orders')).toBe(
      'A BIGINT, B DOUBLE, C DOUBLE, D INT',
    );
    const [a, b] = query('SELECT qty + big AS a, qty * amount AS b FROM orders').projection;
    expect(a?.expr).toMatchObject({ kind: 'Arithmetic', op: '+', left: { kind: 'Cast', type: { kind: 'BIGINT' }, operand: { kind: 'ColumnRef', name: 'QTY' } } });
    expect(b?.expr).toMatchObject({ kind: 'Arithmetic', op: '*', left: { kind: 'Cast', type: { kind: 'DOUBLE' } }, right: { kind: 'ColumnRef', name: 'AMOUNT' } });
  });

  it('types literals: INT, BIGINT beyond 32 bits, DECIMAL with its scale, DOUBLE with an exponent', () => {
    expect(outputTypes('SELECT 1 AS i, 2147483648 AS b, 1.50 AS d, 1.5E3 AS x, true AS t, \'s\' AS s FROM orders')).toBe(
      'I INT, B BIGINT, D DECIMAL(3, 2), X DOUBLE, T BOOLEAN, S STRING',
    );
    expect(failure('SELECT 99999999999999999999 FROM orders')).toMatchObject({ code: 'TYPE_MISMATCH', at: '99999999999999999999' });
  });

  it('DECIMAL arithmetic follows the precision and scale rules', () => {
    expect(outputTypes('SELECT price + price AS s, price * price AS m, price + qty AS w, price * amount AS dbl FROM orders')).toBe(
      'S DECIMAL(11, 2), M DECIMAL(21, 4), W DECIMAL(13, 2), DBL DOUBLE',
    );
    // Division: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale; remainder: the larger scale.
    expect(outputTypes('SELECT price / price AS q, price % price AS r, price / qty AS qi FROM orders')).toBe('Q DECIMAL(23, 13), R DECIMAL(10, 2), QI DECIMAL(21, 13)');
  });

  it('types a NULL literal from its context', () => {
    expect(outputTypes('SELECT NULL AS n FROM orders')).toBe('N STRING');
    const where = query('SELECT id FROM orders WHERE qty = NULL').where;
    expect(where).toMatchObject({ kind: 'Comparison', right: { kind: 'Literal', value: null, type: { kind: 'INT' } } });
    expect(outputTypes('SELECT CASE WHEN flag THEN NULL ELSE qty END AS c, CAST(NULL AS BIGINT) AS b FROM orders')).toBe('C INT, B BIGINT');
    expect(query('SELECT qty + NULL AS x FROM orders').projection[0]?.expr).toMatchObject({ type: { kind: 'INT' }, right: { kind: 'Literal', value: null, type: { kind: 'INT' } } });
    const inList = query('SELECT id FROM orders WHERE big IN (1, NULL)').where;
    expect(inList).toMatchObject({ kind: 'InList', value: { type: { kind: 'BIGINT' } } });
    const list = (inList as Extract<BoundExpr, { kind: 'InList' }>).list;
    expect(list.map((e) => formatSqlType(e.type))).toEqual(['BIGINT', 'BIGINT']);
    expect(list[1]).toEqual({ kind: 'Literal', type: { kind: 'BIGINT' }, value: null });
  });

  it('CASE branches must agree and widen to their common type', () => {
    expect(outputTypes('SELECT CASE WHEN flag THEN qty ELSE amount END AS c FROM orders')).toBe('C DOUBLE');
    expect(failure("SELECT CASE WHEN flag THEN qty ELSE 'x' END FROM orders")).toMatchObject({ code: 'TYPE_MISMATCH', at: "'x'" });
  });

  it('CAST checks the conversion', () => {
    expect(outputTypes("SELECT CAST(qty AS STRING) AS s, CAST('1' AS INT) AS i, CAST(amount AS DECIMAL(5, 1)) AS d FROM orders")).toBe(
      'S STRING, I INT, D DECIMAL(5, 1)',
    );
    expect(failure('SELECT CAST(flag AS INT) FROM orders')).toMatchObject({ code: 'TYPE_MISMATCH', message: 'Cannot cast BOOLEAN to INT. A BOOLEAN can only be cast to STRING.', at: 'CAST(flag AS INT)' });
  });

  it('function calls resolve overloads and widen arguments', () => {
    expect(outputTypes('SELECT ABS(qty) AS a, ABS(big) AS b, SQRT(qty) AS s, UCASE(name) AS u, SUBSTRING(name, 2) AS x FROM orders')).toBe(
      'A INT, B BIGINT, S DOUBLE, U STRING, X STRING',
    );
    expect(query('SELECT SQRT(qty) FROM orders').projection[0]?.expr).toMatchObject({
      kind: 'Call',
      name: 'SQRT',
      args: [{ kind: 'Cast', type: { kind: 'DOUBLE' }, operand: { kind: 'ColumnRef', name: 'QTY' } }],
    });
    expect(failure('SELECT UCASE(qty) FROM orders')).toMatchObject({ code: 'TYPE_MISMATCH', at: 'UCASE(qty)' });
  });

  it('generated names count up and duplicates need an alias', () => {
    expect(query('SELECT qty + 1, amount * 2, id FROM orders').projection.map((p) => p.name)).toEqual(['KSQL_COL_0', 'KSQL_COL_1', 'ID']);
    expect(failure('SELECT qty, qty FROM orders')).toMatchObject({ code: 'INVALID_STATEMENT', at: 'qty' });
  });
});

describe('queries', () => {
  it('a push query has EMIT CHANGES, a pull query none; LIMIT is kept', () => {
    expect(query('SELECT id FROM orders EMIT CHANGES LIMIT 5')).toMatchObject({ emit: 'CHANGES', limit: 5 });
    expect(query('SELECT id FROM orders')).toMatchObject({ emit: null, limit: null });
    expect(failure('SELECT id FROM orders EMIT FINAL').code).toBe('INVALID_STATEMENT');
  });

  it('the input schema is the source plus pseudo columns', () => {
    expect(query('SELECT id FROM orders').inputSchema.columns.map((c) => c.name).slice(-3)).toEqual(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET']);
  });
});

describe('the topics tables create', () => {
  it('are compacted unless CLEANUP_POLICY says otherwise (compact,delete when windowed or given a retention); streams keep the cluster default', () => {
    const policy = (sql: string) => {
      const bound = run(sql);
      return bound.kind === 'BoundCreateAsSelect' || bound.kind === 'BoundCreateSource' ? bound.createTopic?.cleanupPolicy : 'not a CREATE';
    };
    expect(policy('CREATE TABLE per_name AS SELECT name, COUNT(*) AS n FROM orders GROUP BY name')).toBe('compact');
    expect(policy('CREATE TABLE per_window AS SELECT name, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY name')).toBe('compact,delete');
    expect(policy('CREATE TABLE kept WITH (RETENTION_MS = 1000) AS SELECT name, COUNT(*) AS n FROM orders GROUP BY name')).toBe('compact,delete');
    expect(policy("CREATE TABLE asked WITH (CLEANUP_POLICY = 'delete') AS SELECT name, COUNT(*) AS n FROM orders GROUP BY name")).toBe('delete');
    expect(policy("CREATE TABLE t (id STRING PRIMARY KEY, v INT) WITH (kafka_topic='fresh_t', value_format='JSON', partitions=1)")).toBe('compact');
    expect(policy('CREATE STREAM copy AS SELECT id, qty FROM orders')).toBeUndefined();
  });
});

describe('CREATE STREAM … AS SELECT', () => {
  it('keeps the projected key as the key and inherits formats', () => {
    const bound: BoundCreateAsSelect = as(run('CREATE STREAM big_orders AS SELECT id, amount * 2 AS double_amount FROM orders WHERE qty > 10'), 'BoundCreateAsSelect');
    expect(formatSchema(bound.sink.schema)).toBe('ID STRING KEY, DOUBLE_AMOUNT DOUBLE');
    expect(bound.sink).toMatchObject({ name: 'BIG_ORDERS', topic: 'BIG_ORDERS', formats: { keyFormat: 'KAFKA', valueFormat: 'JSON' } });
    expect(bound.createTopic).toEqual({ name: 'BIG_ORDERS', partitions: 2 });
  });

  it('moves the key column to the front of the row', () => {
    const bound = as(run('CREATE STREAM s2 AS SELECT amount, id AS order_id FROM orders'), 'BoundCreateAsSelect');
    expect(formatSchema(bound.query.outputSchema)).toBe('ORDER_ID STRING KEY, AMOUNT DOUBLE');
    expect(bound.query.projection.map((p) => p.name)).toEqual(['ORDER_ID', 'AMOUNT']);
  });

  it('must project the key column', () => {
    const sql = 'CREATE STREAM no_key AS SELECT amount FROM orders';
    const f = failure(sql);
    expect(f.code).toBe('INVALID_STATEMENT');
    expect(f.message).toMatch(/^The query used to build NO_KEY must include the key column\(s\) ID of ORDERS in its projection/);
    expect(f.at).toBe('SELECT amount FROM orders');
  });

  it('refuses LIMIT, its own topic and an existing name', () => {
    expect(failure('CREATE STREAM s3 AS SELECT id, qty FROM orders LIMIT 3').code).toBe('INVALID_STATEMENT');
    expect(failure("CREATE STREAM s3 WITH (kafka_topic='orders') AS SELECT id, qty FROM orders")).toMatchObject({
      code: 'INVALID_STATEMENT',
      at: "kafka_topic='orders'",
    });
    expect(failure('CREATE STREAM orders AS SELECT id, qty FROM orders').code).toBe('SOURCE_EXISTS');
  });
});

describe('INSERT INTO … VALUES', () => {
  it('binds one expression per column, NULL for the ones not given, coerced to the column type', () => {
    const bound: BoundInsertValues = as(run("INSERT INTO orders (id, qty, amount, rowtime) VALUES ('a', 1, 2, 123)"), 'BoundInsertValues');
    expect(bound.values).toHaveLength(8);
    expect(bound.values[0]).toEqual({ kind: 'Literal', type: { kind: 'STRING' }, value: 'a' });
    expect(bound.values[1]).toMatchObject({ kind: 'Cast', type: { kind: 'DOUBLE' }, operand: { kind: 'Literal', value: 2 } });
    expect(bound.values[2]).toEqual({ kind: 'Literal', type: { kind: 'INT' }, value: 1 });
    expect(bound.values[4]).toEqual({ kind: 'Literal', type: { kind: 'STRING' }, value: null });
    expect(bound.values[5]).toEqual({ kind: 'Literal', type: { kind: 'DECIMAL', precision: 10, scale: 2 }, value: null });
    expect(bound.rowtime).toMatchObject({ type: { kind: 'BIGINT' } });
  });

  it('counts the values', () => {
    const f = failure("INSERT INTO orders (id, qty) VALUES ('a')");
    expect(f).toMatchObject({ code: 'INVALID_STATEMENT', message: "Expected 2 value(s) for (ID, QTY), but got 1." });
    expect(failure("INSERT INTO orders VALUES ('a', 1.5)").message).toBe(
      'Expected 8 value(s) for (ID, AMOUNT, QTY, BIG, NAME, PRICE, FLAG, TS), but got 2.',
    );
  });

  it('checks each value against its column type, at the value', () => {
    expect(failure("INSERT INTO orders (id, qty) VALUES ('a', 'lots')")).toMatchObject({
      code: 'TYPE_MISMATCH',
      message: 'Column QTY is INT, but the value is STRING.',
      at: "'lots'",
    });
    expect(failure("INSERT INTO orders (id, qty) VALUES ('a', 1.5E0)")).toMatchObject({ code: 'TYPE_MISMATCH', message: 'Column QTY is INT, but the value is DOUBLE.' });
    expect(failure("INSERT INTO orders (id, nope) VALUES ('a', 1)")).toMatchObject({ code: 'UNKNOWN_COLUMN', at: 'nope' });
    expect(failure("INSERT INTO orders (id, id) VALUES ('a', 'b')")).toMatchObject({ code: 'INVALID_STATEMENT', message: 'Column ID is given twice.' });
    expect(failure("INSERT INTO orders (id, rowtime) VALUES ('a', 'x')").code).toBe('TYPE_MISMATCH');
  });

  it('refuses a read-only source and an unknown one', () => {
    const source = createSource("CREATE SOURCE STREAM ro (v INT) WITH (kafka_topic='raw', value_format='JSON')");
    expect(source.readOnly).toBe(true);
    const ctx: AnalysisContext = { catalog: catalogOf([ORDERS, source], []), topics: TOPICS };
    expect(failure('INSERT INTO ro (v) VALUES (1)', ctx)).toMatchObject({ code: 'INVALID_STATEMENT', at: 'ro' });
    expect(failure('INSERT INTO ordrs (v) VALUES (1)')).toMatchObject({ code: 'UNKNOWN_SOURCE', message: 'ORDRS does not exist. Did you mean ORDERS?' });
  });
});

describe('other statements', () => {
  it('DESCRIBE, DROP, TERMINATE and EXPLAIN resolve their names', () => {
    expect(as(run('DESCRIBE orders'), 'BoundDescribe').source.name).toBe('ORDERS');
    expect(failure('DESCRIBE ordres')).toMatchObject({ code: 'UNKNOWN_SOURCE', at: 'ordres' });
    expect(as(run('DROP STREAM IF EXISTS nothing'), 'BoundDropSource').source).toBeNull();
    expect(failure('DROP STREAM nothing').code).toBe('UNKNOWN_SOURCE');
    expect(failure('DROP TABLE orders').code).toBe('INVALID_STATEMENT');
    expect(failure('TERMINATE CSAS_NOPE_1')).toMatchObject({ code: 'UNKNOWN_QUERY', at: 'CSAS_NOPE_1' });
    expect(as(run('EXPLAIN SELECT id FROM orders'), 'BoundExplain').target.kind).toBe('BoundQueryStatement');
    const explained = as(run('EXPLAIN CREATE STREAM x AS SELECT id, qty FROM orders'), 'BoundExplain').target;
    expect(explained.kind).toBe('BoundCreateAsSelect');
  });
});
