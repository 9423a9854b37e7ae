// W11's engine process: opens a data directory (declaring the streams and the table on first start) and runs until killed.

import { Engine } from '../../src/engine/index.js';
import { NEXMARK_DDL } from './workloads.js';

const [dataDir, create, sql, batch] = process.argv.slice(2);
if (dataDir === undefined || sql === undefined) throw new Error('usage: recovery-worker <dataDir> <create|resume> <sql> <batch>');

// Persistent queries start in the background as the engine opens: a restart resumes them from the data directory.
const engine = Engine.open({ dataDir, logger: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`) }, properties: { 'max.poll.records': batch ?? '500' } });
if (create === 'create') for (const s of engine.parse(NEXMARK_DDL + sql)) await engine.execute(s);
process.stdout.write('started\n');
// Nothing else to do: the queries run until the process is killed (W11 kills it with SIGKILL, or stops it with SIGTERM).
const alive = setInterval(() => undefined, 1 << 30);
process.once('SIGTERM', () => {
  clearInterval(alive);
  void engine.close().then(() => process.exit(0));
});
