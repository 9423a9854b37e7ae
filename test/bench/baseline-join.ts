// The hand-written baselines of the join workloads (W6–W8): join state in Maps, persisted per batch with the offsets.

import type { Database, Statement } from 'better-sqlite3';
import { assertNever } from '../../src/common/index.js';
import { EmbeddedLog, LOG_MIGRATIONS, type LogReader } from '../../src/io/index.js';
import { OffsetStore, openDataDirectory } from '../../src/state/index.js';
import { GroupedCommits } from './grouped-commits.js';
import type { InputTopic, JoinWorkload } from './workloads.js';

type Out = { topic: string; timestamp: number; key: Uint8Array | null; value: Uint8Array };
type Record_ = ReturnType<LogReader['readAvailable']>[number];

/** A BIGINT key as Eddy's default KAFKA key format writes it: 8 bytes, big-endian. */
export function bigintKey(n: number): Uint8Array {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
}

const parse = <T>(r: Record_): T => JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as T;

/**
 * Reads `topics` round-robin, a batch from each in turn, writing each batch (its state, outputs,
 * offsets) and committing the batches in groups of up to `groupBatches` (the engine's rule: `GroupedCommits`).
 */
function roundRobin(
  dataDir: string,
  topics: readonly InputTopic[],
  batch: number,
  groupBatches: number,
  setup: (db: Database) => void,
  process_: (topic: InputTopic, records: Record_[], out: Out[]) => () => void,
): number {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  log.createTopic('BASELINE_OUT', 2, 0);
  setup(db);
  const readers = topics.map((t) => ({ topic: t, reader: log.reader(t, 'earliest'), done: false }));
  const commits = new GroupedCommits(db, groupBatches);
  let inputEvents = 0;
  while (readers.some((r) => !r.done)) {
    for (const r of readers) {
      const records = r.reader.readAvailable(batch);
      if (records.length === 0) {
        r.done = true;
        continue;
      }
      inputEvents += records.length;
      const out: Out[] = [];
      const persist = process_(r.topic, records, out);
      const positions = r.reader.positions();
      commits.write(() => {
        persist();
        log.append(out);
        offsets.save('baseline', r.topic, positions);
      });
    }
  }
  commits.end();
  db.close();
  return inputEvents;
}

interface Bid {
  auction: number;
  bidder: number;
  price: number;
  dateTime: number;
}

interface WindowMax {
  readonly w: number;
  max: number;
  /** The window's bids at its current max price (the only ones that can be output). */
  bids: Bid[];
}

/**
 * q7: the max price per 10 s window, kept with the bids at that price (a bid above it replaces
 * them); the changed windows upserted per batch; once the smallest partition stream time passes a
 * window's end, its bids at the max are emitted and the window dropped.
 */
function q7(dataDir: string, batch: number, groupBatches: number): number {
  const windows = new Map<number, WindowMax>();
  const streamTime = new Map<number, number>();
  let upsert: Statement<unknown[]>;
  let remove: Statement<unknown[]>;
  return roundRobin(
    dataDir,
    ['bid'],
    batch,
    groupBatches,
    (db) => {
      db.exec('CREATE TABLE baseline_q7 (w INTEGER PRIMARY KEY, max_price INTEGER, bids TEXT)');
      upsert = db.prepare('INSERT OR REPLACE INTO baseline_q7 (w, max_price, bids) VALUES (?, ?, ?)');
      remove = db.prepare('DELETE FROM baseline_q7 WHERE w = ?');
    },
    (_topic, records, out) => {
      const dirty = new Set<WindowMax>();
      for (const r of records) {
        const bid = parse<Bid>(r);
        if ((streamTime.get(r.partition) ?? -Infinity) < r.timestamp) streamTime.set(r.partition, r.timestamp);
        const w = Math.floor(bid.dateTime / 10_000);
        let entry = windows.get(w);
        if (entry === undefined) windows.set(w, (entry = { w, max: -Infinity, bids: [] }));
        if (bid.price > entry.max) {
          entry.max = bid.price;
          entry.bids = [bid];
        } else if (bid.price === entry.max) entry.bids.push(bid);
        dirty.add(entry);
      }
      const closing = Math.min(...streamTime.values());
      const closed = [...windows.values()].filter((e) => (e.w + 1) * 10_000 <= closing);
      for (const e of closed) {
        dirty.delete(e);
        windows.delete(e.w);
        const key = Buffer.from(JSON.stringify({ WV: e.w, PRICE: e.max }));
        for (const b of e.bids) out.push({ topic: 'BASELINE_OUT', timestamp: b.dateTime, key, value: Buffer.from(JSON.stringify({ AUCTION: b.auction, BIDDER: b.bidder, DATETIME: b.dateTime })) });
      }
      return () => {
        for (const e of dirty) upsert.run(e.w, e.max, JSON.stringify(e.bids));
        for (const e of closed) remove.run(e.w);
      };
    },
  );
}

