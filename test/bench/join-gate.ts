// The join workloads' correctness gate: a topic's rows (key and value) against SQLite batch SQL over the raw input, as multisets.

import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import { recordsForBatchSql } from './batch-sql-input.js';

/** JSON with object fields sorted at every level, so equal rows print equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A key as the engine writes it: a JSON object (several key columns) or 8 bytes big-endian (one BIGINT, KAFKA format). */
export function decodeKey(key: Uint8Array | null): unknown {
  if (key === null) return null;
  const b = Buffer.from(key);
  if (b[0] === 0x7b) return JSON.parse(b.toString('utf8')) as unknown;
  if (b.length === 8) return Number(b.readBigInt64BE());
  return b.toString('utf8');
}

/** The rows of `topic` (up to `ends` per partition), each as canonical JSON of its value plus `_key`, sorted. */
export function topicRows(dataDir: string, topic: string, ends?: Record<string, number>): string[] {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  try {
    const reader = new EmbeddedLog(db).reader(topic, 'earliest');
    const rows: string[] = [];
    for (;;) {
      const batch = reader.readAvailable(50_000);
      if (batch.length === 0) break;
      for (const r of batch) {
        if (ends !== undefined && r.offset >= (ends[String(r.partition)] ?? Infinity)) continue;
        const value = JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as Record<string, unknown>;
        rows.push(canonical({ ...value, _key: decodeKey(r.key) }));
      }
    }
    return rows.sort();
  } finally {
    db.close();
  }
}

/** The rows `sql` (one `json_object` text per row) returns over the data directory's raw input, canonical and sorted. */
export function expectedRows(dataDir: string, sql: string): string[] {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  try {
    recordsForBatchSql(db);
    const texts = db.prepare(sql).pluck(true).all() as string[];
    return texts.map((t) => canonical(JSON.parse(t))).sort();
  } finally {
    db.close();
  }
}

export function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
