// Unit tests for a stream-stream join's in-memory buffers: the same output as reading the stores per record, across restarts, rollbacks and layout changes.

import { describe, expect, it } from 'vitest';
import { SqlTypes, type Change, type Column, type Row, type Schema } from '../../../src/common/index.js';
import { newCounters, type OperatorContext, type SourceRecord, type StateStore } from '../../../src/exec/index.js';
import { StreamStreamJoinOperator } from '../../../src/exec/join/stream-stream-join.js';
import type { BoundExpr, PhysicalJoin } from '../../../src/plan/index.js';
import { ChangelogStateStore, openDataDirectory, SqliteStateRestorer, SqliteStateStore } from '../../../src/state/index.js';
import { jsonSource } from './plan-fixtures.js';

type Db = ReturnType<typeof openDataDirectory>;

const columns = (side: string): Column[] => [
  { name: 'K', type: SqlTypes.STRING, namespace: 'value' },
  { name: side, type: SqlTypes.BIGINT, namespace: 'value' },
  { name: 'ROWPARTITION', type: SqlTypes.INT, namespace: 'pseudo' },
  { name: 'ROWOFFSET', type: SqlTypes.BIGINT, namespace: 'pseudo' },
];
const left: Schema = { columns: columns('L') };
const right: Schema = { columns: columns('R') };

const columnK: BoundExpr = { kind: 'ColumnRef', type: SqlTypes.STRING, index: 0, name: 'K' };

/** `l <joinType> JOIN r WITHIN (3 SECONDS, 2 SECONDS) GRACE PERIOD 1 SECOND ON l.k = r.k` (or on `key` of each side). */
function join(joinType: PhysicalJoin['joinType'], key: BoundExpr = columnK): PhysicalJoin {
  return {
    kind: 'PhysicalJoin',
    left: jsonSource('l', left),
    right: jsonSource('r', right),
    flavor: 'STREAM_STREAM',
    joinType,
    leftKeys: [key],
    rightKeys: [key],
    within: { beforeMs: 3000, afterMs: 2000, graceMs: 1000 },
    stateName: 'join',
    schema: { columns: [...left.columns, ...right.columns] },
  };
}

interface Batch {
  readonly side: 'left' | 'right';
  readonly changes: readonly Change[];
}

/** A seeded sequence of batches: repeated (key, time) pairs, out-of-order and late records, NULL keys, keys SQLite and UTF-16 order differently. */
function batches(seed: number, count: number): Batch[] {
  let s = seed;
  const random = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const keys = ['a', 'b', 'é', '\uE000', '😀', null];
  const out: Batch[] = [];
  let offset = 0;
  let base = 10_000;
  for (let b = 0; b < count; b++) {
    const changes: Change[] = [];
    const n = 1 + Math.floor(random() * 8);
    for (let i = 0; i < n; i++) {
      base += Math.floor(random() * 3) * 500;
      const jitter = random() < 0.15 ? -Math.floor(random() * 12) * 1000 : -Math.floor(random() * 4) * 500;
      // Some BIGINTs beyond ±2^53, which the buffer keeps as text.
      const value = offset % 9 === 4 ? (offset % 2 === 0 ? 2n ** 62n + BigInt(offset) : -(2n ** 53n)) : BigInt(offset);
      const row: Row = [keys[Math.floor(random() * keys.length)] ?? null, value, 0, BigInt(offset)];
      changes.push({ op: 'insert', row, timestamp: base + jitter });
      offset++;
    }
    out.push({ side: random() < 0.5 ? 'left' : 'right', changes });
  }
  return out;
}

/** Every BIGINT beyond ±2^53 in the output is exactly the one `batches` made (2^62 + its offset, or −2^53): none lost precision in the buffer. */
function expectExactBigints(out: readonly string[]): void {
  let big = 0;
  for (const line of out) {
    const row = JSON.parse(line.slice(line.indexOf(' ') + 1)) as unknown[];
    for (const at of [1, 5]) {
      const v = row[at];
      if (typeof v !== 'string') continue;
      big++;
      const exact = BigInt(v.slice(0, -1));
      expect(exact === -(2n ** 53n) || exact === 2n ** 62n + BigInt(row[at + 2] as number)).toBe(true);
    }
  }
  expect(big).toBeGreaterThan(5);
}

