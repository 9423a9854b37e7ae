// The benchmark workloads (performance.md §7.2) in Eddy SQL, each with its hand-written baseline.

import type { LatencySettings } from './open-loop-latency.js';

/** The streams over the loaded Nexmark topics. */
export const NEXMARK_DDL = `
CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, dateTime BIGINT, extra VARCHAR)
  WITH (KAFKA_TOPIC = 'bid', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');
CREATE STREAM auction (id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT, dateTime BIGINT,
  expires BIGINT, seller BIGINT, category INT, extra VARCHAR)
  WITH (KAFKA_TOPIC = 'auction', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');
CREATE STREAM person (id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR,
  dateTime BIGINT, extra VARCHAR)
  WITH (KAFKA_TOPIC = 'person', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');
`;

/** The topics a workload may read: the three Nexmark topics, and auctions keyed by id (a table's topic). */
export type InputTopic = 'person' | 'auction' | 'bid' | 'auction_by_id';

interface WorkloadBase {
  readonly id: string;
  readonly name: string;
  /** The topics whose records count as this workload's input events (the first is the main one). */
  readonly inputTopics: readonly [InputTopic, ...InputTopic[]];
  /** Streams or tables this workload declares besides `NEXMARK_DDL` (untimed). */
  readonly ddl?: string;
  /** The persistent queries (timed); the last one's sink topic is `OUT`. */
  readonly sql: string;
}

/** A stateless workload: one input value → one output value or none. */
export interface MapWorkload extends WorkloadBase {
  readonly kind: 'map';
  /**
   * The same work written by hand, without the engine: one input value (parsed JSON) → the output
   * value (JSON-ready object with upper-case field names), or null to drop it. `'bytes'`: the
   * value is copied untouched, never parsed (the null pipe).
   */
  readonly baseline: ((input: Record<string, unknown>) => Record<string, unknown> | null) | 'bytes';
}

/**
 * A windowed COUNT(*) per auction, EMIT FINAL, into the topic `OUT` and its SQLite table. The
 * baseline counts in a Map, persists the counts it changed in each batch's transaction (as an
 * exactly-once loop must), and emits each window once stream time passes its end plus grace.
 */
export interface WindowCountWorkload extends WorkloadBase {
  readonly kind: 'window-count';
  readonly sizeMs: number;
  readonly advanceMs: number;
  readonly graceMs: number;
}

/**
 * A CTAS table of COUNT(*) and MAX(price) per bidder into SQLite, serving pull queries while it
 * ingests. The baseline keeps the aggregates in a Map and upserts the changed keys per batch; the
 * gate compares the engine's SQLite table with SQLite batch SQL over the raw input.
 */
export interface TableWorkload extends WorkloadBase {
  readonly kind: 'table';
  /** What the table is keyed on: by default the bidder; with `--w9-keys N` an expression with about N values. */
  readonly key: TableKey;
}

/** The grouping key of W9, written three ways: Eddy SQL, SQLite batch SQL over the raw input, and by hand. */
export interface TableKey {
  /** The key column's name in the engine's table (upper case, as stored). */
  readonly column: string;
  /** The SELECT item and GROUP BY expression in Eddy SQL over `bid`. */
  readonly select: string;
  readonly groupBy: string;
  /** The same over `json_extract` of the raw value (SQLite), for the gate. */
  readonly batchSql: string;
  /** The same over a parsed bid, for the baseline. */
  readonly of: (bid: { bidder: number; price: number; auction: number }) => number;
  /** A key a pull query may ask for, the n-th. */
  readonly probe: (n: number) => number;
}

/** Settings a run passes to every worker. */
export interface BenchSettings {
  /** The engine's `max.poll.records` and the baselines' batch. */
  readonly batch: number;
  /** The engine's `commit.interval.ms` (its default, 100): on the embedded log, batches read back to back commit in groups of up to 4, and so do the baselines'; 0 commits every batch. */
  readonly commitIntervalMs: number;
  /** W9 keyed on about this many keys (null: by bidder). */
  readonly w9Keys: number | null;
  /** `--latency`: after the drain, the open-loop latency phase (null: not run). */
  readonly latency: LatencySettings | null;
}

