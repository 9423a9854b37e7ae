// Unit tests for planning: planLogical → optimize → planPhysical, the EXPLAIN text, and the versioned JSON plan.

import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisContext, type BoundStatement } from '../../../src/analyze/index.js';
import { catalogOf, type SourceDefinition } from '../../../src/catalog/index.js';
import { isEngineError } from '../../../src/common/index.js';
import {
  decodePhysicalPlan,
  explainPhysicalPlan,
  explainPlans,
  optimize,
  PHYSICAL_PLAN_FORMAT_VERSION,
  planLogical,
  planPhysical,
  planAggregates,
  planSources,
  RULES,
  withoutStateInTables,
  type LogicalPlan,
  type PhysicalPlan,
} from '../../../src/plan/index.js';
import { parse } from '../../../src/sql/index.js';

const TOPICS = new Map([['orders', { name: 'orders', partitions: 2 }]]);

function bind(sql: string, ctx: AnalysisContext): BoundStatement {
  const [parsed] = parse(sql);
  if (parsed === undefined) throw new Error(`no statement: ${sql}`);
  return analyze(parsed, ctx);
}

const created = bind(
  "CREATE STREAM orders (id STRING KEY, amount DOUBLE, qty INT, name STRING, ts BIGINT) WITH (kafka_topic='orders', value_format='JSON', timestamp='ts')",
  { catalog: catalogOf([], []), topics: TOPICS },
);
if (created.kind !== 'BoundCreateSource') throw new Error(created.kind);
const ORDERS: SourceDefinition = created.source;
const CTX: AnalysisContext = { catalog: catalogOf([ORDERS], []), topics: TOPICS };

interface Planned {
  readonly unoptimized: LogicalPlan;
  readonly logical: LogicalPlan;
  readonly physical: PhysicalPlan;
}

/** A SELECT or a CREATE … AS SELECT, planned the way the engine plans it. */
function plan(sql: string, queryId = 'Q_1'): Planned {
  const bound = bind(sql, CTX);
  const [query, sink] =
    bound.kind === 'BoundQueryStatement' ? [bound.query, null] : bound.kind === 'BoundCreateAsSelect' ? [bound.query, bound.sink] : [null, null];
  if (query === null) throw new Error(`not a query: ${bound.kind}`);
  const unoptimized = planLogical(query, sink);
  const logical = optimize(unoptimized);
  return { unoptimized, logical, physical: planPhysical(logical, queryId) };
}

const explain = (p: Planned): string[] => explainPlans(p.logical, p.physical).split('\n');

describe('planLogical', () => {
  it('builds source → filter → project, and a sink on top for a persistent query', () => {
    const { unoptimized } = plan('CREATE STREAM big AS SELECT id, amount FROM orders WHERE qty > 10');
    expect(unoptimized.mode).toBe('persistent');
    const kinds: string[] = [];
    for (let node: LogicalPlan['root'] | undefined = unoptimized.root; node !== undefined; node = node.kind === 'LogicalSource' || node.kind === 'LogicalTableScan' || node.kind === 'LogicalJoin' ? undefined : node.input) {
      kinds.push(node.kind);
    }
    expect(kinds).toEqual(['LogicalSink', 'LogicalProject', 'LogicalFilter', 'LogicalSource']);
  });

  it('a push query has EMIT CHANGES, a pull query none; LIMIT is kept', () => {
    expect(plan('SELECT id FROM orders EMIT CHANGES LIMIT 3').logical).toMatchObject({ mode: 'push', limit: 3 });
    expect(plan('SELECT id FROM orders').logical).toMatchObject({ mode: 'pull', limit: null });
  });
});

