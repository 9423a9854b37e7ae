// End-to-end: the real `eddy` REPL in a real terminal (tmux) — a push query's table updates in place as another process inserts, Ctrl-C stops it.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTempDir, removeDir, runCli } from './cli-process.js';
import { ensureTmux, TmuxTerminal } from './tmux-terminal.js';

const tmux = ensureTmux();
if (!tmux.ok) {
  if (process.env.CI === 'true') throw new Error(`The REPL terminal test needs tmux in CI: ${tmux.reason}`);
  console.warn(`skipping the REPL terminal test: ${tmux.reason}`);
}

/** The pane's lines from the last one starting with `prefix` (the newest output). */
function from(screen: string, prefix: string): string[] {
  const lines = screen.split('\n');
  const at = lines.map((l) => l.startsWith(prefix)).lastIndexOf(true);
  return at < 0 ? [] : lines.slice(at);
}

function count(screen: string, text: string): number {
  return screen.split(text).length - 1;
}

describe.skipIf(!tmux.ok)('the REPL in a real terminal', () => {
  let dir: string | undefined;
  let dataDir = '';
  const terminal = new TmuxTerminal('eddy-e2e-repl');

  beforeAll(() => {
    dir = makeTempDir('eddy-e2e-repl-');
    dataDir = path.join(dir, 'data');
    terminal.start(`exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --data-dir ${JSON.stringify(dataDir)}`, {
      cwd: dir,
      columns: 100,
      rows: 30,
      // A person's terminal, not a CI job: the tmux session must not inherit the test run's CI=true.
      env: { EDDY_HISTORY_FILE: path.join(dir, 'history'), EDDY_DATA_DIR: '', CI: 'false' },
    });
  });

  afterAll(() => {
    terminal.kill();
    removeDir(dir);
  });

  async function insert(rows: readonly (readonly [string, number])[]): Promise<void> {
    const file = path.join(dir ?? '', `insert-${rows[0]?.[0] ?? 'none'}.sql`);
    fs.writeFileSync(file, rows.map(([sensor, temp]) => `INSERT INTO readings (sensor, temp) VALUES ('${sensor}', ${temp});\n`).join(''));
    const run = await runCli(['run', file, '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
  }

  it('types a CREATE STREAM, watches a push query update as another process inserts, Ctrl-C returns to the prompt, and Ctrl-R searches the history', async () => {
    // The first screen waits for Node, Ink and the engine to load: on a loaded 2-core machine that can take long.
    await terminal.waitForScreen('the banner and the prompt', (s) => s.includes('Connected to the embedded log in') && s.endsWith('eddy>'), 90_000);

    terminal.type('CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)');
    terminal.press('Enter');
    terminal.type("  WITH (KAFKA_TOPIC='readings', PARTITIONS=2, VALUE_FORMAT='JSON');");
    terminal.press('Enter');
    await terminal.waitForScreen('the stream to be created', (s) => s.includes('Stream READINGS created.') && s.endsWith('eddy>'));

    terminal.type('SELECT sensor, temp FROM readings EMIT CHANGES;');
    terminal.press('Enter');
    let screen = await terminal.waitForScreen('the push query to start', (s) => s.includes('▶ transient_READINGS_1 · 0 rows'));
    expect(from(screen, 'eddy> SELECT')).toEqual([
      'eddy> SELECT sensor, temp FROM readings EMIT CHANGES;',
      '+--------+------+',
      '| SENSOR | TEMP |',
      '+--------+------+',
      '+--------+------+',
      expect.stringMatching(/^▶ transient_READINGS_1 · 0 rows · [\d.]+ rows\/s · \d:\d\d · Ctrl-C to stop$/),
      "Reading from earliest (all data). For new records only: SET 'auto.offset.reset' = 'latest';",
    ]);

    await insert([['s-1', 20.5], ['s-2', 31.25]]);
    screen = await terminal.waitForScreen('the first two rows', (s) => s.includes('· 2 rows ·'));
    const rowsOf = (s: string) => from(s, '| SENSOR').filter((l) => /^\| s-/.test(l)).sort();
    expect(rowsOf(screen)).toEqual(['| s-1    | 20.5  |', '| s-2    | 31.25 |']);

    await insert([['s-3', 19], ['s-4', 22.75]]);
    screen = await terminal.waitForScreen('all four rows', (s) => s.includes('· 4 rows ·'));
    expect(rowsOf(screen)).toEqual(['| s-1    | 20.5  |', '| s-2    | 31.25 |', '| s-3    | 19.0  |', '| s-4    | 22.75 |']);
    // Redrawn in place: one table and one status line on the screen, not a new copy per update.
    expect(count(screen, '| SENSOR | TEMP  |')).toBe(1);
    expect(count(screen, '▶ transient_READINGS_1')).toBe(1);

    terminal.press('C-c');
    screen = await terminal.waitForScreen('the prompt after Ctrl-C', (s) => s.includes('Query cancelled after') && s.endsWith('eddy>'));
    const tail = from(screen, 'eddy> SELECT');
    expect(tail.slice(-3)).toEqual(['+--------+-------+', expect.stringMatching(/^Query cancelled after \d:\d\d \(4 rows\)$/), 'eddy>']);
    expect(screen).not.toContain('▶ transient_READINGS_1');

    // The session still works after the cancel, and Ctrl-D at an empty prompt leaves the REPL.
    terminal.type('SHOW STREAMS;');
    terminal.press('Enter');
    await terminal.waitForScreen('SHOW STREAMS', (s) => s.includes('| READINGS    | readings    |') && s.endsWith('eddy>'));
    // Ctrl-R finds the push query in the history; Ctrl-G leaves the search with the line as it was.
    terminal.press('C-r');
    terminal.type('emit');
    await terminal.waitForScreen('the history search', (s) => s.endsWith("(reverse-i-search)'emit': SELECT sensor, temp FROM readings EMIT CHANGES;"));
    terminal.press('C-g');
    await terminal.waitForScreen('the prompt after the search', (s) => s.endsWith('eddy>'));
    terminal.press('C-d');
    await terminal.waitForScreen('the REPL to exit', () => !terminal.isRunning());
    expect(fs.readFileSync(path.join(dir ?? '', 'history'), 'utf8')).toContain('SELECT sensor, temp FROM readings EMIT CHANGES;\n');
  }, 180_000);
});
