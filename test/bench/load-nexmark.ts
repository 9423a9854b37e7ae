// loadNexmark: writes generated Nexmark events into the embedded log of a data directory (before timing).

import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import type { LiveEvent } from './live-latency.js';
import { DEFAULT_NEXMARK, nexmarkEvents } from './nexmark.js';

export const NEXMARK_TOPICS = ['person', 'auction', 'bid', 'auction_by_id'] as const;
export const PARTITIONS = 2;

export interface LoadedCounts {
  readonly person: number;
  readonly auction: number;
  readonly bid: number;
  /** The auctions again, keyed by id (JSON), as a table's topic. */
  readonly auction_by_id: number;
}

/**
 * One topic per event type, 2 partitions, JSON values without keys, record time = event time (and
 * `auction_by_id`: the auctions keyed by id, a table's topic). The
 * `live` events generated after those are not loaded: they are returned for the live phase (auctions
 * twice, as `auction` and keyed as `auction_by_id`).
 */
export function loadNexmark(dataDir: string, events: number, eventsPerSecond: number, live: number): { counts: LoadedCounts; live: LiveEvent[] } {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  for (const topic of NEXMARK_TOPICS) log.createTopic(topic, PARTITIONS, 0);
  const counts = { person: 0, auction: 0, bid: 0, auction_by_id: 0 };
  let batch: { topic: string; timestamp: number; key: Uint8Array | null; value: Uint8Array }[] = [];
  const flush = () => {
    log.append(batch);
    batch = [];
  };
  const liveEvents: LiveEvent[] = [];
  let n = 0;
  for (const event of nexmarkEvents(events + live, { ...DEFAULT_NEXMARK, eventsPerSecond })) {
    if (n++ >= events) {
      const v = JSON.stringify(event.value);
      liveEvents.push({ topic: event.type, t: event.time, v });
      if (event.type === 'auction') liveEvents.push({ topic: 'auction_by_id', t: event.time, v, k: String(event.value.id) });
      continue;
    }
    counts[event.type]++;
    const value = Buffer.from(JSON.stringify(event.value));
    batch.push({ topic: event.type, timestamp: event.time, key: null, value });
    if (event.type === 'auction') {
      counts.auction_by_id++;
      batch.push({ topic: 'auction_by_id', timestamp: event.time, key: Buffer.from(String(event.value.id)), value });
    }
    if (batch.length >= 10_000) flush();
  }
  flush();
  db.close();
  return { counts, live: liveEvents };
}
