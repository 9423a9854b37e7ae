// The benchmark workloads (performance.md §7.2) in Eddy SQL, each with its hand-written baseline.

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

interface WorkloadBase {
  readonly id: string;
  readonly name: string;
  /** The topic whose records count as this workload's input events. */
  readonly inputTopic: 'person' | 'auction' | 'bid';
  /** The persistent query; its sink topic is `OUT`. */
  readonly sql: string;
}

/** A stateless workload: one input value → one output value or none. */
export interface MapWorkload extends WorkloadBase {
  readonly kind: 'map';
  /**
   * The same work written by hand, without the engine: one input value (parsed JSON) → the output
   * value (JSON-ready object with upper-case field names), or null to drop it.
   */
  readonly baseline: (input: Record<string, unknown>) => Record<string, unknown> | null;
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
}

export type Workload = MapWorkload | WindowCountWorkload | TableWorkload;

const windowCountSql = (window: string) =>
  `CREATE TABLE out AS SELECT auction, AS_VALUE(auction) AS a, WINDOWSTART AS ws, COUNT(*) AS n FROM bid WINDOW ${window} GROUP BY auction EMIT FINAL;`;

export const WORKLOADS: readonly Workload[] = [
  {
    kind: 'map',
    id: 'W1',
    name: 'q0 pass-through (JSON → JSON)',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, bidder, price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: b.price, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    kind: 'map',
    id: 'W2',
    name: 'q1 projection with arithmetic',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, bidder, CAST(price AS DOUBLE) * 0.908 AS price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: (b.price as number) * 0.908, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    kind: 'map',
    id: 'W3',
    name: 'q2 filter auction % 123 = 0',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, price FROM bid WHERE auction % 123 = 0;`,
    baseline: (b) => ((b.auction as number) % 123 === 0 ? { AUCTION: b.auction, PRICE: b.price } : null),
  },
  {
    kind: 'window-count',
    id: 'W4',
    name: '10 s tumbling count per auction, EMIT FINAL',
    inputTopic: 'bid',
    sql: windowCountSql('TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS)'),
    sizeMs: 10_000,
    advanceMs: 10_000,
    graceMs: 0,
  },
  {
    kind: 'window-count',
    id: 'W5',
    name: 'hopping count (10 s, advance 2 s), EMIT FINAL',
    inputTopic: 'bid',
    sql: windowCountSql('HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS, GRACE PERIOD 0 SECONDS)'),
    sizeMs: 10_000,
    advanceMs: 2_000,
    graceMs: 0,
  },
  {
    kind: 'table',
    id: 'W9',
    name: 'CTAS COUNT, MAX(price) per bidder + pull queries',
    inputTopic: 'bid',
    sql: `CREATE TABLE out AS SELECT bidder, COUNT(*) AS n, MAX(price) AS maxPrice FROM bid GROUP BY bidder;`,
  },
];

/** Workloads that need features not built yet; listed so the report says so. */
export const PENDING_WORKLOADS: readonly { id: string; name: string; needs: string }[] = [
  { id: 'W6', name: 'q7-style max price + join back', needs: 'joins' },
  { id: 'W7', name: 'q8-style person ⋈ auction WITHIN 10 s', needs: 'stream-stream joins' },
  { id: 'W8', name: 'bid ⋈ TABLE(auction)', needs: 'stream-table joins' },
];
