// `eddy serve`: keeps the data directory's persistent queries running until stopped.

import type { Command } from 'commander';
import { Engine } from '../../engine/index.js';
import { dataDirOption } from '../data-dir-option.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("run the data directory's persistent queries until stopped (Ctrl-C or SIGTERM)")
    .addOption(dataDirOption())
    .action(async (opts: { dataDir: string }) => {
      const engine = Engine.open({ dataDir: opts.dataDir });
      process.stderr.write(`eddy serve: running persistent queries of ${opts.dataDir}; Ctrl-C stops.\n`);
      // Signal listeners do not keep Node alive, and the engine's timers are unref'd: hold the loop open.
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(keepAlive);
      process.stderr.write('eddy serve: stopping; the queries resume wherever this data directory is opened next.\n');
      await engine.close();
    });
}
