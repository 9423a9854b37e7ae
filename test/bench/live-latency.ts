// liveLatency: emit latency after window close, measured by appending input live in small chunks.

import type { Engine } from '../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import type { WindowCountWorkload } from './workloads.js';

/** A bid to append during the live phase: event time and JSON value. */
export interface LiveEvent {
  readonly t: number;
  readonly v: string;
}

const CHUNK = 500;

/**
 * After the timed drain, appends `events` in chunks of 500 (through a second connection, as a
 * producer would), stamping the wall clock at each append, and lets the engine catch up after each
 * chunk. Each output window's latency is the time its output became readable minus the append
 * time of the first chunk whose event time reached the window's end plus grace — the earliest
 * moment the window could have closed, so the figure errs on the high side.
 */
export async function liveLatency(
  engine: Engine,
  dataDir: string,
  events: readonly LiveEvent[],
  w: WindowCountWorkload,
): Promise<{ p50: number; p99: number; windows: number }> {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const out = log.reader('OUT', 'latest');
  const chunks: { maxTime: number; wall: number }[] = [];
  const latencies: number[] = [];
  const windows = new Set<number>();
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    const wall = performance.now();
    log.append(chunk.map((e) => ({ topic: 'bid', timestamp: e.t, key: null, value: Buffer.from(e.v) })));
    chunks.push({ maxTime: Math.max(...chunk.map((e) => e.t)), wall });
    await engine.drain();
    const visible = performance.now();
    for (;;) {
      const records = out.readAvailable(10_000);
      if (records.length === 0) break;
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
  return { p50: at(50), p99: at(99), windows: windows.size };
}
