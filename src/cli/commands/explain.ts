// `eddy explain <file.sql>`: prints the logical and physical plan of every query in a script.

import type { Command } from 'commander';
import { dryRun } from '../dry-run.js';
import { brokersOption, serviceIdOption, type KafkaCliOptions } from '../kafka-options.js';
import { renderResult } from '../render.js';
import { EXIT_OK, reportError } from '../report-error.js';
import { withScript } from './check.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('print the plans of the queries in a .sql file (definitions apply to an in-memory catalog)')
    .argument('<file>', 'the .sql file to explain')
    .addOption(brokersOption())
    .addOption(serviceIdOption())
    .action(async (file: string, opts: KafkaCliOptions) => {
      process.exitCode = await withScript(file, opts, async (engine, text) => {
        const statements = engine.parse(text);
        let current = statements[0];
        try {
          await dryRun(engine, statements, async (s) => {
            current = s;
            const kind = s.statement.kind;
            if (kind !== 'QueryStatement' && kind !== 'CreateAsSelect') return;
            const explain = { ...s, statement: { kind: 'Explain' as const, target: { kind: 'ExplainStatement' as const, statement: s.statement }, span: s.span } };
            const result = await engine.execute(explain);
            if (result.kind !== 'query' && result.kind !== 'print') process.stdout.write(`-- ${s.text.split('\n')[0] ?? ''}\n${renderResult(result)}\n\n`);
          });
        } catch (e) {
          return reportError(e, text, file, current?.span);
        }
        return EXIT_OK;
      });
    });
}