class Run {
  readonly out: string[] = [];
  readonly states: string[] = [];
  private op: StreamStreamJoinOperator;
  private readonly ctx: OperatorContext;

  constructor(
    private readonly db: Db,
    private readonly node: PhysicalJoin,
    private memoryLimit?: number,
    state: StateStore = new SqliteStateStore(db, 'Q'),
  ) {
    this.ctx = { queryId: 'Q', state, processingLog: { log: () => undefined }, counters: newCounters() };
    this.op = this.start();
  }

  /** A new operator over the same stored state, as after a process restart (with another memory limit). */
  restart(memoryLimit = this.memoryLimit): void {
    this.memoryLimit = memoryLimit;
    this.op = this.start();
  }

  /** Rewrites every stored segment in the first segment layout, as the build before the compact one wrote it. */
  toFirstSegmentLayout(): void {
    const rows = this.db.prepare("SELECT store, key, start_ms, end_ms, value FROM eddy_state_windows WHERE query_id = 'Q' AND key LIKE '#%'").all() as {
      store: string;
      key: string;
      start_ms: number;
      end_ms: number;
      value: string;
    }[];
    for (const r of rows) {
      const value = JSON.parse(r.value) as { v: 2; r: (number | unknown[])[]; m?: number[] };
      expect(value.v).toBe(2);
      const records: unknown[] = [];
      for (let i = 0; i < value.r.length; i += 2) {
        const start = r.start_ms + (value.r[i] as number);
        const row = value.r[i + 1] as unknown[];
        // Then keys were stored, BIGINTs were always text, and the end was stored: start + how far the window
        // reaches (2 s after a left record, 3 s after a right one) + 1 s grace.
        const text = row.map((v, c) => (c === 1 || c === 3 ? (v === null ? null : String(BigInt(v as number | string))) : v));
        records.push([JSON.stringify([row[0]]), start, start + (r.store.endsWith(':left') ? 3000 : 4000), text, value.m?.includes(i / 2) === true]);
      }
      // eddy_state_windows is a view of eddy_window_entries (keyed by the store's id) since state-windows migration 2.
      this.db
        .prepare(
          "UPDATE eddy_window_entries SET value = ? WHERE store_id = (SELECT id FROM eddy_window_stores WHERE query_id = 'Q' AND store = ?) AND key = ? AND start_ms = ? AND end_ms = ?",
        )
        .run(JSON.stringify({ records }), r.store, r.key, r.start_ms, r.end_ms);
    }
  }

  /** The stored segments' values now. */
  segments(): string[] {
    return (this.db.prepare("SELECT value FROM eddy_state_windows WHERE query_id = 'Q' AND key LIKE '#%'").all() as { value: string }[]).map((r) => r.value);
  }

  /** Entries in the window stores now. */
  entries(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM eddy_state_windows WHERE query_id = 'Q'").get() as { n: number }).n;
  }

  process(batch: Batch): void {
    this.db.transaction(() => this.feed(batch, this.out))();
    this.states.push(JSON.stringify(this.db.prepare("SELECT store, key, start_ms, end_ms, value FROM eddy_state_windows WHERE query_id = 'Q' ORDER BY 1, 2, 3, 4").all()));
  }

  /** Processes `batch` in a transaction that fails to commit, and tells the operator. */
  failing(batch: Batch): void {
    expect(() =>
      this.db.transaction(() => {
        this.feed(batch, []);
        throw new Error('commit failed');
      })(),
    ).toThrow('commit failed');
    this.op.onRollback();
  }

