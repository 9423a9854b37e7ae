// Unit tests for the SQL parser: every statement kind, expressions, identifiers, spans and error messages.
import { describe, it, expect } from 'vitest';
import { isEngineError, type EngineError } from '../../../src/common/index.js';
import { parse, parseExpression, formatIdentifier, type Expr, type Statement } from '../../../src/sql/index.js';

/** Deep copy without `span` fields, for comparing trees. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span').map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

function one(sql: string): Statement {
  const parsed = parse(sql);
  expect(parsed).toHaveLength(1);
  const [first] = parsed;
  if (first === undefined) throw new Error('no statement');
  return first.statement;
}

function expr(sql: string): unknown {
  return strip(parseExpression(sql));
}

function syntaxError(sql: string): EngineError {
  try {
    parse(sql);
  } catch (e) {
    if (isEngineError(e)) {
      expect(e.code).toBe('SYNTAX_ERROR');
      return e;
    }
    throw e;
  }
  throw new Error(`expected a syntax error for ${sql}`);
}

/** `line:col: message`, the form the CLI prints. */
function located(sql: string): string {
  const e = syntaxError(sql);
  return `${e.span?.start.line}:${e.span?.start.column}: ${e.message}`;
}

const id = (name: string, quoted = false) => ({ kind: 'Identifier', name, quoted });
const col = (name: string, qualifier: string | null = null) => ({
  kind: 'ColumnRef',
  qualifier: qualifier === null ? null : id(qualifier),
  name: id(name),
});
const int = (text: string) => ({ kind: 'IntegerLiteral', text });
const str = (value: string) => ({ kind: 'StringLiteral', value });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: 'BinaryExpr', op, left, right });

