// The open-loop load process: appends Nexmark input at a fixed wall rate (never waiting for the engine) and probes when outputs become visible.

import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { openDataDirectory } from '../../src/state/index.js';
import { decodeKey } from './join-gate.js';
import { DEFAULT_NEXMARK, nexmarkEvents, type NexmarkEvent } from './nexmark.js';
import type { InputTopic } from './workloads.js';

/** What one load level runs: where, which input, how fast and for how long, and how outputs map back to inputs. */
export interface LoadSpec {
  readonly dataDir: string;
  readonly inputTopics: readonly InputTopic[];
  /** Input events appended per wall second (over all the input topics). */
  readonly rate: number;
  readonly warmUpMs: number;
  readonly measureMs: number;
  /** Nexmark events already generated (loaded or appended before): generation continues after them. */
  readonly skip: number;
  /** Event time's rate (events per second of event time), as the loaded events. */
  readonly eventsPerSecond: number;
  /**
   * How an output maps to the input whose append it waited for: `timestamp` — the input with the
   * output's record time (pass-through, joins: the later side, tables); `window` — the first
   * append whose event time reached the window's end plus grace (the window start is the value's
   * `field`, or the key's for `keyField`, in units of `unitMs`).
   */
  readonly mapping: { readonly kind: 'timestamp' } | { readonly kind: 'window'; readonly field: string; readonly inKey: boolean; readonly unitMs: number; readonly closesAfterMs: number };
}

/** Latency percentiles (wall ms) of the outputs whose input was appended after the warm-up. */
export interface LoadResult {
  readonly offeredRate: number;
  /** Input events appended per wall second over the measured span (below `offeredRate` if this process could not keep up). */
  readonly appendedRate: number;
  readonly outputs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Nexmark events generated in all (`skip` included): where the next load continues the stream. */
  readonly generated: number;
}

/** One append: its wall time and the event times it covered. */
interface Tick {
  readonly wall: number;
  readonly firstT: number;
  readonly lastT: number;
}

const TICK_MS = 1;
/** The most one append carries (a load this process cannot generate shows as a lower appended rate). */
const MAX_PER_APPEND = 20_000;
/** After the last append, outputs are probed until none came for this long (or the limit). */
const QUIET_MS = 1_000;
const SETTLE_LIMIT_MS = 20_000;

/** Wall time comparable across processes, in ms. */
const now = (): number => performance.timeOrigin + performance.now();

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const db = openDataDirectory(spec.dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const out = log.reader('OUT', 'latest');
  const wanted = new Set<string>(spec.inputTopics);
  const events = nexmarkEvents(Number.MAX_SAFE_INTEGER, { ...DEFAULT_NEXMARK, eventsPerSecond: spec.eventsPerSecond });
  let generated = spec.skip;
  for (let n = 0; n < spec.skip; n++) events.next();
  const ticks: Tick[] = [];
  const latencies: number[] = [];
  const start = now();
  const measureFrom = start + spec.warmUpMs;
  const end = measureFrom + spec.measureMs;
  let appended = 0;
  let appendedMeasured = 0;

  const nextInputs = (count: number) => {
    const records: { topic: string; timestamp: number; key: Uint8Array | null; value: Uint8Array }[] = [];
    while (records.length < count) {
      const step = events.next();
      if (step.done === true) break;
      const e: NexmarkEvent = step.value;
      generated++;
      const value = wanted.has(e.type) || (e.type === 'auction' && wanted.has('auction_by_id')) ? Buffer.from(JSON.stringify(e.value)) : null;
      if (value === null) continue;
      if (wanted.has(e.type)) records.push({ topic: e.type, timestamp: e.time, key: null, value });
      if (e.type === 'auction' && wanted.has('auction_by_id')) records.push({ topic: 'auction_by_id', timestamp: e.time, key: Buffer.from(String(e.value.id)), value });
    }
    return records;
  };

  /** The first tick that could have produced an output of record time `t` / closed a window ending at `t`. */
  const tickReaching = (t: number): Tick | undefined => {
    let lo = 0;
    let hi = ticks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ticks[mid]?.lastT ?? Infinity) >= t) hi = mid;
      else lo = mid + 1;
    }
    return ticks[lo];
  };

  const probe = (): number => {
    const records = out.readAvailable(50_000);
    const visible = now();
    for (const r of records) {
      let t: number;
      if (spec.mapping.kind === 'timestamp') {
        t = r.timestamp;
      } else {
        const holder = spec.mapping.inKey ? decodeKey(r.key) : (JSON.parse(Buffer.from(r.value ?? new Uint8Array()).toString('utf8')) as unknown);
        const start = Number((holder as Record<string, unknown> | null)?.[spec.mapping.field]);
        if (!Number.isFinite(start)) continue;
        t = start * spec.mapping.unitMs + spec.mapping.closesAfterMs;
      }
      const tick = tickReaching(t);
      // Outputs of input appended before this load (or of the warm-up) are not measured.
      if (tick === undefined || tick.wall < measureFrom || t < (ticks[0]?.firstT ?? Infinity)) continue;
      latencies.push(visible - tick.wall);
    }
    return records.length;
  };

  for (let t = now(); t < end; t = now()) {
    const due = Math.min(MAX_PER_APPEND, Math.floor(((t - start) / 1000) * spec.rate) - appended);
    if (due > 0) {
      const records = nextInputs(due);
      const wall = now();
      log.append(records);
      ticks.push({ wall, firstT: records[0]?.timestamp ?? 0, lastT: records[records.length - 1]?.timestamp ?? 0 });
      appended += records.length;
      if (wall >= measureFrom) appendedMeasured += records.length;
    }
    probe();
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  const settleFrom = now();
  let lastOutput = now();
  while (now() - lastOutput < QUIET_MS && now() - settleFrom < SETTLE_LIMIT_MS) {
    if (probe() > 0) lastOutput = now();
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  db.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    offeredRate: spec.rate,
    appendedRate: appendedMeasured / (spec.measureMs / 1000),
    outputs: latencies.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies[latencies.length - 1] ?? NaN,
    generated,
  };
}

const [specJson] = process.argv.slice(2);
if (specJson !== undefined) process.stdout.write(`${JSON.stringify(await runLoad(JSON.parse(specJson) as LoadSpec))}\n`);
