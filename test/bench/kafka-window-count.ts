// W4 on Kafka: a 10 s tumbling count per auction with state on Kafka, and the same work by hand for a kafkajs loop.

/**
 * The windowed count as it runs on Kafka: EMIT CHANGES with a grace period longer than the input
 * spans, so every bid updates its window's count and nothing is dropped. The output then does not
 * depend on how the broker interleaves the two partitions' fetches — per (auction, window) the
 * counts 1 … n appear once each in any order — so the engine and the loops can be compared as
 * multisets. (EMIT FINAL would close windows on whichever partition's stream time ran ahead.)
 * The engine keeps the counts in SQLite and writes them to its changelog topic in each
 * transaction; the loop keeps them in a Map and writes the counts a chunk changed to its own
 * compacted changelog topic in the same transaction as the outputs and the input offsets.
 */
/** The gate counts every update: `CLEANUP_POLICY = 'delete'`, as a table's topic is compacted by default. */
export function windowCountSql(outTopic: string): string {
  return `CREATE TABLE out WITH (KAFKA_TOPIC = '${outTopic}', CLEANUP_POLICY = 'delete') AS SELECT auction, AS_VALUE(auction) AS a, WINDOWSTART AS ws, COUNT(*) AS n
    FROM bid WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 1 HOURS) GROUP BY auction EMIT CHANGES;`;
}

const SIZE_MS = 10_000;

/** The loop's state: counts per `${auction}/${windowStart}`, and the ones changed since the last chunk. */
export class WindowCounts {
  private readonly counts = new Map<string, number>();
  private readonly changed = new Map<string, number>();

  /** One bid: its window's new count, as the engine's output value. */
  add(bid: { auction: number; dateTime: number }): string {
    const ws = bid.dateTime - (bid.dateTime % SIZE_MS);
    const key = `${bid.auction}/${ws}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    this.changed.set(key, n);
    return JSON.stringify({ A: bid.auction, WS: ws, N: n });
  }

  /** The changelog records of the counts changed since the last call (a key's last count only). */
  drainChangelog(): { key: string; value: string }[] {
    const records = [...this.changed].map(([key, n]) => ({ key, value: String(n) }));
    this.changed.clear();
    return records;
  }
}
