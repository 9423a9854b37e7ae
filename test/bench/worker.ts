// A benchmark worker process: runs one workload, through the engine or the hand-written baseline, and reports.

import { Engine } from '../../src/engine/index.js';
import { EmbeddedLog, LOG_MIGRATIONS } from '../../src/io/index.js';
import { OffsetStore, openDataDirectory } from '../../src/state/index.js';
import { NEXMARK_DDL, WORKLOADS, type Workload } from './workloads.js';

export interface WorkerResult {
  readonly inputEvents: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
}

const BATCH = 500;

async function runEngine(workload: Workload, dataDir: string, inputEvents: number): Promise<WorkerResult> {
  const engine = Engine.open({ dataDir, logger: { info: () => undefined, warn: () => undefined } });
  for (const s of engine.parse(NEXMARK_DDL)) await engine.execute(s);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of engine.parse(workload.sql)) await engine.execute(s);
  await engine.drain();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await engine.close();
  return result(inputEvents, cpu, wall);
}

/** The same work by hand: read → JSON.parse → filter/project → JSON.stringify → append, offsets in the same transaction. */
function runBaseline(workload: Workload, dataDir: string): WorkerResult {
  const db = openDataDirectory(dataDir, { log: LOG_MIGRATIONS });
  const log = new EmbeddedLog(db);
  const offsets = new OffsetStore(db);
  log.createTopic('BASELINE_OUT', 2, 0);
  const reader = log.reader(workload.inputTopic, 'earliest');
  let inputEvents = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (;;) {
    const records = reader.readAvailable(BATCH);
    if (records.length === 0) break;
    inputEvents += records.length;
    const out: { topic: string; timestamp: number; key: null; value: Uint8Array }[] = [];
    for (const r of records) {
      if (r.value === null) continue;
      const output = workload.baseline(JSON.parse(Buffer.from(r.value).toString('utf8')) as Record<string, unknown>);
      if (output !== null) out.push({ topic: 'BASELINE_OUT', timestamp: r.timestamp, key: null, value: Buffer.from(JSON.stringify(output)) });
    }
    const positions = reader.positions();
    db.transaction(() => {
      log.append(out);
      offsets.save('baseline', workload.inputTopic, positions);
    }).immediate();
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  return result(inputEvents, cpu, wall);
}

function result(inputEvents: number, cpu: NodeJS.CpuUsage, wallSeconds: number): WorkerResult {
  return {
    inputEvents,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [mode, id, dataDir, events] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.id === id);
if (workload === undefined || dataDir === undefined || (mode !== 'engine' && mode !== 'baseline')) {
  process.stderr.write('usage: worker engine|baseline <workload id> <data dir>\n');
  process.exit(2);
}
const output = mode === 'engine' ? await runEngine(workload, dataDir, Number(events)) : runBaseline(workload, dataDir);
process.stdout.write(`${JSON.stringify(output)}\n`);
