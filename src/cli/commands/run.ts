// `eddy run <file.sql>`: runs a script, then lets this process's persistent queries catch up and exits.

import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { Engine } from '../../engine/index.js';
import { dataDirOption } from '../data-dir-option.js';
import { brokersOption, kafkaEngineOptions, serviceIdOption, type KafkaCliOptions } from '../kafka-options.js';
import { EXIT_RUNTIME } from '../report-error.js';
import { runScriptToEnd } from '../run-script.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run the statements of a .sql file; persistent queries then finish the input available and the command exits')
    .argument('<file>', 'the .sql file to run')
    .addOption(dataDirOption())
    .addOption(brokersOption())
    .addOption(serviceIdOption())
    .action(async (file: string, opts: { dataDir: string } & KafkaCliOptions) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
        process.exitCode = EXIT_RUNTIME;
        return;
      }
      const engine = Engine.open({ dataDir: opts.dataDir, ...kafkaEngineOptions(opts) });
      try {
        process.exitCode = await runScriptToEnd(engine, text, file);
      } finally {
        await engine.close();
      }
    });
}