  private feed(batch: Batch, out: string[]): void {
    const emit = (changes: readonly Change[]) => {
      for (const c of changes) out.push(`${c.timestamp} ${JSON.stringify(c.row, (_, v: unknown) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : `${v}n`) : v))}`);
    };
    if (batch.side === 'left') this.op.onLeft(batch.changes, this.ctx, emit);
    else this.op.onRight(batch.changes, this.ctx, emit);
  }

  private start(): StreamStreamJoinOperator {
    return this.memoryLimit === undefined ? new StreamStreamJoinOperator(this.node) : new StreamStreamJoinOperator(this.node, this.memoryLimit);
  }
}

describe('stream-stream join buffers', () => {
  for (const joinType of ['INNER', 'LEFT', 'RIGHT', 'FULL'] as const) {
    it(`${joinType}: in memory, the output equals reading the stores per record`, () => {
      const input = batches(joinType.length * 7919, 120);
      const memory = new Run(openDataDirectory(':memory:'), join(joinType));
      const stored = new Run(openDataDirectory(':memory:'), join(joinType), 0);
      for (const batch of input) {
        memory.process(batch);
        stored.process(batch);
      }
      expect(memory.out.length).toBeGreaterThan(20);
      if (joinType !== 'INNER') expect(memory.out.some((line) => line.includes('null,null,null,null'))).toBe(true);
      expect(memory.out).toEqual(stored.out);
      // One entry per batch and side, not one per (key, event time).
      expect(memory.entries()).toBeLessThan(stored.entries());
    });
  }

  it('restarted from its stored state mid-window, emits what an uninterrupted join does', () => {
    const input = batches(42, 120);
    const whole = new Run(openDataDirectory(':memory:'), join('FULL'));
    const restarted = new Run(openDataDirectory(':memory:'), join('FULL'));
    input.forEach((batch, i) => {
      whole.process(batch);
      if (i % 7 === 3) restarted.restart();
      restarted.process(batch);
    });
    expect(restarted.out).toEqual(whole.out);
    expect(restarted.states).toEqual(whole.states);
  });

  it('forgets a rolled-back batch: its matches are undone, so outer rows still appear', () => {
    const input = batches(4242, 120);
    const whole = new Run(openDataDirectory(':memory:'), join('FULL'));
    const retried = new Run(openDataDirectory(':memory:'), join('FULL'));
    input.forEach((batch, i) => {
      whole.process(batch);
      if (i % 5 === 2) retried.failing(batch);
      retried.process(batch);
    });
    expect(retried.out).toEqual(whole.out);
    expect(retried.states).toEqual(whole.states);
  });

  it('a left record matched only by a rolled-back right record is emitted padded once its window closes', () => {
    const run = new Run(openDataDirectory(':memory:'), join('LEFT'));
    const record = (side: 'left' | 'right', k: string, t: number): Batch => ({ side, changes: [{ op: 'insert', row: [k, 1n, 0, BigInt(t)], timestamp: t }] });
    run.process(record('left', 'a', 10_000));
    run.failing(record('right', 'a', 11_000));
    // Stream time 20 000 closes the left record's window (10 000 + 2 s + 1 s grace).
    run.process(record('right', 'z', 20_000));
    expect(run.out).toEqual(['10000 ["a",1,0,10000,null,null,null,null]']);
  });

  it('over its memory limit, rewrites its state as an entry per (key, event time) and reads it per record, with the same output', () => {
    const input = batches(77, 120);
    const memory = new Run(openDataDirectory(':memory:'), join('FULL'));
    const limited = new Run(openDataDirectory(':memory:'), join('FULL'), 8);
    const stored = new Run(openDataDirectory(':memory:'), join('FULL'), 0);
    for (const batch of input) {
      memory.process(batch);
      limited.process(batch);
      stored.process(batch);
    }
    expect(limited.out).toEqual(memory.out);
    // In memory (segments) at first; once over the limit, the same entries as a join that never kept them in memory.
    const converted = limited.states.findIndex((state, i) => state === stored.states[i] && state.includes('"rows"'));
    expect(limited.states.slice(0, converted).some((state) => state.includes('"key":"#'))).toBe(true);
    expect(limited.states.slice(converted)).toEqual(stored.states.slice(converted));
  });

  it('switches between the layouts across restarts: per-record state is loaded into memory, memory state rewritten per record', () => {
    for (const joinType of ['LEFT', 'FULL'] as const) {
      const input = batches(99, 150);
      const whole = new Run(openDataDirectory(':memory:'), join(joinType));
      const switching = new Run(openDataDirectory(':memory:'), join(joinType), 0);
      input.forEach((batch, i) => {
        whole.process(batch);
        if (i % 10 === 5) switching.restart(i % 20 === 5 ? undefined : 0);
        switching.process(batch);
      });
      expect(switching.out).toEqual(whole.out);
    }
  });

  it('on Kafka, state restored from the changelog of its writes continues as the uninterrupted join', () => {
    const input = batches(2024, 120);
    const db = openDataDirectory(':memory:');
    const state = new ChangelogStateStore(db, 'Q', 'changelog');
    const whole = new Run(db, join('FULL'), undefined, state);
    const changelog: SourceRecord[] = [];
    let restored: Run | undefined;
    input.forEach((batch, i) => {
      whole.process(batch);
      for (const r of state.drain()) changelog.push({ topic: r.topic, partition: 0, offset: changelog.length, timestamp: r.timestamp, key: r.key, value: r.value });
      if (i === 60) {
        // Another process takes over: it rebuilds the state from the changelog alone.
        const other = openDataDirectory(':memory:');
        new SqliteStateRestorer(other, 'Q', [], () => undefined).apply(changelog);
        restored = new Run(other, join('FULL'));
      } else if (restored !== undefined) {
        restored.process(batch);
      }
    });
    expect(changelog.some((r) => r.key !== null && Buffer.from(r.key).toString().includes('"#'))).toBe(true);
    expect(restored?.out).toEqual(whole.out.slice(whole.out.length - (restored?.out.length ?? 0)));
    expect(restored?.out.length).toBeGreaterThan(10);
    expect(restored?.states.at(-1)).toEqual(whole.states.at(-1));
  });

  it('continues from segments of the first layout (keys, ends and BIGINT text stored): the state a data directory of the build before holds', () => {
    for (const joinType of ['INNER', 'FULL'] as const) {
      const input = batches(31337, 150);
      const whole = new Run(openDataDirectory(':memory:'), join(joinType));
      const upgraded = new Run(openDataDirectory(':memory:'), join(joinType));
      let converted = 0;
      input.forEach((batch, i) => {
        whole.process(batch);
        if (i % 12 === 6) {
          converted += upgraded.segments().length;
          upgraded.toFirstSegmentLayout();
          upgraded.restart();
        }
        upgraded.process(batch);
      });
      expect(converted).toBeGreaterThan(20);
      expect(upgraded.out).toEqual(whole.out);
      expectExactBigints(whole.out);
      // Rewritten segments (an outer side's matched flags) and new ones are in the compact layout again.
      expect(upgraded.states.at(-1)).toEqual(whole.states.at(-1));
    }
  });

  it('stores segments compactly: no keys when the key is a plain expression of the row, keys otherwise; both continue after a restart', () => {
    const ucase: BoundExpr = { kind: 'Call', type: SqlTypes.STRING, name: 'UCASE', args: [columnK] };
    for (const key of [columnK, ucase]) {
      const input = batches(2718, 120);
      const whole = new Run(openDataDirectory(':memory:'), join('FULL', key));
      const restarted = new Run(openDataDirectory(':memory:'), join('FULL', key));
      input.forEach((batch, i) => {
        whole.process(batch);
        if (i % 6 === 3) restarted.restart();
        restarted.process(batch);
      });
      expect(restarted.out).toEqual(whole.out);
      expect(restarted.states).toEqual(whole.states);
      expectExactBigints(whole.out);
      const values = whole.segments().map((v) => JSON.parse(v) as { v: number; k?: string[] });
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        expect(v.v).toBe(2);
        expect(v.k !== undefined).toBe(key === ucase);
      }
    }
  });
});
