// `eddy check <file.sql>`: parse and analyze only; exit 0 when the script is valid, 2 otherwise.

import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { Engine } from '../../engine/index.js';
import { dryRun } from '../dry-run.js';
import { brokersOption, kafkaEngineOptions, serviceIdOption, type KafkaCliOptions } from '../kafka-options.js';
import { EXIT_OK, EXIT_RUNTIME, reportError } from '../report-error.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('parse and analyze a .sql file without running it (exit 0: valid, 2: SQL error)')
    .argument('<file>', 'the .sql file to check')
    .addOption(brokersOption())
    .addOption(serviceIdOption())
    .action(async (file: string, opts: KafkaCliOptions) => {
      process.exitCode = await withScript(file, opts, async (engine, text) => {
        const statements = engine.parse(text);
        let current = statements[0];
        try {
          await dryRun(engine, statements, async (s) => {
            current = s;
            await Promise.resolve();
          });
        } catch (e) {
          return reportError(e, text, file, current?.span);
        }
        process.stdout.write(`${file}: ${statements.length} statement${statements.length === 1 ? '' : 's'} OK\n`);
        return EXIT_OK;
      });
    });
}

/** Reads the file and opens an in-memory engine that runs no queries; reports parse errors. */
export async function withScript(file: string, opts: KafkaCliOptions, body: (engine: Engine, text: string) => Promise<number>): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return EXIT_RUNTIME;
  }
  const engine = Engine.open({ dataDir: ':memory:', runQueries: false, ...kafkaEngineOptions(opts) });
  try {
    return await body(engine, text);
  } catch (e) {
    return reportError(e, text, file);
  } finally {
    await engine.close();
  }
}
