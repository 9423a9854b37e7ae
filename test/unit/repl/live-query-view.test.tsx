// The live view of a table result (upserts and deletes by key) redrawn in place; the status line's counts and hints.

import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, Column } from '../../../src/common/index.js';
import type { TransientQuery } from '../../../src/engine/index.js';
import { LiveQueryView } from '../../../src/repl/components/live-query-view.js';
import { LiveResult } from '../../../src/repl/live-result.js';
import type { RunningQuery } from '../../../src/repl/repl-controller.js';

/**
 * Aggregations (tables) arrive from another branch; until then this stands in for what the engine's
 * TransientQuery delivers for one: upserts and deletes of rows whose key columns say which row.
 */
const COLUMNS: Column[] = [
  { name: 'REGION', type: { kind: 'STRING' }, namespace: 'key' },
  { name: 'ORDERS', type: { kind: 'BIGINT' }, namespace: 'value' },
  { name: 'TOTAL', type: { kind: 'DOUBLE' }, namespace: 'value' },
];

function tableQuery(stats = { recordsIn: 0, errors: 0, lateDropped: 0 }, startsFrom: 'earliest' | 'latest' = 'earliest'): TransientQuery {
  return { id: 'transient_ORDERS_7', mode: 'push', columns: COLUMNS, limit: null, startsFrom, stats: () => stats, run: () => Promise.resolve() };
}

const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

const upsert = (region: string, orders: bigint, total: number): Change => ({ op: 'upsert', row: [region, orders, total], timestamp: 0 });
const remove = (region: string): Change => ({ op: 'delete', row: [region, null, null], timestamp: 0 });

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: [...FAKED] });
});
afterEach(() => vi.useRealTimers());

describe('LiveQueryView', () => {
  it('updates table rows in place by key and removes deleted ones', async () => {
    const running: RunningQuery = { query: tableQuery(), result: new LiveResult(COLUMNS), startedAt: Date.now(), abort: new AbortController() };
    const view = render(<LiveQueryView running={running} mode="table" size={{ columns: 80, rows: 24 }} />);
    running.result.apply(upsert('north', 1n, 10));
    running.result.apply(upsert('south', 1n, 5.5));
    await wait(100);
    expect(view.lastFrame()?.split('\n').slice(0, 6)).toEqual([
      '+--------+--------+-------+',
      '| REGION | ORDERS | TOTAL |',
      '+--------+--------+-------+',
      '| north  | 1      | 10.0  |',
      '| south  | 1      | 5.5   |',
      '+--------+--------+-------+',
    ]);

    running.result.apply(upsert('north', 2n, 25.25));
    running.result.apply(upsert('east', 1n, 3));
    running.result.apply(upsert('north', 3n, 40));
    running.result.apply(remove('south'));
    await wait(1900);
    const lines = view.lastFrame()?.split('\n') ?? [];
    expect(lines.slice(0, 6)).toEqual([
      '+--------+--------+-------+',
      '| REGION | ORDERS | TOTAL |',
      '+--------+--------+-------+',
      '| north  | 3      | 40.0  |',
      '| east   | 1      | 3.0   |',
      '+--------+--------+-------+',
    ]);
    expect(lines[6]).toMatch(/^▶ transient_ORDERS_7 · 2 rows \(6 changes\) · [\d.]+ rows\/s · 0:02 · 1 deleted · Ctrl-C to stop$/);
    view.unmount();
  });

  it('shows error and late-dropped counts, and where a query reads from', async () => {
    const query = tableQuery({ recordsIn: 10, errors: 2, lateDropped: 1 }, 'latest');
    const running: RunningQuery = { query, result: new LiveResult(COLUMNS), startedAt: Date.now(), abort: new AbortController() };
    const view = render(<LiveQueryView running={running} mode="table" size={{ columns: 200, rows: 24 }} />);
    await wait(100);
    const frame = view.lastFrame() ?? '';
    expect(frame).toContain('· 1 late-dropped · 2 errors · Ctrl-C to stop');
    expect(frame).toContain("Nothing yet? SET 'auto.offset.reset'='earliest'; and run it again");
    view.unmount();
  });

  it('drops the first-query hint once a latest query has shown a row', async () => {
    const running: RunningQuery = { query: tableQuery(undefined, 'latest'), result: new LiveResult(COLUMNS), startedAt: Date.now(), abort: new AbortController() };
    const view = render(<LiveQueryView running={running} mode="table" size={{ columns: 200, rows: 24 }} />);
    await wait(100);
    expect(view.lastFrame()).toContain('Nothing yet');
    running.result.apply(upsert('west', 1n, 1.5));
    await wait(100);
    const frame = view.lastFrame() ?? '';
    expect(frame).not.toContain('Nothing yet');
    expect(frame).toContain("Reading from latest (new records only). For all data: SET 'auto.offset.reset' = 'earliest';");
    view.unmount();
  });

  it('prints rows as JSON objects in json output mode', async () => {
    const running: RunningQuery = { query: tableQuery(), result: new LiveResult(COLUMNS), startedAt: Date.now(), abort: new AbortController() };
    const view = render(<LiveQueryView running={running} mode="json" size={{ columns: 100, rows: 24 }} />);
    running.result.apply(upsert('west', 12345678901234567890n, 1.5));
    await wait(100);
    expect(view.lastFrame()?.split('\n')[0]).toBe('{"REGION":"west","ORDERS":"12345678901234567890","TOTAL":1.5}');
    view.unmount();
  });

  it('narrows columns to fit a small terminal (one column left free)', async () => {
    const running: RunningQuery = { query: tableQuery(), result: new LiveResult(COLUMNS), startedAt: Date.now(), abort: new AbortController() };
    const view = render(<LiveQueryView running={running} mode="table" size={{ columns: 26, rows: 24 }} />);
    running.result.apply(upsert('a region with a long name', 1n, 1));
    await wait(100);
    const table = view.lastFrame()?.split('\n').slice(0, 5) ?? [];
    expect(table).toEqual([
      '+-------+-------+-------+',
      '| REGI… | ORDE… | TOTAL |',
      '+-------+-------+-------+',
      '| a re… | 1     | 1.0   |',
      '+-------+-------+-------+',
    ]);
    view.unmount();
  });
});