describe('statements', () => {
  it('parses CREATE STREAM with columns, constraints and properties', () => {
    const s = one(
      "CREATE STREAM pageviews (id STRING KEY, ts BIGINT, tags ARRAY<STRING>) WITH (kafka_topic='pv', partitions=3, ratio=0.5, big=1e3, compacted=true, retention=-1);",
    );
    expect(strip(s)).toEqual({
      kind: 'CreateSource',
      sourceKind: 'STREAM',
      orReplace: false,
      ifNotExists: false,
      readOnly: false,
      name: id('PAGEVIEWS'),
      columns: [
        { kind: 'ColumnDefinition', name: id('ID'), type: { kind: 'PrimitiveTypeExpr', name: 'STRING' }, constraint: 'KEY', headerKey: null },
        { kind: 'ColumnDefinition', name: id('TS'), type: { kind: 'PrimitiveTypeExpr', name: 'BIGINT' }, constraint: null, headerKey: null },
        {
          kind: 'ColumnDefinition',
          name: id('TAGS'),
          type: { kind: 'ArrayTypeExpr', element: { kind: 'PrimitiveTypeExpr', name: 'STRING' } },
          constraint: null,
          headerKey: null,
        },
      ],
      properties: [
        { kind: 'Property', name: 'KAFKA_TOPIC', value: str('pv') },
        { kind: 'Property', name: 'PARTITIONS', value: int('3') },
        { kind: 'Property', name: 'RATIO', value: { kind: 'DecimalLiteral', text: '0.5' } },
        { kind: 'Property', name: 'BIG', value: { kind: 'DoubleLiteral', text: '1e3' } },
        { kind: 'Property', name: 'COMPACTED', value: { kind: 'BooleanLiteral', value: true } },
        { kind: 'Property', name: 'RETENTION', value: int('-1') },
      ],
    });
  });

  it('parses CREATE OR REPLACE SOURCE TABLE IF NOT EXISTS with PRIMARY KEY and no column list', () => {
    const s = one("create or replace source table if not exists t (k int primary key, v varchar) with (kafka_topic='t')");
    expect(s).toMatchObject({ kind: 'CreateSource', sourceKind: 'TABLE', orReplace: true, ifNotExists: true, readOnly: true });
    if (s.kind !== 'CreateSource') throw new Error(s.kind);
    expect(s.columns.map((c) => [c.name.name, c.constraint])).toEqual([['K', 'PRIMARY KEY'], ['V', null]]);
    expect(strip(one("CREATE STREAM s WITH (kafka_topic='s', value_format='JSON')"))).toMatchObject({ columns: [] });
  });

  it('parses CREATE … AS SELECT', () => {
    const s = one("CREATE TABLE IF NOT EXISTS big WITH (kafka_topic='big') AS SELECT * FROM t WHERE v > 10 EMIT CHANGES");
    expect(strip(s)).toEqual({
      kind: 'CreateAsSelect',
      sourceKind: 'TABLE',
      orReplace: false,
      ifNotExists: true,
      name: id('BIG'),
      properties: [{ kind: 'Property', name: 'KAFKA_TOPIC', value: str('big') }],
      query: {
        kind: 'Select',
        items: [{ kind: 'SelectStar', qualifier: null }],
        from: { kind: 'Relation', name: id('T'), alias: null },
        joins: [],
        window: null,
        where: bin('>', col('V'), int('10')),
        groupBy: [],
        partitionBy: [],
        having: null,
        emit: 'CHANGES',
        limit: null,
      },
    });
    expect(one('CREATE OR REPLACE STREAM s2 AS SELECT a FROM s')).toMatchObject({ kind: 'CreateAsSelect', orReplace: true, properties: [] });
  });

  it('parses INSERT INTO … VALUES with and without a column list', () => {
    expect(strip(one("INSERT INTO s (id, v) VALUES ('a', -1.5)"))).toEqual({
      kind: 'InsertValues',
      target: id('S'),
      columns: [id('ID'), id('V')],
      values: [str('a'), { kind: 'UnaryExpr', op: '-', operand: { kind: 'DecimalLiteral', text: '1.5' } }],
    });
    expect(one("INSERT INTO s VALUES ('a', 1)")).toMatchObject({ kind: 'InsertValues', columns: null });
  });

  it('parses SELECT with items, aliases, qualifiers, WHERE, EMIT and LIMIT', () => {
    const s = one('SELECT s.*, *, a AS x, b y, COUNT(*) FROM src s WHERE s.a = 1 EMIT FINAL LIMIT 10');
    expect(strip(s)).toEqual({
      kind: 'QueryStatement',
      query: {
        kind: 'Select',
        items: [
          { kind: 'SelectStar', qualifier: id('S') },
          { kind: 'SelectStar', qualifier: null },
          { kind: 'SelectExpr', expr: col('A'), alias: id('X') },
          { kind: 'SelectExpr', expr: col('B'), alias: id('Y') },
          { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: id('COUNT'), args: [], star: true }, alias: null },
        ],
        from: { kind: 'Relation', name: id('SRC'), alias: id('S') },
        joins: [],
        window: null,
        where: bin('=', col('A', 'S'), int('1')),
        groupBy: [],
        partitionBy: [],
        having: null,
        emit: 'FINAL',
        limit: 10,
      },
    });
    expect(one('SELECT * FROM t AS x')).toMatchObject({ query: { from: { alias: { name: 'X' } }, emit: null } });
    expect(one('SELECT a AS show FROM t AS describe')).toMatchObject({ query: { from: { alias: { name: 'DESCRIBE' } } } });
  });

  it('parses SHOW / LIST, DESCRIBE, DROP, TERMINATE', () => {
    expect(strip(one('SHOW STREAMS'))).toEqual({ kind: 'Show', what: 'STREAMS', extended: false });
    expect(strip(one('list tables extended'))).toEqual({ kind: 'Show', what: 'TABLES', extended: true });
    for (const what of ['QUERIES', 'TOPICS', 'PROPERTIES']) expect(one(`SHOW ${what}`)).toMatchObject({ what });
    expect(strip(one('DESCRIBE pageviews EXTENDED'))).toEqual({ kind: 'Describe', name: id('PAGEVIEWS'), extended: true });
    expect(strip(one('DROP TABLE IF EXISTS t DELETE TOPIC'))).toEqual({
      kind: 'DropSource',
      sourceKind: 'TABLE',
      ifExists: true,
      name: id('T'),
      deleteTopic: true,
    });
    expect(one('DROP STREAM s')).toMatchObject({ ifExists: false, deleteTopic: false });
    expect(strip(one('TERMINATE CSAS_S2_1'))).toEqual({ kind: 'Terminate', queryId: id('CSAS_S2_1') });
    expect(strip(one('terminate all'))).toEqual({ kind: 'Terminate', queryId: null });
  });

  it('parses EXPLAIN of a query, a CREATE … AS SELECT and a query id', () => {
    expect(one('EXPLAIN SELECT * FROM s')).toMatchObject({
      kind: 'Explain',
      target: { kind: 'ExplainStatement', statement: { kind: 'QueryStatement' } },
    });
    expect(one('EXPLAIN CREATE STREAM x AS SELECT * FROM s')).toMatchObject({
      target: { kind: 'ExplainStatement', statement: { kind: 'CreateAsSelect', name: { name: 'X' } } },
    });
    expect(strip(one('EXPLAIN CTAS_T_3'))).toEqual({ kind: 'Explain', target: { kind: 'ExplainQueryId', queryId: id('CTAS_T_3') } });
  });

  it('parses SET and UNSET', () => {
    expect(strip(one("SET 'auto.offset.reset' = 'earliest'"))).toEqual({
      kind: 'SetProperty',
      name: 'auto.offset.reset',
      value: 'earliest',
    });
    expect(strip(one("UNSET 'auto.offset.reset'"))).toEqual({ kind: 'UnsetProperty', name: 'auto.offset.reset' });
  });
});

