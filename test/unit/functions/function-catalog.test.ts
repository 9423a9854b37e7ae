// The function catalog: all 149 of ksqlDB's built-ins exist, each with a description, signatures, and at least one test.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFunction, describeFunctions, listFunctions, moreAggregates, tableFunctions } from '../../../src/functions/index.js';

/** Aggregates the tables branch provides (basic-aggregates.ts); they complete ksqlDB's 18. */
const BASIC_AGGREGATES = ['AVG', 'COUNT', 'MAX', 'MIN', 'SUM'];
const TEST_ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []));
}

describe('the function catalog', () => {
  const all = describeFunctions();

  it("has ksqlDB's 129 scalar, 13 further aggregate (18 with COUNT/SUM/MIN/MAX/AVG) and 2 table functions: 149", () => {
    expect(listFunctions()).toHaveLength(129);
    expect(moreAggregates).toHaveLength(13);
    expect(tableFunctions).toHaveLength(2);
    expect(all.length + BASIC_AGGREGATES.length).toBe(149);
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
    expect(all.map((f) => f.name)).toEqual([...all.map((f) => f.name)].sort());
  });

  it('gives every function a one-line description of its own and formatted signatures', () => {
    for (const f of all) {
      expect(f.description.length, f.name).toBeGreaterThan(15);
      expect(f.description, f.name).not.toContain('\n');
      expect(f.description.endsWith('.'), f.name).toBe(true);
      expect(f.signatures.length, f.name).toBeGreaterThan(0);
      for (const s of f.signatures) expect(s, f.name).toMatch(new RegExp(`^${f.name}\\(.*\\) → \\S`));
    }
    expect(new Set(all.map((f) => f.description)).size).toBe(all.length);
  });

  it('formats signatures with generics, variadics, lambdas and result types', () => {
    expect(describeFunction('substring')?.signatures).toEqual([
      'SUBSTRING(STRING, INT) → STRING',
      'SUBSTRING(STRING, INT, INT) → STRING',
      'SUBSTRING(BYTES, INT) → BYTES',
      'SUBSTRING(BYTES, INT, INT) → BYTES',
    ]);
    expect(describeFunction('TRANSFORM')?.signatures).toEqual(['TRANSFORM(ARRAY<T>, (T) => U) → ARRAY<U>', 'TRANSFORM(MAP<K, V>, (K, V) => K2, (K, V) => V2) → MAP<K2, V2>']);
    expect(describeFunction('CONCAT_WS')?.signatures[0]).toBe('CONCAT_WS(STRING, STRING, STRING...) → STRING');
    expect(describeFunction('ROUND')?.signatures).toContain('ROUND(DECIMAL) → DECIMAL');
    expect(describeFunction('ENTRIES')?.signatures).toEqual(['ENTRIES(MAP<STRING, V>, BOOLEAN) → ARRAY<STRUCT<K STRING, V V>>']);
    expect(describeFunction('COUNT_DISTINCT')).toMatchObject({ kind: 'AGGREGATE', category: 'AGGREGATE', approximate: true });
    expect(describeFunction('EXPLODE')).toMatchObject({ kind: 'TABLE', category: 'TABLE', signatures: ['EXPLODE(ARRAY<T>) → T'] });
    expect(describeFunction('ucase')).toMatchObject({ kind: 'SCALAR', category: 'STRING' });
    expect(describeFunction('nope')).toBeUndefined();
  });

  it('lets the aggregate registry pass its full list in', () => {
    const extra = { ...moreAggregates[0], name: 'COUNT' } as (typeof moreAggregates)[number];
    expect(describeFunctions([extra]).filter((f) => f.kind === 'AGGREGATE').map((f) => f.name)).toEqual(['COUNT']);
  });

  it('has at least one test per function: a unit test naming it, or a golden case calling it', () => {
    const unit = filesUnder(join(TEST_ROOT, 'unit', 'functions'), '.test.ts')
      .filter((f) => !f.endsWith('function-catalog.test.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const golden = filesUnder(join(TEST_ROOT, 'golden', 'functions'), '.sql')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
      .toUpperCase();
    const untested = all.map((f) => f.name).filter((name) => !unit.includes(`'${name}'`) && !new RegExp(`\\b${name}\\(`).test(golden));
    expect(untested).toEqual([]);
    const goldenless = listFunctions()
      .map((f) => f.name)
      .filter((name) => !new RegExp(`\\b${name}\\(`).test(golden));
    // Until lambdas are in the SQL dialect, only these scalar functions lack a golden case.
    expect(goldenless.sort()).toEqual(['FILTER', 'REDUCE', 'TRANSFORM']);
  });
});
