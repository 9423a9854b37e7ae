// liveLatency: how soon outputs appear after their input is appended live, after the timed drain.

import type { Engine } from '../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import type { InputTopic, Workload } from './workloads.js';

/** An event to append during the live phase: its topic, event time, JSON value and key (JSON text, or none). */
export interface LiveEvent {
  readonly topic: InputTopic;
  readonly t: number;
  readonly v: string;
  readonly k?: string;
}

/** Latency percentiles in wall ms over `count` measured outputs: windows (windowed workloads) or records. */
export interface LiveLatency {
  readonly p50: number;
  readonly p99: number;
  readonly count: number;
  readonly of: 'windows' | 'records';
}

const CHUNK = 500;

/**
 * After the timed drain, appends the live events of the workload's input topics in chunks of 500
 * (through a second connection, as a producer in another process would), stamping the wall clock
 * at each append, and lets the engine catch up after each chunk (a closed loop: the next chunk
 * waits for the engine, so the figures are of an engine that keeps up, not of a queue).
 *
 * - Windowed counts (W4, W5): a window's latency is the time its output became readable minus the
 *   append time of the first chunk whose event time reached the window's end plus grace — the
 *   earliest moment it could have closed, so the figure errs on the high side.
 * - Every other workload: an output record's latency is the time it became readable minus the
 *   append time of the chunk after which it appeared (the input that produced it, or — for W6's
 *   join of the bids with their window's max — that closed the window whose max it waited for).
 */
export async function liveLatency(engine: Engine, dataDir: string, all: readonly LiveEvent[], w: Workload): Promise<LiveLatency> {
  const topics = new Set<string>(w.inputTopics);
  const events = all.filter((e) => topics.has(e.topic));
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const out = log.reader('OUT', 'latest');
  const chunks: { maxTime: number; wall: number }[] = [];
  const latencies: number[] = [];
  const windows = new Set<number>();
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    const wall = performance.now();
    log.append(chunk.map((e) => ({ topic: e.topic, timestamp: e.t, key: e.k === undefined ? null : Buffer.from(e.k), value: Buffer.from(e.v) })));
    chunks.push({ maxTime: Math.max(...chunk.map((e) => e.t)), wall });
    await engine.drain();
    const visible = performance.now();
    for (;;) {
      const records = out.readAvailable(10_000);
      if (records.length === 0) break;
      if (w.kind !== 'window-count') {
        for (let n = 0; n < records.length; n++) latencies.push(visible - wall);
        continue;
      }
      for (const r of records) {
        const ws = (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as { WS: number }).WS;
        const closer = chunks.find((c) => c.maxTime >= ws + w.sizeMs + w.graceMs);
        if (closer === undefined) continue;
        windows.add(ws);
        latencies.push(visible - closer.wall);
      }
    }
  }
  db.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return w.kind === 'window-count'
    ? { p50: at(50), p99: at(99), count: windows.size, of: 'windows' }
    : { p50: at(50), p99: at(99), count: latencies.length, of: 'records' };
}
