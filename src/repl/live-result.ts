// LiveResult: a query's result as it stands — stream rows appended (newest kept), table rows upserted and deleted in place by key.

import { formatValue, type Change, type Column, type Row } from '../common/index.js';

/** The rows to draw now, as display text, and how many of the result's rows are not among them. */
export interface ResultSnapshot {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows of the result not in `rows` (older stream rows, or table rows beyond the space there is). */
  readonly hidden: number;
}

const RATE_WINDOW_MS = 5_000;

export class LiveResult {
  /** Stream rows, oldest first; only the newest `keep` are shown (up to twice that are held). */
  private readonly appended: Row[] = [];
  /** Table rows by key, in the order the keys first appeared. */
  private readonly byKey = new Map<string, Row>();
  private readonly keyIndexes: readonly number[];
  private appendedTotal = 0;
  private changes = 0;
  private deletes = 0;
  private readonly samples: { at: number; count: number }[] = [];

  constructor(
    readonly columns: readonly Column[],
    private readonly keep = 1000,
  ) {
    this.keyIndexes = columns.flatMap((c, i) => (c.namespace === 'key' ? [i] : []));
  }

  /** Every change received so far (inserts, upserts and deletes). */
  get received(): number {
    return this.changes;
  }

  get deleted(): number {
    return this.deletes;
  }

  /** Rows in the result now: stream rows appended plus table rows present. */
  get size(): number {
    return this.appendedTotal + this.byKey.size;
  }

  apply(change: Change): void {
    this.changes++;
    const keyed = change.op !== 'insert' && this.keyIndexes.length > 0;
    if (!keyed) {
      if (change.op === 'delete') return;
      this.appendedTotal++;
      this.appended.push(change.row);
      // Trimmed in bulk (not per row), so a fast stream costs O(1) per row.
      if (this.appended.length >= this.keep * 2) this.appended.splice(0, this.appended.length - this.keep);
      return;
    }
    const key = JSON.stringify(this.keyIndexes.map((i) => formatValue(change.row[i] ?? null, this.columns[i]?.type)));
    if (change.op === 'delete') {
      if (this.byKey.delete(key)) this.deletes++;
    } else {
      this.byKey.set(key, change.row);
    }
  }

  /** The raw rows that a snapshot of `limit` rows shows (table rows first, then the newest stream rows). */
  rows(limit = Infinity): Row[] {
    const table: Row[] = [];
    for (const row of this.byKey.values()) {
      if (table.length >= limit) return table;
      table.push(row);
    }
    const room = Math.min(limit - table.length, this.keep);
    return [...table, ...(room >= this.appended.length ? this.appended : this.appended.slice(this.appended.length - room))];
  }

  /** Display text of at most `limit` rows: all table rows that fit, then the newest stream rows. */
  snapshot(limit = Infinity): ResultSnapshot {
    const rows = this.rows(limit);
    return {
      columns: this.columns.map((c) => c.name),
      rows: rows.map((row) => this.columns.map((c, i) => formatValue(row[i] ?? null, c.type))),
      hidden: this.size - rows.length,
    };
  }

  /** Changes per second over the last few seconds (records a sample at `now`). */
  rate(now: number): number {
    this.samples.push({ at: now, count: this.changes });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? now) <= now - RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    if (first === undefined || now - first.at < 1) return 0;
    return ((this.changes - first.count) * 1000) / (now - first.at);
  }
}
