// openLoopLatency: performance.md's latency mode — input at 25/50/80 % of the drain rate from another process, latency of every output.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './latency-load.js';
import type { Workload } from './workloads.js';

/** The open-loop phase's settings (`--latency`). */
export interface LatencySettings {
  /** Shares of the engine's drain rate (wall events per second), in percent. */
  readonly loads: readonly number[];
  readonly warmUpMs: number;
  readonly measureMs: number;
  /** Nexmark events generated before (loaded and live): the load continues the same stream. */
  readonly skip: number;
  readonly eventsPerSecond: number;
}

/** One load level: what the load process measured, and the engine's CPU share meanwhile. */
export interface OpenLoopLevel extends LoadResult {
  readonly loadPercent: number;
  /** The engine process's CPU time over the level's wall time (1 = one core busy). */
  readonly engineCpuShare: number;
}

/** How an output of `w` maps back to the append it waited for (see LoadSpec.mapping). */
function mappingOf(w: Workload): LoadSpec['mapping'] {
  if (w.kind === 'window-count') return { kind: 'window', field: 'WS', inKey: false, unitMs: 1, closesAfterMs: w.sizeMs + w.graceMs };
  // q7: a bid's output waits for its window's max, emitted once stream time passes the window's end.
  if (w.kind === 'join' && w.shape === 'q7-max-join') return { kind: 'window', field: 'WV', inKey: true, unitMs: 10_000, closesAfterMs: 10_000 };
  return { kind: 'timestamp' };
}

/**
 * With the engine's persistent queries running in this process, starts a load process per level
 * that appends the workload's input at `load × drainRate` events per wall second for the warm-up
 * and the measured span — an open loop: it never waits for the engine — and reports the latency
 * of every output whose input was appended after the warm-up (output visible − input appended,
 * windowed: − the append that let the window close). This process's event loop stays free for the
 * engine meanwhile.
 */
export async function openLoopLatency(dataDir: string, w: Workload, drainRate: number, settings: LatencySettings): Promise<OpenLoopLevel[]> {
  const levels: OpenLoopLevel[] = [];
  let skip = settings.skip;
  for (const loadPercent of settings.loads) {
    const spec: LoadSpec = {
      dataDir,
      inputTopics: w.inputTopics,
      rate: Math.max(1, Math.round((drainRate * loadPercent) / 100)),
      warmUpMs: settings.warmUpMs,
      measureMs: settings.measureMs,
      skip,
      eventsPerSecond: settings.eventsPerSecond,
      mapping: mappingOf(w),
    };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await runLoadProcess(spec);
    const cpu = process.cpuUsage(cpu0);
    levels.push({ ...result, loadPercent, engineCpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - t0) });
    // The next level continues the stream, its event times after this one's.
    skip = result.generated;
  }
  return levels;
}

function runLoadProcess(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'latency-load.js'), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the load process exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as LoadResult);
    });
  });
}
