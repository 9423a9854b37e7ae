// The hand-written baselines of the aggregating workloads: a Map per key, state and outputs written per batch, batches committed in groups.

import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { OffsetStore, openDataDirectory } from '../../src/state/index.js';
import { GroupedCommits } from './grouped-commits.js';
import type { TableWorkload, WindowCountWorkload } from './workloads.js';

interface WindowCount {
  readonly auction: number;
  readonly ws: number;
  n: number;
}

type Out = { topic: string; timestamp: number; key: Uint8Array | null; value: Uint8Array };

/**
 * Windowed COUNT(*) per auction, EMIT FINAL: counts in a Map per window start, the counts a batch
 * changed upserted into a state table in the batch's transaction (with the input offsets), and
 * each window emitted to `BASELINE_OUT` and a result table once the smallest partition stream time
 * passes its end plus grace. Returns the input events read.
 */
export function runCountBaseline(w: WindowCountWorkload, dataDir: string, batch: number, groupBatches: number): number {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  log.createTopic('BASELINE_OUT', 2, 0);
  db.exec(`CREATE TABLE baseline_state (auction INTEGER, ws INTEGER, n INTEGER, PRIMARY KEY (auction, ws)) WITHOUT ROWID;
           CREATE TABLE baseline_out (auction INTEGER, ws INTEGER, we INTEGER, n INTEGER, PRIMARY KEY (auction, ws)) WITHOUT ROWID;`);
  const upsertState = db.prepare('INSERT OR REPLACE INTO baseline_state (auction, ws, n) VALUES (?, ?, ?)');
  const deleteWindow = db.prepare('DELETE FROM baseline_state WHERE ws = ?');
  const insertOut = db.prepare('INSERT OR REPLACE INTO baseline_out (auction, ws, we, n) VALUES (?, ?, ?, ?)');
  const windows = new Map<number, Map<number, WindowCount>>();
  const streamTime = new Map<number, number>();
  const reader = log.reader(w.inputTopics[0], 'earliest');
  const commits = new GroupedCommits(db, groupBatches);
  let inputEvents = 0;
  for (;;) {
    const records = reader.readAvailable(batch);
    if (records.length === 0) break;
    inputEvents += records.length;
    const dirty = new Set<WindowCount>();
    for (const r of records) {
      if (r.value === null) continue;
      const auction = (JSON.parse(Buffer.from(r.value).toString('utf8')) as { auction: number }).auction;
      const t = r.timestamp;
      if ((streamTime.get(r.partition) ?? -Infinity) < t) streamTime.set(r.partition, t);
      for (let ws = Math.floor(t / w.advanceMs) * w.advanceMs; ws > t - w.sizeMs; ws -= w.advanceMs) {
        let byAuction = windows.get(ws);
        if (byAuction === undefined) windows.set(ws, (byAuction = new Map<number, WindowCount>()));
        let entry = byAuction.get(auction);
        if (entry === undefined) byAuction.set(auction, (entry = { auction, ws, n: 0 }));
        entry.n++;
        dirty.add(entry);
      }
    }
    const closing = Math.min(...streamTime.values());
    const closed = [...windows.keys()].filter((ws) => ws + w.sizeMs + w.graceMs <= closing).sort((a, b) => a - b);
    const out: Out[] = [];
    for (const ws of closed) {
      for (const e of windows.get(ws)?.values() ?? []) {
        dirty.delete(e);
        out.push({ topic: 'BASELINE_OUT', timestamp: ws + w.sizeMs - 1, key: Buffer.from(String(e.auction)), value: Buffer.from(JSON.stringify({ A: e.auction, WS: ws, N: e.n })) });
      }
    }
    const positions = reader.positions();
    commits.write(() => {
      for (const e of dirty) upsertState.run(e.auction, e.ws, e.n);
      for (const ws of closed) {
        for (const e of windows.get(ws)?.values() ?? []) insertOut.run(e.auction, ws, ws + w.sizeMs, e.n);
        deleteWindow.run(ws);
        windows.delete(ws);
      }
      log.append(out);
      offsets.save('baseline', w.inputTopics[0], positions);
    });
  }
  commits.end();
  db.close();
  return inputEvents;
}

interface KeyAggregate {
  readonly key: number;
  n: number;
  max: number;
  rowtime: number;
}

/**
 * COUNT(*) and MAX(price) per key (the bidder, or W9's spread key): a Map, the changed keys upserted into a SQLite table per
 * batch, and one changelog record per input appended to `BASELINE_OUT` (as the engine does).
 */
export function runTableBaseline(w: TableWorkload, dataDir: string, batch: number, groupBatches: number): number {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  log.createTopic('BASELINE_OUT', 2, 0);
  db.exec('CREATE TABLE baseline_table (key INTEGER PRIMARY KEY, n INTEGER, max_price INTEGER, rowtime INTEGER)');
  const upsert = db.prepare('INSERT OR REPLACE INTO baseline_table (key, n, max_price, rowtime) VALUES (?, ?, ?, ?)');
  const byKey = new Map<number, KeyAggregate>();
  const keyOf = w.key.of;
  const reader = log.reader(w.inputTopics[0], 'earliest');
  const commits = new GroupedCommits(db, groupBatches);
  let inputEvents = 0;
  for (;;) {
    const records = reader.readAvailable(batch);
    if (records.length === 0) break;
    inputEvents += records.length;
    const dirty = new Set<KeyAggregate>();
    const out: Out[] = [];
    for (const r of records) {
      if (r.value === null) continue;
      const bid = JSON.parse(Buffer.from(r.value).toString('utf8')) as { bidder: number; price: number; auction: number };
      const key = keyOf(bid);
      let a = byKey.get(key);
      if (a === undefined) byKey.set(key, (a = { key, n: 0, max: -Infinity, rowtime: 0 }));
      a.n++;
      a.max = Math.max(a.max, bid.price);
      a.rowtime = Math.max(a.rowtime, r.timestamp);
      dirty.add(a);
      out.push({ topic: 'BASELINE_OUT', timestamp: a.rowtime, key: Buffer.from(String(a.key)), value: Buffer.from(JSON.stringify({ N: a.n, MAXPRICE: a.max })) });
    }
    const positions = reader.positions();
    commits.write(() => {
      for (const a of dirty) upsert.run(a.key, a.n, a.max, a.rowtime);
      log.append(out);
      offsets.save('baseline', w.inputTopics[0], positions);
    });
  }
  commits.end();
  db.close();
  return inputEvents;
}