describe('optimize and EXPLAIN', () => {
  it('lists its rules by name', () => {
    expect(RULES.map((r) => r.name)).toEqual(expect.arrayContaining(['remove-true-filter', 'prune-source-columns']));
  });

  it('removes WHERE TRUE and makes the source read only the columns used (plus event time)', () => {
    const p = plan('SELECT id, qty * 2 AS q2 FROM orders WHERE TRUE EMIT CHANGES LIMIT 3');
    expect(explain(p)).toEqual([
      'Query Q_1 (push, LIMIT 3)',
      'Logical plan:',
      '  Project ID := ID, Q2 := (QTY * 2)',
      "    Source ORDERS (topic 'orders', reads ID, QTY, TS)",
      'Physical plan (format 2):',
      '  PhysicalProject ID := ID, Q2 := (QTY * 2)',
      '    schema: ID STRING, Q2 INT',
      "    PhysicalSource ORDERS <- topic 'orders' [key KAFKA, value JSON] event time: TS; decodes: ID, QTY, TS",
      '      schema: ID STRING KEY, AMOUNT DOUBLE, QTY INT, NAME STRING, TS BIGINT',
    ]);
  });

  it('without the rules, the filter stays and the source decodes everything', () => {
    const p = plan('SELECT id FROM orders WHERE TRUE');
    const text = explainPlans(p.unoptimized, planPhysical(p.unoptimized, 'Q_1'));
    expect(text).toContain('\n    Filter true\n');
    expect(text).toContain("Source ORDERS (topic 'orders', reads all columns)");
    expect(text).toContain('decodes: all');
  });

  it('each rule does its own part', () => {
    const p = plan('SELECT id FROM orders WHERE TRUE');
    const only = (name: string): string => {
      const rules = RULES.filter((r) => r.name === name);
      expect(rules).toHaveLength(1);
      const logical = optimize(p.unoptimized, rules);
      return explainPlans(logical, planPhysical(logical, 'Q_1'));
    };
    const removed = only('remove-true-filter');
    expect(removed).not.toContain('Filter');
    expect(removed).toContain('reads all columns');
    const pruned = only('prune-source-columns');
    expect(pruned).toContain('Filter true');
    expect(pruned).toContain("Source ORDERS (topic 'orders', reads ID, TS)");
  });

  it('keeps a real filter and reads the columns it needs', () => {
    const lines = explain(plan("SELECT name FROM orders WHERE amount > 1.5E0 AND id <> 'x'"));
    expect(lines).toContain("    Filter ((AMOUNT > 1.5) AND (ID <> 'x'))");
    expect(lines).toContain("      Source ORDERS (topic 'orders', reads ID, AMOUNT, NAME, TS)");
    expect(lines[0]).toBe('Query Q_1 (pull)');
  });

  it('a persistent query writes its sink and decodes every column its projection and filter use', () => {
    const p = plan('CREATE STREAM big AS SELECT id, amount FROM orders WHERE qty > 10', 'CSAS_BIG_1');
    const lines = explain(p);
    expect(lines[0]).toBe('Query CSAS_BIG_1 (persistent)');
    expect(lines).toContain("  Sink BIG (topic 'BIG')");
    expect(lines).toContain("  PhysicalSink BIG -> topic 'BIG' [key KAFKA, value JSON]");
    expect(lines).toContain('    schema: ID STRING KEY, AMOUNT DOUBLE');
    expect(lines.some((l) => l.includes('decodes: ID, AMOUNT, QTY, TS'))).toBe(true);
    expect(explainPhysicalPlan(p.physical).split('\n').slice(0, 2)).toEqual(['Query CSAS_BIG_1 (persistent)', 'Physical plan (format 2):']);
  });
});

describe('the physical plan', () => {
  const queries = [
    'SELECT id, qty * 2 AS q2 FROM orders WHERE TRUE EMIT CHANGES LIMIT 3',
    "SELECT name, CAST(qty AS BIGINT) + 9007199254740993 AS b, 1.50 AS d, UCASE(name) AS u FROM orders WHERE name LIKE 'a%' OR qty IN (1, 2, NULL)",
    'SELECT CASE WHEN qty BETWEEN 1 AND 5 THEN \'low\' ELSE NULL END AS c, ROWTIME, ROWOFFSET FROM orders WHERE amount IS NOT NULL',
    'CREATE STREAM big AS SELECT id, amount FROM orders WHERE qty > 10',
  ];

  it('is JSON data: a JSON round trip gives back an equal plan', () => {
    for (const sql of queries) {
      const { physical } = plan(sql);
      expect(JSON.parse(JSON.stringify(physical)), sql).toEqual(physical);
      expect(decodePhysicalPlan(JSON.parse(JSON.stringify(physical)) as unknown), sql).toEqual(physical);
    }
  });

  it('carries the format version, the query id, the event-time column index and its source', () => {
    const { physical } = plan('SELECT id FROM orders', 'Q_42');
    // Written with the lowest format that has its nodes: version 2 without a flat map, 3 with one, 4 with an aggregation's state in its table, 5 under text keys.
    expect(physical).toMatchObject({ formatVersion: 2, queryId: 'Q_42', mode: 'pull', limit: null });
    expect(plan('SELECT id, EXPLODE(ARRAY[qty, 1]) AS q FROM orders EMIT CHANGES').physical.formatVersion).toBe(3);
    expect(plan('CREATE TABLE t AS SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty').physical.formatVersion).toBe(4);
    expect(plan('CREATE TABLE t AS SELECT name, COUNT(*) AS n FROM orders GROUP BY name').physical.formatVersion).toBe(PHYSICAL_PLAN_FORMAT_VERSION);
    const [source, ...more] = planSources(physical.root);
    expect(more).toEqual([]);
    expect(source).toMatchObject({ kind: 'PhysicalSource', sourceName: 'ORDERS', topic: 'orders', timestampColumn: 4, readColumns: [0, 4] });
  });

  it('decodePhysicalPlan refuses another format version and things that are not plans', () => {
    const { physical } = plan('SELECT id FROM orders', 'CSAS_OLD_7');
    const codeOf = (json: unknown): string => {
      try {
        decodePhysicalPlan(json);
      } catch (e) {
        if (isEngineError(e)) return `${e.code}: ${e.message}`;
        throw e;
      }
      return 'accepted';
    };
    expect(codeOf({ ...physical, formatVersion: PHYSICAL_PLAN_FORMAT_VERSION + 1 })).toBe(
      `NOT_SUPPORTED: Query CSAS_OLD_7 was stored with plan format ${PHYSICAL_PLAN_FORMAT_VERSION + 1}; this Eddy reads format ${PHYSICAL_PLAN_FORMAT_VERSION}.`,
    );
    expect(codeOf({ ...physical, formatVersion: undefined })).toMatch(/^NOT_SUPPORTED: .*plan format undefined/);
    expect(codeOf({ ...physical, formatVersion: '1' })).toMatch(/^NOT_SUPPORTED/);
    expect(codeOf(null)).toMatch(/^INTERNAL/);
    expect(codeOf({ formatVersion: 1 })).toMatch(/^INTERNAL/);
    expect(codeOf('plan')).toMatch(/^INTERNAL/);
    expect(codeOf(physical)).toBe('accepted');
  });
});

