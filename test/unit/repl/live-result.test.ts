// LiveResult: stream rows append (newest kept), table rows are replaced in place by key and removed on delete.

import { describe, expect, it } from 'vitest';
import type { Change, Column } from '../../../src/common/index.js';
import { LiveResult } from '../../../src/repl/live-result.js';

const streamColumns: Column[] = [
  { name: 'ID', type: { kind: 'INT' }, namespace: 'key' },
  { name: 'V', type: { kind: 'STRING' }, namespace: 'value' },
];
const tableColumns: Column[] = [
  { name: 'REGION', type: { kind: 'STRING' }, namespace: 'key' },
  { name: 'TOTAL', type: { kind: 'DOUBLE' }, namespace: 'value' },
];
const insert = (id: number, v: string): Change => ({ op: 'insert', row: [id, v], timestamp: 0 });
const upsert = (region: string, total: number): Change => ({ op: 'upsert', row: [region, total], timestamp: 0 });
const remove = (region: string): Change => ({ op: 'delete', row: [region, null], timestamp: 0 });

describe('LiveResult', () => {
  it('appends stream rows (even with key columns) and shows the newest', () => {
    const result = new LiveResult(streamColumns, 3);
    for (let i = 1; i <= 5; i++) result.apply(insert(i, `v${i}`));
    result.apply(insert(1, 'again'));
    expect(result.size).toBe(6);
    expect(result.received).toBe(6);
    expect(result.snapshot(2)).toEqual({ columns: ['ID', 'V'], rows: [['5', 'v5'], ['1', 'again']], hidden: 4 });
    expect(result.snapshot().rows).toEqual([['4', 'v4'], ['5', 'v5'], ['1', 'again']]);
  });

  it('updates table rows in place by key and removes deleted ones', () => {
    const result = new LiveResult(tableColumns);
    result.apply(upsert('north', 1));
    result.apply(upsert('south', 2));
    result.apply(upsert('east', 3));
    result.apply(upsert('north', 10.5));
    expect(result.snapshot().rows).toEqual([['north', '10.5'], ['south', '2.0'], ['east', '3.0']]);
    result.apply(remove('south'));
    result.apply(remove('nowhere'));
    expect(result.snapshot()).toEqual({ columns: ['REGION', 'TOTAL'], rows: [['north', '10.5'], ['east', '3.0']], hidden: 0 });
    expect([result.size, result.received, result.deleted]).toEqual([2, 6, 1]);
    expect(result.snapshot(1)).toEqual({ columns: ['REGION', 'TOTAL'], rows: [['north', '10.5']], hidden: 1 });
  });

  it('measures rows per second over the last few seconds', () => {
    const result = new LiveResult(streamColumns);
    expect(result.rate(0)).toBe(0);
    for (let i = 0; i < 10; i++) result.apply(insert(i, 'x'));
    expect(result.rate(1000)).toBe(10);
    expect(result.rate(2000)).toBe(5);
    expect(result.rate(20_000)).toBe(0);
  });
});
