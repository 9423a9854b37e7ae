// `eddy status [--watch]`: one line per persistent query — its committed metrics, read from the data directory.

import type { Command } from 'commander';
import { Engine, statusLine } from '../../engine/index.js';
import { dataDirOption } from '../data-dir-option.js';
import { EXIT_OK, EXIT_RUNTIME } from '../report-error.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description("show each persistent query's metrics (from the data directory: works while another process serves it)")
    .addOption(dataDirOption())
    .option('-w, --watch', 'refresh until Ctrl-C')
    .option('--interval <seconds>', 'seconds between refreshes with --watch', '2')
    .action(async (opts: { dataDir: string; watch?: boolean; interval: string }) => {
      let engine: Engine;
      try {
        engine = Engine.open({ dataDir: opts.dataDir, runQueries: false });
      } catch (e) {
        process.stderr.write(`eddy status: cannot open the data directory ${opts.dataDir}: ${(e as Error).message}\n`);
        process.exitCode = EXIT_RUNTIME;
        return;
      }
      try {
        if (opts.watch !== true) {
          process.stdout.write(await statusText(engine));
          process.exitCode = EXIT_OK;
          return;
        }
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        const intervalMs = Math.max(0.1, Number(opts.interval) || 2) * 1000;
        while (!stop.signal.aborted) {
          const text = await statusText(engine);
          process.stdout.write(process.stdout.isTTY ? `\x1b[H\x1b[2J${text}` : `${text}\n`);
          await new Promise((r) => setTimeout(r, intervalMs));
        }
        process.exitCode = EXIT_OK;
      } finally {
        await engine.close();
      }
    });
}

async function statusText(engine: Engine): Promise<string> {
  const statuses = await engine.status();
  if (statuses.length === 0) return 'No persistent queries.\n';
  return `${statuses.map(statusLine).join('\n')}\n`;
}