describe('an aggregation state kept in its materialized table', () => {
  const stateTable = (sql: string) => planAggregates(plan(sql).physical.root)[0]?.stateTable;

  it('is marked when the table holds every result, of a function whose result is its state, under INT/BIGINT keys', () => {
    const p = plan('CREATE TABLE t AS SELECT qty, COUNT(*) AS n, SUM(ts) AS s, MAX(qty) AS m, MIN(ts) AS lo FROM orders GROUP BY qty');
    expect(p.physical.formatVersion).toBe(4);
    expect(planAggregates(p.physical.root)[0]?.stateTable).toMatchObject({ tableName: 'T', resultColumns: [1, 2, 3, 4] });
    expect(explain(p)).toContain('          state: the rows of SQLite table "T" (read back by key; no store of its own)');
    // A computed column besides the results, and a GROUP BY of two columns.
    expect(stateTable('CREATE TABLE t AS SELECT qty, MAX(ts) AS m, COUNT(*) AS n, COUNT(*) * 2 AS twice FROM orders GROUP BY qty')?.resultColumns).toEqual([1, 2]);
    expect(stateTable('CREATE TABLE t AS SELECT qty, ts, COUNT(*) AS n FROM orders GROUP BY qty, ts')?.resultColumns).toEqual([2]);
  });

  it('under text keys too, written as format 5 (a format-4 build would not look in the store for keys SQLite cannot give back exactly)', () => {
    for (const sql of ['CREATE TABLE t AS SELECT name, COUNT(*) AS n FROM orders GROUP BY name', 'CREATE TABLE t AS SELECT name, qty, MAX(ts) AS m FROM orders GROUP BY name, qty']) {
      const p = plan(sql);
      expect(planAggregates(p.physical.root)[0]?.stateTable, sql).toBeDefined();
      expect(p.physical.formatVersion, sql).toBe(5);
      expect(explain(p), sql).toContain('          state: the rows of SQLite table "T" (read back by key; a store only for keys whose text SQLite cannot keep exactly)');
    }
    expect(plan('CREATE TABLE t AS SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty').physical.formatVersion).toBe(4);
    expect(stateTable('CREATE TABLE t AS SELECT id, COUNT(*) AS n FROM orders GROUP BY id')).toBeDefined();
  });

  it('is not marked where the table cannot give the state back exactly, or does not get every change', () => {
    for (const sql of [
      'CREATE TABLE t AS SELECT qty, SUM(amount) AS s FROM orders GROUP BY qty', // DOUBLE (NaN is NULL in SQLite)
      'CREATE TABLE t AS SELECT qty, AVG(ts) AS a FROM orders GROUP BY qty', // the result is not the state
      'CREATE TABLE t AS SELECT qty, MAX(name) AS a FROM orders GROUP BY qty', // text results
      'CREATE TABLE t AS SELECT qty, COUNT(*) * 2 AS n FROM orders GROUP BY qty', // the result only computed from
      'CREATE TABLE t AS SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty HAVING COUNT(*) > 1', // not every group is in the table
      'CREATE TABLE t AS SELECT qty, COUNT(*) AS n FROM orders WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY qty', // windowed
      'SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty EMIT CHANGES', // no table
    ]) {
      const p = plan(sql);
      expect(planAggregates(p.physical.root)[0]?.stateTable, sql).toBeUndefined();
      expect(p.physical.formatVersion, sql).toBe(2);
      expect(explain(p).join('\n'), sql).not.toContain('state: the rows of');
    }
  });

  it('withoutStateInTables removes the mark (a replaced query keeps its state where its old plan kept it)', () => {
    const root = withoutStateInTables(plan('CREATE TABLE t AS SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty').physical.root);
    expect(planAggregates(root)[0]).not.toHaveProperty('stateTable');
    expect(JSON.stringify(root)).not.toContain('stateTable');
  });
});