export const DEFAULT_SETTINGS: BenchSettings = { batch: 500, commitIntervalMs: 100, w9Keys: null, latency: null };

const BY_BIDDER: TableKey = {
  column: 'BIDDER',
  select: 'bidder',
  groupBy: 'bidder',
  batchSql: "json_extract(CAST(value AS TEXT), '$.bidder')",
  of: (bid) => bid.bidder,
  probe: (n) => 1000 + ((n * 7919) % 4000),
};

/**
 * About `keys` keys: (price × 31 + bidder) mod keys — price is drawn from millions of values, so
 * the bids spread over the whole range (k bids reach keys × (1 − e^(−k/keys)) distinct keys).
 */
function spreadKey(keys: number): TableKey {
  const expr = `(price * 31 + bidder) % ${keys}`;
  const v = (f: string) => `json_extract(CAST(value AS TEXT), '$.${f}')`;
  return {
    column: 'K',
    select: `${expr} AS k`,
    groupBy: expr,
    batchSql: `(${v('price')} * 31 + ${v('bidder')}) % ${keys}`,
    of: (bid) => (bid.price * 31 + bid.bidder) % keys,
    probe: (n) => (n * 7919) % keys,
  };
}

function tableSql(key: TableKey): string {
  return `CREATE TABLE out AS SELECT ${key.select}, COUNT(*) AS n, MAX(price) AS maxPrice FROM bid GROUP BY ${key.groupBy};`;
}

/** The workloads as a run's settings shape them (W9's key). */
export function workloadsFor(settings: BenchSettings): readonly Workload[] {
  if (settings.w9Keys === null) return WORKLOADS;
  const key = spreadKey(settings.w9Keys);
  return WORKLOADS.map((w) =>
    w.kind === 'table' ? { ...w, name: `CTAS COUNT, MAX(price) per ~${settings.w9Keys} keys + pull queries`, key, sql: tableSql(key) } : w,
  );
}

/**
 * A join. The baseline (baseline-join.ts, by `shape`) keeps the join state in Maps and persists
 * what a batch added in the batch's transaction; the gate compares the engine's `OUT` (key and
 * value) with `expectedSql`, SQLite batch SQL over the raw input returning one `json_object` per
 * output row (key columns under `_key`), as multisets — and the baseline's output too.
 */
export interface JoinWorkload extends WorkloadBase {
  readonly kind: 'join';
  readonly shape: 'q7-max-join' | 'q8-stream-stream' | 'q20-stream-table';
  readonly expectedSql: string;
  /**
   * 'batch-sql': engine = batch SQL = baseline. 'baseline': engine = baseline only, when the
   * result legitimately depends on the order the input is read in (the embedded log's reader
   * drains partition 0 before partition 1): the batch SQL row count is then shown for reference.
   */
  readonly gate: 'batch-sql' | 'baseline';
}

export type Workload = MapWorkload | WindowCountWorkload | TableWorkload | JoinWorkload;

/** The records of a loaded topic, for batch SQL: `SELECT … FROM topic('bid')` reads value fields with `v('$.x')`. */
const topic = (name: string) =>
  `(SELECT partition, timestamp, CAST(value AS TEXT) AS value FROM log_records WHERE topic_id = (SELECT id FROM log_topics WHERE name = '${name}'))`;
const v = (field: string, alias = '') => `json_extract(${alias}value, '$.${field}')`;
// Batch SQL extracts fields in MATERIALIZED CTEs first, so SQLite can build automatic indexes for the joins.

/** Windows (10 s, tumbling, grace 0) close once the smallest partition stream time of `bid` reaches their end. */
const BID_CLOSING = `(SELECT MIN(m) FROM (SELECT MAX(timestamp) AS m FROM ${topic('bid')} GROUP BY partition))`;

const windowCountSql = (window: string) =>
  `CREATE TABLE out AS SELECT auction, AS_VALUE(auction) AS a, WINDOWSTART AS ws, COUNT(*) AS n FROM bid WINDOW ${window} GROUP BY auction EMIT FINAL;`;

