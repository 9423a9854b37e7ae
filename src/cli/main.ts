#!/usr/bin/env node
// The `eddy` command line: repl (the default), run, serve, explain, check, test, apply, status.

import { Command } from 'commander';
import { registerApply } from './commands/apply.js';
import { registerCheck } from './commands/check.js';
import { registerExplain } from './commands/explain.js';
import { registerRepl } from './commands/repl.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';
import { registerTest } from './commands/test.js';

const program = new Command();
program
  .name('eddy')
  .description('Eddy: continuous SQL over streams — an embedded log by default, tables materialized in SQLite.')
  .version('0.1.0');
registerRepl(program);
registerRun(program);
registerServe(program);
registerExplain(program);
registerCheck(program);
registerTest(program);
registerApply(program);
registerStatus(program);

await program.parseAsync(process.argv);
