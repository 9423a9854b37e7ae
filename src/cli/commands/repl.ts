// `eddy repl` (and `eddy` with no command): the interactive REPL on a terminal, plain statements from stdin otherwise.

import type { Command } from 'commander';
import { resolve } from 'node:path';
import { Engine } from '../../engine/index.js';
import { dataDirOption } from '../data-dir-option.js';
import { EXIT_RUNTIME } from '../report-error.js';
import { runScriptToEnd } from '../run-script.js';

export function registerRepl(program: Command): void {
  program
    .command('repl', { isDefault: true })
    .description('the interactive SQL shell (the default command); with stdin not a terminal, runs the statements read from it')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir: string }) => {
      if (process.stdin.isTTY && process.stdout.isTTY) await interactive(opts.dataDir, program.version() ?? '');
      else await piped(opts.dataDir);
    });
}

async function interactive(dataDir: string, version: string): Promise<void> {
  // Ink renders nothing live when it thinks it runs in CI (a CI variable is set); a person at a real
  // terminal gets the interactive screen whatever the environment says. Must precede Ink's loading.
  if (process.env.CI !== undefined) process.env.CI = 'false';
  // Loaded only here: Ink and its layout engine take a second or two to load, which no other command should pay.
  const { ReplNotices, startRepl } = await import('../../repl/index.js');
  const notices = new ReplNotices();
  const engine = Engine.open({ dataDir, logger: notices });
  try {
    await startRepl({ engine, notices, version, target: `the embedded log in ${resolve(dataDir)}` });
  } finally {
    await engine.close();
  }
}

/** `echo "SHOW STREAMS;" | eddy`: like `eddy run` on the text read from stdin. */
async function piped(dataDir: string): Promise<void> {
  let text = '';
  try {
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) text += chunk as string;
  } catch (e) {
    process.stderr.write(`<stdin>: cannot read: ${(e as Error).message}\n`);
    process.exitCode = EXIT_RUNTIME;
    return;
  }
  const engine = Engine.open({ dataDir });
  try {
    process.exitCode = await runScriptToEnd(engine, text, '<stdin>');
  } finally {
    await engine.close();
  }
}
