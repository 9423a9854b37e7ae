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

export interface Workload {
  readonly id: string;
  readonly name: string;
  /** The topic whose records count as this workload's input events. */
  readonly inputTopic: 'person' | 'auction' | 'bid';
  /** The persistent query; its sink topic is `OUT`. */
  readonly sql: string;
  /**
   * The same work written by hand, without the engine: one input value (parsed JSON) → the output
   * value (JSON-ready object with upper-case field names), or null to drop it.
   */
  readonly baseline: (input: Record<string, unknown>) => Record<string, unknown> | null;
}

export const WORKLOADS: readonly Workload[] = [
  {
    id: 'W1',
    name: 'q0 pass-through (JSON → JSON)',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, bidder, price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: b.price, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    id: 'W2',
    name: 'q1 projection with arithmetic',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, bidder, CAST(price AS DOUBLE) * 0.908 AS price, dateTime, extra FROM bid;`,
    baseline: (b) => ({ AUCTION: b.auction, BIDDER: b.bidder, PRICE: (b.price as number) * 0.908, DATETIME: b.dateTime, EXTRA: b.extra }),
  },
  {
    id: 'W3',
    name: 'q2 filter auction % 123 = 0',
    inputTopic: 'bid',
    sql: `CREATE STREAM out AS SELECT auction, price FROM bid WHERE auction % 123 = 0;`,
    baseline: (b) => ((b.auction as number) % 123 === 0 ? { AUCTION: b.auction, PRICE: b.price } : null),
  },
];

/** Workloads that need features not built yet; listed so the report says so. */
export const PENDING_WORKLOADS: readonly { id: string; name: string; needs: string }[] = [
  { id: 'W4', name: '10 s tumbling count per auction, EMIT FINAL', needs: 'windowed aggregation' },
  { id: 'W5', name: 'hopping count (10 s, advance 2 s)', needs: 'windowed aggregation' },
  { id: 'W6', name: 'q7-style max price + join back', needs: 'aggregation and joins' },
  { id: 'W7', name: 'q8-style person ⋈ auction WITHIN 10 s', needs: 'stream-stream joins' },
  { id: 'W8', name: 'bid ⋈ TABLE(auction)', needs: 'stream-table joins' },
  { id: 'W9', name: 'CTAS of ~1M keys serving pull queries', needs: 'tables and pull queries' },
];