describe('scripts', () => {
  it('splits statements on ";", keeps each statement text and span, and allows a missing final ";"', () => {
    const sql = "-- setup\nSHOW STREAMS;\n  /* two */ DESCRIBE s ;\n\nSELECT * FROM s";
    const parsed = parse(sql);
    expect(parsed.map((p) => p.text)).toEqual(['SHOW STREAMS', 'DESCRIBE s', 'SELECT * FROM s']);
    expect(parsed.map((p) => p.span.start)).toEqual([
      { offset: 9, line: 2, column: 1 },
      { offset: 35, line: 3, column: 13 },
      { offset: 49, line: 5, column: 1 },
    ]);
    for (const p of parsed) expect(sql.slice(p.span.start.offset, p.span.end.offset)).toBe(p.text);
  });

  it('gives zero statements for empty input, whitespace, comments and bare semicolons', () => {
    for (const sql of ['', '   \n\t', '-- nothing', '/* a */ -- b\n', ';', ' ; ;']) expect(parse(sql)).toEqual([]);
  });
});

describe('identifiers', () => {
  it('upper-cases unquoted identifiers and keeps quoted ones verbatim', () => {
    expect(expr('myCol')).toEqual(col('MYCOL'));
    expect(expr('"myCol"')).toEqual({ kind: 'ColumnRef', qualifier: null, name: id('myCol', true) });
    expect(expr('`my col`')).toEqual({ kind: 'ColumnRef', qualifier: null, name: id('my col', true) });
    expect(expr('"a""b"')).toMatchObject({ name: { name: 'a"b' } });
    expect(expr('`a``b`')).toMatchObject({ name: { name: 'a`b' } });
    expect(expr('`Src`.x')).toEqual({ kind: 'ColumnRef', qualifier: id('Src', true), name: id('X') });
  });

  it('keeps common non-reserved words usable as names', () => {
    const words = ['TIMESTAMP', 'TYPE', 'TIME', 'DATE', 'VALUE', 'NAME', 'SOURCE', 'TOPIC', 'KEY', 'STREAMS', 'SHOW', 'DESCRIBE', 'EXTENDED', 'ALL', 'IF'];
    for (const w of words) {
      expect(one(`SELECT ${w.toLowerCase()} FROM ${w} WHERE ${w} IS NULL`)).toMatchObject({
        query: { items: [{ expr: { name: { name: w } } }], from: { name: { name: w } } },
      });
      expect(formatIdentifier({ kind: 'Identifier', name: w, quoted: false, span: parseExpression('x').span })).toBe(w);
    }
    expect(one('CREATE STREAM s (timestamp BIGINT, type STRING, date DATE) WITH (kafka_topic=\'s\')')).toMatchObject({
      columns: [{ name: { name: 'TIMESTAMP' } }, { name: { name: 'TYPE' } }, { name: { name: 'DATE' } }],
    });
  });

  it('rejects reserved words as unquoted identifiers, and the formatter quotes them', () => {
    const reserved = ['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'AS', 'EMIT', 'LIMIT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'NULL', 'TRUE', 'FALSE', 'IS', 'LIKE', 'IN', 'BETWEEN', 'CAST', 'CREATE', 'INSERT', 'INTO', 'VALUES', 'WITH', 'WINDOW', 'GROUP', 'BY', 'HAVING', 'PARTITION', 'JOIN', 'ON', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'OUTER', 'WITHIN', 'ESCAPE', 'DROP', 'DISTINCT', 'UNION'];
    const span = parseExpression('x').span;
    for (const w of reserved) {
      expect(() => parse(`DESCRIBE ${w}`), w).toThrow();
      expect(one(`DESCRIBE \`${w}\``)).toMatchObject({ name: { name: w, quoted: true } });
      expect(formatIdentifier({ kind: 'Identifier', name: w, quoted: false, span })).toBe(`\`${w}\``);
    }
  });
});