export const WORKLOADS: readonly Workload[] = [
  {
    kind: 'map',
    id: 'W0',
    name: 'null pipe: bid bytes → topic, untouched (KAFKA format)',
    inputTopics: ['bid'],
    ddl: `CREATE STREAM bid_raw (v VARCHAR) WITH (KAFKA_TOPIC = 'bid', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'KAFKA');`,
    sql: `CREATE STREAM out AS SELECT v FROM bid_raw;`,
    baseline: 'bytes',
  },
  {
    kind: 'map',
    id: 'W1',
    name: 'q0 pass-through (JSON → JSON)',
    inputTopics: ['bid'],
    sql: `CREATE STREAM out AS SELECT auction, bidder, price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: b.price, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    kind: 'map',
    id: 'W2',
    name: 'q1 projection with arithmetic',
    inputTopics: ['bid'],
    sql: `CREATE STREAM out AS SELECT auction, bidder, CAST(price AS DOUBLE) * 0.908 AS price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: (b.price as number) * 0.908, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    kind: 'map',
    id: 'W3',
    name: 'q2 filter auction % 123 = 0',
    inputTopics: ['bid'],
    sql: `CREATE STREAM out AS SELECT auction, price FROM bid WHERE auction % 123 = 0;`,
    baseline: (b) => ((b.auction as number) % 123 === 0 ? { AUCTION: b.auction, PRICE: b.price } : null),
  },
  {
    kind: 'window-count',
    id: 'W4',
    name: '10 s tumbling count per auction, EMIT FINAL',
    inputTopics: ['bid'],
    sql: windowCountSql('TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS)'),
    sizeMs: 10_000,
    advanceMs: 10_000,
    graceMs: 0,
  },
  {
    kind: 'window-count',
    id: 'W5',
    name: 'hopping count (10 s, advance 2 s), EMIT FINAL',
    inputTopics: ['bid'],
    sql: windowCountSql('HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS, GRACE PERIOD 0 SECONDS)'),
    sizeMs: 10_000,
    advanceMs: 2_000,
    graceMs: 0,
  },
  {
    kind: 'join',
    id: 'W6',
    name: 'q7: 10 s tumbling MAX(price), joined back to the bids',
    shape: 'q7-max-join',
    // Windows close on partition 0's stream time before partition 1 is read, so partition 1's
    // bids of those windows are late: the result depends on read order (the baseline's follows it).
    gate: 'baseline',
    inputTopics: ['bid'],
    // Stage 1 keys each 10 s window by its number (one group per window) and emits its max once it
    // closes; stage 2 reads that topic as a stream and joins it back to the bids of the window.
    // A windowed table cannot be joined, hence the stream over the max topic; the grace lets the
    // max (which comes after its window's bids) still meet them.
    sql: `CREATE TABLE max_price_w WITH (KAFKA_TOPIC = 'max_price') AS SELECT dateTime / 10000 AS w, AS_VALUE(dateTime / 10000) AS wv, MAX(price) AS maxPrice
            FROM bid WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY dateTime / 10000 EMIT FINAL;
          CREATE STREAM max_price (wv BIGINT, maxPrice BIGINT) WITH (KAFKA_TOPIC = 'max_price', KEY_FORMAT = 'NONE', VALUE_FORMAT = 'JSON');
          CREATE STREAM out AS SELECT m.wv, b.auction, b.bidder, b.price, b.dateTime FROM bid b JOIN max_price m
            WITHIN 10 SECONDS GRACE PERIOD 60 SECONDS ON b.dateTime / 10000 = m.wv AND b.price = m.maxPrice;`,
    expectedSql: `WITH b AS (SELECT ${v('auction')} AS a, ${v('bidder')} AS bidder, ${v('price')} AS p, ${v('dateTime')} AS dt, ${v('dateTime')} / 10000 AS w FROM ${topic('bid')}),
        mx AS (SELECT w, MAX(p) AS mp FROM b GROUP BY w)
      SELECT json_object('_key', json_object('WV', b.w, 'PRICE', b.p), 'AUCTION', b.a, 'BIDDER', b.bidder, 'DATETIME', b.dt)
      FROM b JOIN mx ON b.w = mx.w AND b.p = mx.mp WHERE (b.w + 1) * 10000 <= ${BID_CLOSING}`,
  },
  {
    kind: 'join',
    id: 'W7',
    name: 'q8: person ⋈ auction on seller WITHIN 10 s',
    shape: 'q8-stream-stream',
    gate: 'batch-sql',
    inputTopics: ['person', 'auction'],
    // The inputs are read round-robin, batch by batch, so persons (1/3 the rate of auctions) run
    // ahead in event time: the grace must cover that skew or auctions are dropped as late.
    sql: `CREATE STREAM out AS SELECT p.id, p.name, p.state, a.id AS auctionId, a.itemName, a.category, p.dateTime AS pt, a.dateTime AS at
            FROM person p JOIN auction a WITHIN 10 SECONDS GRACE PERIOD 1 HOUR ON p.id = a.seller;`,
    expectedSql: `WITH p AS MATERIALIZED (SELECT ${v('id')} AS id, ${v('name')} AS name, ${v('state')} AS state, timestamp AS t FROM ${topic('person')}),
        a AS MATERIALIZED (SELECT ${v('id')} AS id, ${v('itemName')} AS itemName, ${v('category')} AS category, ${v('seller')} AS seller, timestamp AS t FROM ${topic('auction')})
      SELECT json_object('_key', p.id, 'NAME', p.name, 'STATE', p.state, 'AUCTIONID', a.id, 'ITEMNAME', a.itemName, 'CATEGORY', a.category, 'PT', p.t, 'AT', a.t)
      FROM p JOIN a ON p.id = a.seller AND ABS(a.t - p.t) <= 10000`,
  },
  {
    kind: 'join',
    id: 'W8',
    name: 'q20: bid ⋈ TABLE(auction) WHERE category = 10',
    shape: 'q20-stream-table',
    // A bid finds its auction only if the table's reader has reached it (partition 1 of the
    // table's topic is read after partition 0): the result depends on read order.
    gate: 'baseline',
    inputTopics: ['bid', 'auction_by_id'],
    ddl: `CREATE TABLE auctions (id BIGINT PRIMARY KEY, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT, dateTime BIGINT,
            expires BIGINT, seller BIGINT, category INT, extra VARCHAR)
            WITH (KAFKA_TOPIC = 'auction_by_id', KEY_FORMAT = 'JSON', VALUE_FORMAT = 'JSON', TIMESTAMP = 'dateTime');`,
    sql: `CREATE STREAM out AS SELECT b.auction, b.bidder, b.price, b.dateTime, a.itemName, a.category
            FROM bid b JOIN auctions a ON b.auction = a.id WHERE a.category = 10;`,
    expectedSql: `WITH a AS MATERIALIZED (SELECT ${v('id')} AS id, ${v('itemName')} AS itemName, ${v('category')} AS category FROM ${topic('auction')}),
        b AS MATERIALIZED (SELECT ${v('auction')} AS auction, ${v('bidder')} AS bidder, ${v('price')} AS price, ${v('dateTime')} AS dt FROM ${topic('bid')})
      SELECT json_object('_key', b.auction, 'BIDDER', b.bidder, 'PRICE', b.price, 'DATETIME', b.dt, 'ITEMNAME', a.itemName, 'CATEGORY', a.category)
      FROM b JOIN a ON b.auction = a.id WHERE a.category = 10`,
  },
  {
    kind: 'table',
    id: 'W9',
    name: 'CTAS COUNT, MAX(price) per bidder + pull queries',
    inputTopics: ['bid'],
    key: BY_BIDDER,
    sql: tableSql(BY_BIDDER),
  },
];

/** Workloads that need features not built yet; listed so the report says so. */
export const PENDING_WORKLOADS: readonly { id: string; name: string; needs: string }[] = [];
