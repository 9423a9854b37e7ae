// `eddy apply <file-or-dir>`: reconciles the data directory's streams and queries with .sql definition files.

import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DefinitionError, Engine, type ApplyAction, type Definition } from '../../engine/index.js';
import { findSqlFiles } from '../../testing/index.js';
import { dataDirOption } from '../data-dir-option.js';
import { EXIT_OK, EXIT_RUNTIME, EXIT_SQL, reportError } from '../report-error.js';

interface ApplyOptions {
  readonly dataDir: string;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  readonly status?: boolean;
}

interface DefinitionFile {
  readonly path: string;
  readonly text: string;
  readonly hash: string;
}

export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('make the data directory match .sql definition files: prints a plan (create / replace / unchanged / drop), then applies it')
    .argument('[path]', 'a .sql file or a folder of them (applied in path order)')
    .option('--dry-run', 'print the plan only')
    .option('--prune', 'drop streams and tables that no file defines (their queries are terminated; topics are kept)')
    .option('--status', 'list the files applied to the data directory, with their hash and time')
    .addOption(dataDirOption())
    .action(async (path: string | undefined, opts: ApplyOptions) => {
      process.exitCode = await apply(path, opts);
    });
}

async function apply(path: string | undefined, opts: ApplyOptions): Promise<number> {
  if (opts.status === true) return status(opts.dataDir);
  if (path === undefined || !existsSync(path)) {
    process.stderr.write(`eddy apply: ${path === undefined ? 'give a .sql file or folder' : `${path}: no such file or folder`}\n`);
    return EXIT_RUNTIME;
  }
  const files: DefinitionFile[] = findSqlFiles(path).map((p) => {
    const text = readFileSync(p, 'utf8');
    return { path: p, text, hash: createHash('sha256').update(text).digest('hex') };
  });
  const engine = Engine.open({ dataDir: opts.dataDir, runQueries: false });
  try {
    const definitions: Definition[] = [];
    for (const file of files) {
      try {
        for (const statement of engine.parse(file.text)) definitions.push({ statement, file: file.path });
      } catch (e) {
        return reportError(e, file.text, file.path);
      }
    }
    const textOf = (file: string) => files.find((f) => f.path === file)?.text ?? '';
    let plan: ApplyAction[];
    try {
      plan = await engine.planApply(definitions, { prune: opts.prune === true });
    } catch (e) {
      const file = e instanceof DefinitionError ? e.file : path;
      return reportError(e, textOf(file), file);
    }
    process.stdout.write(`Plan for ${opts.dataDir}:\n${plan.map(formatAction).filter((l) => l !== '').join('\n')}\n`);
    const refused = plan.filter((a) => a.kind === 'replace' && a.refused !== null);
    if (refused.length > 0) {
      process.stderr.write(`Nothing applied: ${refused.length} change${refused.length === 1 ? '' : 's'} cannot be made in place (drop ${refused.length === 1 ? 'it' : 'them'} first, or keep the old definition).\n`);
      return EXIT_SQL;
    }
    const changes = plan.filter((a) => a.kind === 'create' || a.kind === 'replace' || a.kind === 'drop');
    if (opts.dryRun === true) {
      process.stdout.write(`Dry run: ${changes.length} change${changes.length === 1 ? '' : 's'} planned, none applied.\n`);
      return EXIT_OK;
    }
    for (const action of plan) {
      try {
        const text = await engine.applyAction(action);
        if (text !== null && text !== '' && action.kind !== 'set') process.stdout.write(`${text}\n`);
      } catch (e) {
        const definition = 'definition' in action ? action.definition : undefined;
        return reportError(e, definition === undefined ? '' : textOf(definition.file), definition?.file ?? path, definition?.statement.span);
      }
    }
    const now = Date.now();
    for (const file of files) {
      engine.recordAppliedFile({ path: file.path, hash: file.hash, appliedAt: now, statements: definitions.filter((d) => d.file === file.path).length });
    }
    process.stdout.write(changes.length === 0 ? 'Nothing to change.\n' : `Applied ${changes.length} change${changes.length === 1 ? '' : 's'}.\n`);
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}

function formatAction(a: ApplyAction): string {
  const where = (d: Definition) => `${d.file}:${d.statement.span.start.line}`;
  const row = (mark: string, verb: string, noun: string, name: string, note: string) => `  ${mark} ${verb.padEnd(10)} ${`${noun} ${name}`.padEnd(30)} ${note}`;
  switch (a.kind) {
    case 'create':
      return row('+', 'create', a.noun, a.name, where(a.definition));
    case 'replace':
      return a.refused === null ? row('~', 'replace', a.noun, a.name, where(a.definition)) : row('!', 'refused', a.noun, a.name, `${where(a.definition)}: ${a.refused}`);
    case 'unchanged':
      return row('=', 'unchanged', a.noun, a.name, where(a.definition));
    case 'drop':
      return row('-', 'drop', a.noun, a.name, `(in no file${a.queryId === null ? '' : `; terminates ${a.queryId}`})`);
    case 'keep':
      return row('?', 'keep', a.noun, a.name, '(in no file; --prune drops it)');
    case 'set':
      return '';
  }
}

async function status(dataDir: string): Promise<number> {
  const engine = Engine.open({ dataDir, runQueries: false });
  try {
    const files = engine.appliedFiles();
    if (files.length === 0) {
      process.stdout.write(`No files applied to ${dataDir} yet.\n`);
      return EXIT_OK;
    }
    process.stdout.write(`Files applied to ${dataDir}:\n`);
    for (const f of files) {
      process.stdout.write(`  ${f.path}  sha256:${f.hash.slice(0, 12)}  ${new Date(f.appliedAt).toISOString()}  ${f.statements} statement${f.statements === 1 ? '' : 's'}\n`);
    }
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}