interface Person {
  readonly id: number;
  readonly name: string;
  readonly state: string;
  readonly dateTime: number;
}

interface Auction {
  readonly id: number;
  readonly itemName: string;
  readonly category: number;
  readonly seller: number;
  readonly dateTime: number;
}

/**
 * q8: persons by id and auctions by seller in Maps; each new record probes the other side for
 * records within 10 s and is then stored (and inserted into a state table in its batch's
 * transaction). With the workload's 1-hour grace nothing is old enough to evict at bench sizes.
 */
function q8(dataDir: string, batch: number, groupBatches: number): number {
  const persons = new Map<number, Person[]>();
  const auctions = new Map<number, Auction[]>();
  let insert: Statement<unknown[]>;
  const joined = (p: Person, a: Auction): Out => ({
    topic: 'BASELINE_OUT',
    timestamp: Math.max(p.dateTime, a.dateTime),
    key: bigintKey(p.id),
    value: Buffer.from(JSON.stringify({ NAME: p.name, STATE: p.state, AUCTIONID: a.id, ITEMNAME: a.itemName, CATEGORY: a.category, PT: p.dateTime, AT: a.dateTime })),
  });
  return roundRobin(
    dataDir,
    ['person', 'auction'],
    batch,
    groupBatches,
    (db) => {
      db.exec('CREATE TABLE baseline_q8 (side INTEGER, k INTEGER, t INTEGER, v TEXT)');
      insert = db.prepare('INSERT INTO baseline_q8 (side, k, t, v) VALUES (?, ?, ?, ?)');
    },
    (topic, records, out) => {
      const added: [number, number, number, string][] = [];
      for (const r of records) {
        const text = Buffer.from(r.value ?? new Uint8Array()).toString('utf8');
        if (topic === 'person') {
          const p = JSON.parse(text) as Person;
          for (const a of auctions.get(p.id) ?? []) if (Math.abs(a.dateTime - p.dateTime) <= 10_000) out.push(joined(p, a));
          const list = persons.get(p.id);
          if (list === undefined) persons.set(p.id, [p]);
          else list.push(p);
          added.push([0, p.id, p.dateTime, text]);
        } else {
          const a = JSON.parse(text) as Auction;
          for (const p of persons.get(a.seller) ?? []) if (Math.abs(a.dateTime - p.dateTime) <= 10_000) out.push(joined(p, a));
          const list = auctions.get(a.seller);
          if (list === undefined) auctions.set(a.seller, [a]);
          else list.push(a);
          added.push([1, a.seller, a.dateTime, text]);
        }
      }
      return () => {
        for (const row of added) insert.run(...row);
      };
    },
  );
}

/**
 * q20: the auction table (keyed by id) in a Map and upserted into a SQLite table per batch; each
 * bid looks its auction up and is emitted, enriched, when the category is 10. The table's topic is
 * read first in each round, as the engine does.
 */
function q20(dataDir: string, batch: number, groupBatches: number): number {
  const table = new Map<number, { itemName: string; category: number }>();
  let upsert: Statement<unknown[]>;
  return roundRobin(
    dataDir,
    ['auction_by_id', 'bid'],
    batch,
    groupBatches,
    (db) => {
      db.exec('CREATE TABLE baseline_auctions (id INTEGER PRIMARY KEY, item_name TEXT, category INTEGER)');
      upsert = db.prepare('INSERT OR REPLACE INTO baseline_auctions (id, item_name, category) VALUES (?, ?, ?)');
    },
    (topic, records, out) => {
      if (topic === 'auction_by_id') {
        const rows = records.map((r) => parse<Auction>(r));
        for (const a of rows) table.set(a.id, { itemName: a.itemName, category: a.category });
        return () => {
          for (const a of rows) upsert.run(a.id, a.itemName, a.category);
        };
      }
      for (const r of records) {
        const b = parse<Bid>(r);
        const a = table.get(b.auction);
        if (a === undefined || a.category !== 10) continue;
        out.push({
          topic: 'BASELINE_OUT',
          timestamp: r.timestamp,
          key: bigintKey(b.auction),
          value: Buffer.from(JSON.stringify({ BIDDER: b.bidder, PRICE: b.price, DATETIME: b.dateTime, ITEMNAME: a.itemName, CATEGORY: a.category })),
        });
      }
      return () => undefined;
    },
  );
}

/** Runs the join workload's baseline over the data directory; returns the input events read. */
export function runJoinBaseline(w: JoinWorkload, dataDir: string, batch: number, groupBatches: number): number {
  switch (w.shape) {
    case 'q7-max-join':
      return q7(dataDir, batch, groupBatches);
    case 'q8-stream-stream':
      return q8(dataDir, batch, groupBatches);
    case 'q20-stream-table':
      return q20(dataDir, batch, groupBatches);
    default:
      return assertNever(w.shape, 'join shape');
  }
}