describe('literals and comments', () => {
  it('parses numbers by form', () => {
    expect(expr('123')).toEqual(int('123'));
    expect(expr('1.5')).toEqual({ kind: 'DecimalLiteral', text: '1.5' });
    expect(expr('.5')).toEqual({ kind: 'DecimalLiteral', text: '.5' });
    expect(expr('1.5E3')).toEqual({ kind: 'DoubleLiteral', text: '1.5E3' });
    expect(expr('1e-3')).toEqual({ kind: 'DoubleLiteral', text: '1e-3' });
    expect(expr("DECIMAL '1.50'")).toEqual({ kind: 'DecimalLiteral', text: '1.50' });
    expect(expr('-7')).toEqual({ kind: 'UnaryExpr', op: '-', operand: int('7') });
  });

  it('parses strings, NULL and booleans', () => {
    expect(expr("'it''s'")).toEqual(str("it's"));
    expect(expr("''")).toEqual(str(''));
    expect(expr("'a -- not a comment /* */'")).toEqual(str('a -- not a comment /* */'));
    expect(expr('null')).toEqual({ kind: 'NullLiteral' });
    expect(expr('True')).toEqual({ kind: 'BooleanLiteral', value: true });
    expect(expr('FALSE')).toEqual({ kind: 'BooleanLiteral', value: false });
  });

  it('treats comments as whitespace', () => {
    expect(strip(one('SELECT a -- first\n, /* second */ b FROM/**/s'))).toEqual(strip(one('SELECT a, b FROM s')));
  });
});

