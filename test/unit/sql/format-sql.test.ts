// Unit tests for formatSql/formatExpr: canonical output and the round trip parse(formatSql(x)) ≡ x.
import { describe, it, expect } from 'vitest';
import type { SourceSpan } from '../../../src/common/index.js';
import { parse, parseExpression, formatSql, formatExpr, type Expr, type Identifier, type Statement } from '../../../src/sql/index.js';
import { seededRandom } from '../seeded-random.js';

/** Deep copy without `span` fields, for comparing trees. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span').map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

function one(sql: string): Statement {
  const [first, ...rest] = parse(sql);
  if (first === undefined || rest.length > 0) throw new Error(`expected one statement in ${sql}`);
  return first.statement;
}

const ROUND_TRIP = [
  "CREATE STREAM pageviews (viewtime BIGINT, userid VARCHAR KEY, pageid STRING) WITH (kafka_topic='pageviews', value_format='JSON', partitions=1)",
  "CREATE OR REPLACE TABLE users (id STRING PRIMARY KEY, regions ARRAY<STRING>, props MAP<STRING, DOUBLE>) WITH (kafka_topic='users')",
  "CREATE SOURCE TABLE IF NOT EXISTS ro (k INT PRIMARY KEY, v DECIMAL(10, 2)) WITH (kafka_topic='ro', format='AVRO')",
  "CREATE STREAM s (addr STRUCT<street STRING, `Zip Code` INT, geo STRUCT<lat DOUBLE, lon DOUBLE>>, ts TIMESTAMP, d DATE, t TIME, b BYTES, f BOOLEAN, x my_type) WITH (kafka_topic='s')",
  "CREATE STREAM bare WITH (kafka_topic='bare', value_format='AVRO', ratio=0.25, big=1.5E3, compact=FALSE, retention=-1)",
  "CREATE STREAM \"MixedCase\" (\"col\" INT, `back``tick` STRING) WITH (kafka_topic='m')",
  "CREATE STREAM enriched WITH (kafka_topic='enriched') AS SELECT p.*, u.regionid AS region FROM pageviews p WHERE u.regionid IS NOT NULL EMIT CHANGES",
  'CREATE OR REPLACE TABLE IF NOT EXISTS t2 AS SELECT id, CAST(v AS BIGINT) AS big FROM t EMIT CHANGES',
  "INSERT INTO pageviews (viewtime, userid, pageid) VALUES (1, 'User_1', 'Page_1')",
  "INSERT INTO pageviews VALUES (-1, 'it''s', NULL, TRUE, 1.50, 2e10, DECIMAL '7')",
  'SELECT * FROM pageviews EMIT CHANGES',
  'SELECT k, COUNT(*) AS n FROM s WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) WHERE v > 0 GROUP BY k HAVING COUNT(*) > 2 EMIT FINAL',
  'SELECT k, SUM(v) FROM s WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 5 SECONDS, RETENTION 2 DAYS) GROUP BY k, v + 1 EMIT CHANGES',
  'SELECT k FROM s WINDOW SESSION (30 MILLISECONDS) GROUP BY k EMIT CHANGES',
  'CREATE STREAM rekeyed AS SELECT * FROM s PARTITION BY a, UCASE(b) EMIT CHANGES',
  'SELECT * FROM s PARTITION BY NULL EMIT CHANGES',
  'SELECT * FROM pageviews EMIT CHANGES LIMIT 3',
  "SELECT id, name FROM users WHERE id = 'u1'",
  'SELECT COUNT(*) AS n, SUM(x), now() FROM s AS src EMIT FINAL',
  'SELECT a + b * c, (a + b) * c, a - (b - c), a - b - c, a / b % c FROM s',
  "SELECT a || b || 'x', (a || b) = c, a = (b = c), (a = b) = c FROM s",
  'SELECT -a, -(-a), +a, - -1, -(a + 1), a * -b, a - -b FROM s',
  'SELECT NOT a, NOT NOT a, NOT (a AND b), (NOT a) = b, a AND (b OR c), (a OR b) AND c FROM s',
  'SELECT a FROM s WHERE a IS NULL OR b IS NOT NULL AND (c + 1) IS NULL',
  "SELECT a FROM s WHERE a LIKE 'x%' AND b NOT LIKE '%!_' ESCAPE '!' AND (a LIKE b) = TRUE",
  'SELECT a FROM s WHERE a BETWEEN 1 AND 2 + 3 AND b NOT BETWEEN (x OR y) AND z',
  'SELECT a FROM s WHERE a IN (1, 2, 3) AND b NOT IN (a + 1, (c = d)) AND NOT a IN (1)',
  "SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END AS sign FROM s",
  "SELECT CASE a WHEN 1 THEN 'one' END, CASE WHEN a IS NULL THEN CASE b WHEN 2 THEN 3 ELSE 4 END END FROM s",
  'SELECT CAST(a AS ARRAY<MAP<STRING, STRUCT<x INT>>>), CAST(b AS DECIMAL(4, 2)), CAST(c AS STRING) FROM s',
  'SELECT s.a, `s`.`B`, "Weird col", `a``b` FROM "my stream" AS s',
  'SELECT timestamp, type, time, date, value, name, source, topic, key FROM s',
  'SELECT 1.5, .5, 1., 1e3, 1.5E-3, 007 FROM s',
  "SELECT 'a''b', '', 'line\nbreak' FROM s",
  'SELECT a <> b, a != b, a < b, a <= b, a > b, a >= b FROM s',
  'SHOW STREAMS',
  'SHOW TABLES EXTENDED',
  'LIST QUERIES',
  'SHOW TOPICS',
  'SHOW PROPERTIES',
  'DESCRIBE pageviews',
  'DESCRIBE `Mixed` EXTENDED',
  'DROP STREAM pageviews',
  'DROP TABLE IF EXISTS users DELETE TOPIC',
  'TERMINATE CSAS_ENRICHED_1',
  'TERMINATE ALL',
  'EXPLAIN SELECT * FROM s WHERE a > 1 EMIT CHANGES',
  "EXPLAIN CREATE TABLE t WITH (kafka_topic='t') AS SELECT id, COUNT(*) FROM s EMIT CHANGES",
  'EXPLAIN CTAS_T_3',
  "SET 'auto.offset.reset' = 'earliest'",
  "UNSET 'it''s'",
  // The rest of the dialect: composite values, lambdas, joins, and every other statement.
  "SELECT ARRAY[1, 2][1], a[-1], m['k'], s->f->g, (a + b)[1], ARRAY[], MAP('a' := 1, 'b' := x), STRUCT(f := 1, `g h` := 'x') FROM s",
  'SELECT s->*, t.s->*, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM NULL, -a[1] FROM s',
  'SELECT TRANSFORM(a, x => x + 1), REDUCE(a, 0, (acc, x) => acc + x), FILTER(m, (k, v) => v > k AND k IS NOT NULL) FROM s',
  'SELECT * FROM a JOIN b WITHIN 1 HOUR ON a.id = b.id LEFT OUTER JOIN c ON a.k = c.k EMIT CHANGES',
  'SELECT * FROM a AS x FULL OUTER JOIN b AS y WITHIN (10 SECONDS, 1 MINUTE) GRACE PERIOD 5 MILLISECONDS ON x.id = y.id',
  "CREATE STREAM h (k INT KEY, hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, t BYTES HEADER('trace')) WITH (kafka_topic='h')",
  "INSERT INTO t WITH (QUERY_ID='q1') SELECT * FROM s EMIT CHANGES",
  'CREATE TYPE IF NOT EXISTS addr AS STRUCT<street STRING, zip INT>',
  'DROP TYPE IF EXISTS addr',
  'ALTER STREAM s ADD COLUMN a INT, ADD COLUMN `b c` ARRAY<addr>',
  "DEFINE topic = 'it''s'",
  'UNDEFINE topic',
  'SHOW FUNCTIONS',
  'LIST TYPES',
  'SHOW VARIABLES',
  'SHOW ALL TOPICS EXTENDED',
  'DESCRIBE STREAMS EXTENDED',
  'DESCRIBE TABLES',
  'DESCRIBE FUNCTION substring',
  "PRINT 'my-topic' FROM BEGINNING INTERVAL 2 LIMIT 10",
  'PRINT pageviews',
  "RUN SCRIPT '/tmp/x.sql'",
  'PAUSE CSAS_X_1',
  'RESUME ALL',
  "ASSERT NOT EXISTS TOPIC 'x' WITH (partitions=3) TIMEOUT 10 SECONDS",
  'ASSERT TOPIC x',
  "ASSERT SCHEMA SUBJECT 'x-value' ID 4 TIMEOUT 1 MINUTE",
  "ASSERT VALUES s (a, b) VALUES (1, 'x')",
  'ASSERT NULL VALUES t (k) KEY (1)',
  "ASSERT TABLE t (k INT PRIMARY KEY, v STRING) WITH (kafka_topic='t')",
  'EXPLAIN INSERT INTO t SELECT * FROM s',
];

describe('formatSql round trip', () => {
  it.each(ROUND_TRIP)('%s', (sql) => {
    const original = one(sql);
    const formatted = formatSql(original);
    const reparsed = one(formatted);
    expect(strip(reparsed)).toEqual(strip(original));
    // Canonical: formatting the re-parsed tree gives the same text.
    expect(formatSql(reparsed)).toBe(formatted);
  });
});

describe('canonical text', () => {
  it('upper-cases keywords and plain identifiers, and quotes the rest with backticks', () => {
    expect(formatSql(one("create stream s (a int key, b varchar) with (kafka_topic='s', partitions=1)"))).toBe(
      "CREATE STREAM S (A INT KEY, B STRING) WITH (KAFKA_TOPIC='s', PARTITIONS=1)",
    );
    expect(formatSql(one('select "a", `B`, c as "x y" from "S" s where "a" is not null emit changes limit 5'))).toBe(
      'SELECT `a`, `B`, C AS `x y` FROM `S` AS S WHERE `a` IS NOT NULL EMIT CHANGES LIMIT 5',
    );
    expect(formatSql(one('list streams'))).toBe('SHOW STREAMS');
  });

  it('adds only the parentheses the tree needs', () => {
    const cases: [string, string][] = [
      ['((a + (b * c)))', 'A + B * C'],
      ['(a + b) * c', '(A + B) * C'],
      ['a - (b - c)', 'A - (B - C)'],
      ['(a - b) - c', 'A - B - C'],
      ['not (a = b)', 'NOT A = B'],
      ['(not a) and b', 'NOT A AND B'],
      ['- (- 1)', '-(-1)'],
      ['a - - 1', 'A - -1'],
      ["x between (1) and (2 || 'a')", "X BETWEEN 1 AND 2 || 'a'"],
    ];
    for (const [input, output] of cases) expect(formatExpr(parseExpression(input))).toBe(output);
  });

  it('never emits "--" (which would start a comment)', () => {
    for (const sql of ['- -a', '-(-a)', 'a - -b', '- - -1']) {
      const text = formatExpr(parseExpression(sql));
      expect(text).not.toContain('--');
      expect(strip(parseExpression(text))).toEqual(strip(parseExpression(sql)));
    }
  });
});

// ---------------------------------------------------------------- generated expressions

const SPAN: SourceSpan = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function randomExpr(next: () => number, depth: number): Expr {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('empty');
    return item;
  };
  const ident = (): Identifier => {
    const name = pick(['A', 'B', 'Weird name', 'C_1']);
    // Only names the parser can produce: a name with a space must have been quoted.
    return { kind: 'Identifier', name, quoted: name === 'Weird name' || next() < 0.2, span: SPAN };
  };
  const sub = () => randomExpr(next, depth - 1);
  if (depth <= 0 || next() < 0.15) {
    return pick<() => Expr>([
      () => ({ kind: 'IntegerLiteral', text: pick(['0', '1', '42']), span: SPAN }),
      () => ({ kind: 'DecimalLiteral', text: '1.5', span: SPAN }),
      () => ({ kind: 'DoubleLiteral', text: '2E3', span: SPAN }),
      () => ({ kind: 'StringLiteral', value: pick(['x', "it's", '']), span: SPAN }),
      () => ({ kind: 'NullLiteral', span: SPAN }),
      () => ({ kind: 'BooleanLiteral', value: next() < 0.5, span: SPAN }),
      () => ({ kind: 'ColumnRef', qualifier: next() < 0.3 ? ident() : null, name: ident(), span: SPAN }),
    ])();
  }
  return pick<() => Expr>([
    () => ({
      kind: 'BinaryExpr',
      op: pick(['OR', 'AND', '=', '<>', '<', '>=', '||', '+', '-', '*', '/', '%'] as const),
      left: sub(),
      right: sub(),
      span: SPAN,
    }),
    () => ({ kind: 'UnaryExpr', op: pick(['NOT', '-', '+'] as const), operand: sub(), span: SPAN }),
    () => ({ kind: 'IsNullExpr', negated: next() < 0.5, value: sub(), span: SPAN }),
    () => ({ kind: 'LikeExpr', negated: next() < 0.5, value: sub(), pattern: sub(), escape: next() < 0.3 ? sub() : null, span: SPAN }),
    () => ({ kind: 'BetweenExpr', negated: next() < 0.5, value: sub(), low: sub(), high: sub(), span: SPAN }),
    () => ({ kind: 'InListExpr', negated: next() < 0.5, value: sub(), list: [sub(), sub()], span: SPAN }),
    () => ({
      kind: 'CaseExpr',
      operand: next() < 0.5 ? sub() : null,
      whens: [{ when: sub(), then: sub() }],
      otherwise: next() < 0.5 ? sub() : null,
      span: SPAN,
    }),
    () => ({ kind: 'CastExpr', value: sub(), type: { kind: 'PrimitiveTypeExpr', name: 'BIGINT', span: SPAN }, span: SPAN }),
    () => ({ kind: 'FunctionCall', name: ident(), args: [sub(), sub()], star: false, span: SPAN }),
    () => ({ kind: 'IsDistinctExpr', negated: next() < 0.5, left: sub(), right: sub(), span: SPAN }),
    () => ({ kind: 'SubscriptExpr', base: sub(), index: sub(), span: SPAN }),
    () => ({ kind: 'DereferenceExpr', base: sub(), field: ident(), span: SPAN }),
    () => ({ kind: 'ArrayConstructor', elements: next() < 0.2 ? [] : [sub(), sub()], span: SPAN }),
    () => ({ kind: 'MapConstructor', entries: [{ key: sub(), value: sub() }], span: SPAN }),
    () => ({ kind: 'StructConstructor', fields: [{ name: ident(), value: sub() }], span: SPAN }),
    () => ({
      kind: 'FunctionCall',
      name: ident(),
      args: [sub(), { kind: 'LambdaExpr', params: next() < 0.5 ? [ident()] : [ident(), ident()], body: sub(), span: SPAN }],
      star: false,
      span: SPAN,
    }),
  ])();
}

describe('formatExpr on generated trees', () => {
  it('re-parses 2000 random expressions to the same tree', () => {
    const next = seededRandom(20240601);
    for (let i = 0; i < 2000; i++) {
      const tree = randomExpr(next, 4);
      const text = formatExpr(tree);
      expect(strip(parseExpression(text)), text).toEqual(strip(tree));
    }
  });
});