describe('expressions', () => {
  it('follows precedence: OR < AND < NOT < comparison < || < + - < * / % < unary', () => {
    expect(expr('a OR b AND c')).toEqual(bin('OR', col('A'), bin('AND', col('B'), col('C'))));
    expect(expr('NOT a AND b')).toEqual(bin('AND', { kind: 'UnaryExpr', op: 'NOT', operand: col('A') }, col('B')));
    expect(expr('NOT a = b')).toEqual({ kind: 'UnaryExpr', op: 'NOT', operand: bin('=', col('A'), col('B')) });
    expect(expr("a = b || 'x'")).toEqual(bin('=', col('A'), bin('||', col('B'), str('x'))));
    expect(expr('a || b + c')).toEqual(bin('||', col('A'), bin('+', col('B'), col('C'))));
    expect(expr('a + b * c')).toEqual(bin('+', col('A'), bin('*', col('B'), col('C'))));
    expect(expr('-a * b')).toEqual(bin('*', { kind: 'UnaryExpr', op: '-', operand: col('A') }, col('B')));
    expect(expr('(a + b) * c')).toEqual(bin('*', bin('+', col('A'), col('B')), col('C')));
  });

  it('is left-associative and maps != to <>', () => {
    expect(expr('a - b - c')).toEqual(bin('-', bin('-', col('A'), col('B')), col('C')));
    expect(expr('a / b % c')).toEqual(bin('%', bin('/', col('A'), col('B')), col('C')));
    expect(expr('a != b')).toEqual(bin('<>', col('A'), col('B')));
    for (const op of ['=', '<>', '<', '<=', '>', '>=']) expect(expr(`a ${op} 1`)).toEqual(bin(op, col('A'), int('1')));
  });

  it('parses predicates, negated and not', () => {
    expect(expr('a IS NULL')).toEqual({ kind: 'IsNullExpr', negated: false, value: col('A') });
    expect(expr('a IS NOT NULL')).toEqual({ kind: 'IsNullExpr', negated: true, value: col('A') });
    expect(expr("a NOT LIKE 'x%' ESCAPE '!'")).toEqual({
      kind: 'LikeExpr',
      negated: true,
      value: col('A'),
      pattern: str('x%'),
      escape: str('!'),
    });
    expect(expr('a BETWEEN 1 AND 2 AND b')).toEqual(
      bin('AND', { kind: 'BetweenExpr', negated: false, value: col('A'), low: int('1'), high: int('2') }, col('B')),
    );
    expect(expr('a NOT IN (1, 2)')).toEqual({ kind: 'InListExpr', negated: true, value: col('A'), list: [int('1'), int('2')] });
  });

  it('parses CASE (both forms), CAST and function calls', () => {
    expect(expr("CASE WHEN a > 1 THEN 'big' ELSE 'small' END")).toEqual({
      kind: 'CaseExpr',
      operand: null,
      whens: [{ when: bin('>', col('A'), int('1')), then: str('big') }],
      otherwise: str('small'),
    });
    expect(expr('CASE a WHEN 1 THEN 2 WHEN 3 THEN 4 END')).toMatchObject({ operand: col('A'), otherwise: null, whens: [{}, {}] });
    expect(expr('CAST(a AS DECIMAL(10, 2))')).toEqual({
      kind: 'CastExpr',
      value: col('A'),
      type: { kind: 'DecimalTypeExpr', precision: 10, scale: 2 },
    });
    expect(expr('substring(a, 1, 2)')).toEqual({ kind: 'FunctionCall', name: id('SUBSTRING'), args: [col('A'), int('1'), int('2')], star: false });
    expect(expr('now()')).toEqual({ kind: 'FunctionCall', name: id('NOW'), args: [], star: false });
  });

  it('parses every type form', () => {
    const type = (t: string) => {
      const e = parseExpression(`CAST(x AS ${t})`);
      if (e.kind !== 'CastExpr') throw new Error(e.kind);
      return strip(e.type);
    };
    const prim = (name: string) => ({ kind: 'PrimitiveTypeExpr', name });
    expect(['boolean', 'INT', 'integer', 'BIGINT', 'DOUBLE', 'STRING', 'varchar', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP'].map(type)).toEqual(
      ['BOOLEAN', 'INT', 'INT', 'BIGINT', 'DOUBLE', 'STRING', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP'].map(prim),
    );
    expect(type('MAP<STRING, ARRAY<INT>>')).toEqual({ kind: 'MapTypeExpr', key: prim('STRING'), value: { kind: 'ArrayTypeExpr', element: prim('INT') } });
    expect(type('STRUCT<name STRING, `Geo` STRUCT<lat DOUBLE>>')).toEqual({
      kind: 'StructTypeExpr',
      fields: [
        { name: id('NAME'), type: prim('STRING') },
        { name: id('Geo', true), type: { kind: 'StructTypeExpr', fields: [{ name: id('LAT'), type: prim('DOUBLE') }] } },
      ],
    });
    expect(type('my_type')).toEqual({ kind: 'NamedTypeExpr', name: id('MY_TYPE') });
  });
});

describe('spans', () => {
  it('gives every node its source range; binaries run from left operand to right operand', () => {
    const text = 'x + y * 2';
    const e = parseExpression(text);
    const slice = (n: Expr) => text.slice(n.span.start.offset, n.span.end.offset);
    if (e.kind !== 'BinaryExpr' || e.right.kind !== 'BinaryExpr') throw new Error('shape');
    expect([slice(e), slice(e.left), slice(e.right), slice(e.right.left), slice(e.right.right)]).toEqual(['x + y * 2', 'x', 'y * 2', 'y', '2']);
  });

  it('uses 1-based lines and columns and 0-based offsets', () => {
    const s = one('SELECT a\n  FROM s\n WHERE b IS NOT NULL');
    if (s.kind !== 'QueryStatement' || s.query.where === null) throw new Error('shape');
    expect(s.query.where.span).toEqual({ start: { offset: 25, line: 3, column: 8 }, end: { offset: 38, line: 3, column: 21 } });
    expect(s.query.from.span.start).toEqual({ offset: 16, line: 2, column: 8 });
  });
});

describe('syntax errors', () => {
  it('reports typical mistakes with a location and a short message', () => {
    expect(located('SELECT a, b\nWHERE a = 1')).toBe('2:1: Expected ",", AS, FROM, alias or operator but "WHERE" found');
    expect(located('SELECT a, FROM s')).toBe('1:11: Expected "*" or expression but "FROM" found');
    expect(located("CREATE STREAM s (a INT,) WITH (kafka_topic='s')")).toBe('1:24: Expected column name but ")" found');
    expect(located("SELECT * FROM s WHERE name = 'bob")).toBe('1:30: Unterminated string literal');
    expect(located('SHOW STREAMS\nSELECT * FROM s')).toBe('2:1: Expected ";" between statements but "SELECT" found');
    expect(located('SELECT * FROM s\nDESCRIBE s')).toBe('2:1: Expected ";" between statements but "DESCRIBE" found');
    expect(located('SELEC * FROM s')).toBe('1:1: Expected a statement (CREATE, SELECT, INSERT, …) but "SELEC" found');
    expect(located('SHOW STREAMS;\nUPDATE s SET a = 1')).toBe('2:1: Expected a statement (CREATE, SELECT, INSERT, …) but "UPDATE" found');
    expect(located('SELECT * FROM')).toBe('1:14: Unexpected end of input: expected source name');
    expect(located('SELECT * FROM s WHERE (a + 1 > 2')).toBe('1:33: Unexpected end of input: expected ")" or operator');
    expect(located('SELECT CAST(a AS) FROM s')).toBe('1:17: Expected type but ")" found');
    expect(located('SELECT * FROM s EMIT')).toBe('1:21: Unexpected end of input: expected CHANGES or FINAL');
    expect(located('SELECT * FROM s /* never closed')).toBe('1:17: Unterminated comment');
    expect(located('SELECT "abc FROM s')).toBe('1:8: Unterminated quoted identifier');
    expect(located("SET 'a' = 1")).toBe('1:11: Expected string but "1" found');
  });

  it('spans the offending token', () => {
    const e = syntaxError('SELECT * FROM s LIMIT ten');
    expect(e.message).toBe('Expected row count but "ten" found');
    expect(e.span).toEqual({ start: { offset: 22, line: 1, column: 23 }, end: { offset: 25, line: 1, column: 26 } });
  });

  it('throws only EngineError, also from parseExpression', () => {
    expect(() => parseExpression('a +')).toThrow('Unexpected end of input: expected expression');
    expect(() => parseExpression(`${'('.repeat(50)}1${')'.repeat(50)}`)).not.toThrow();
    const deep = `${'('.repeat(20000)}1${')'.repeat(20000)}`;
    const thrown = (() => {
      try {
        return parseExpression(deep);
      } catch (e) {
        return e;
      }
    })();
    expect(isEngineError(thrown) && thrown.message).toBe('Statement is nested too deeply to parse');
  });
});
