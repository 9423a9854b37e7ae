// The REPL screen with a real engine: statements typed at the prompt, a push query redrawn live, Ctrl-C, errors, commands.

import { render } from 'ink-testing-library';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { ReplApp } from '../../../src/repl/components/repl-app.js';
import { HistoryFile } from '../../../src/repl/history-file.js';
import { ReplController } from '../../../src/repl/repl-controller.js';
import { bannerLines } from '../../../src/repl/start-repl.js';

const CREATE = "CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE) WITH (KAFKA_TOPIC='readings', PARTITIONS=1, VALUE_FORMAT='JSON');";

let engine: Engine;
let dir: string;
let session: ReturnType<typeof render>;
let controller: ReplController;

/**
 * Timers and the clock are fake (the live view's redraws, the push query's polling, elapsed time);
 * setImmediate stays real: React schedules renders with it.
 */
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

/** Lets `ms` of (fake) time pass, and React render what changed. */
async function wait(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Types text (a `\r` is Enter) and lets the screen settle. */
async function type(text: string): Promise<void> {
  session.stdin.write(text);
  await wait(50);
}

function frame(): string {
  return session.lastFrame() ?? '';
}

/** The part of the frame after the last occurrence of `marker` (the newest output). */
function after(marker: string): string {
  const text = frame();
  const at = text.lastIndexOf(marker);
  expect(at, `"${marker}" in\n${text}`).toBeGreaterThanOrEqual(0);
  return text.slice(at);
}

beforeEach(async () => {
  vi.useFakeTimers({ now: 1_700_000_000_000, toFake: [...FAKED] });
  dir = mkdtempSync(join(tmpdir(), 'eddy-repl-'));
  engine = Engine.open({ dataDir: ':memory:', logger: { info: () => undefined, warn: () => undefined } });
  controller = new ReplController({
    engine,
    history: new HistoryFile(join(dir, 'history')),
    banner: bannerLines('the embedded log in :memory:', '0.1.0'),
    frameRows: () => 16,
  });
  session = render(<ReplApp controller={controller} />);
  await wait(10);
});

afterEach(async () => {
  controller.exit();
  await wait(300);
  session.unmount();
  await engine.close();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the REPL screen', () => {
  it('shows the banner and a prompt', () => {
    expect(frame()).toContain('Eddy 0.1.0 — continuous SQL');
    expect(frame()).toContain('Connected to the embedded log in :memory:.');
    expect(frame()).toContain("Type 'help' for help");
    expect(frame().trimEnd().endsWith('eddy>')).toBe(true);
  });

  it('runs a statement typed over several lines', async () => {
    await type('CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)\r');
    expect(frame()).toContain('\n    >');
    expect(frame()).not.toContain('created');
    await type("  WITH (KAFKA_TOPIC='readings', PARTITIONS=1, VALUE_FORMAT='JSON');\r");
    expect(after('eddy> CREATE STREAM')).toBe(
      [
        'eddy> CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)',
        "    >   WITH (KAFKA_TOPIC='readings', PARTITIONS=1, VALUE_FORMAT='JSON');",
        'Stream READINGS created.',
        'eddy>',
      ].join('\n'),
    );
    expect(controller.history).toEqual([
      "CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE)\n  WITH (KAFKA_TOPIC='readings', PARTITIONS=1, VALUE_FORMAT='JSON');",
    ]);
  });

  it('redraws a push query in place as rows arrive, and Ctrl-C brings the prompt back', async () => {
    await type(`${CREATE}\r`);
    await type("INSERT INTO readings (sensor, temp) VALUES ('s-1', 20.5);\r");
    await type('SELECT * FROM readings EMIT CHANGES;\r');
    await wait(300);
    const first = after('eddy> SELECT').split('\n');
    expect(first.slice(0, 6)).toEqual([
      'eddy> SELECT * FROM readings EMIT CHANGES;',
      '+--------+------+',
      '| SENSOR | TEMP |',
      '+--------+------+',
      '| s-1    | 20.5 |',
      '+--------+------+',
    ]);
    expect(first[6]).toMatch(/^▶ transient_READINGS_1 · 1 row · [\d.]+ rows\/s · 0:00 · Ctrl-C to stop$/);
    expect(first[7]).toBe("Reading from earliest (all data). For new records only: SET 'auto.offset.reset' = 'latest';");
    // Another client inserts while the query runs: the same table grows, nothing is printed twice.
    for (const [sensor, temp] of [['s-2', 31.25], ['s-3', 19]] as const) {
      const [statement] = engine.parse(`INSERT INTO readings (sensor, temp) VALUES ('${sensor}', ${temp});`);
      if (statement !== undefined) await engine.execute(statement);
    }
    await wait(2000);
    const live = after('eddy> SELECT');
    expect(live.split('\n').slice(1, 8)).toEqual([
      '+--------+-------+',
      '| SENSOR | TEMP  |',
      '+--------+-------+',
      '| s-1    | 20.5  |',
      '| s-2    | 31.25 |',
      '| s-3    | 19.0  |',
      '+--------+-------+',
    ]);
    expect(live).toMatch(/▶ transient_READINGS_1 · 3 rows · [\d.]+ rows\/s · 0:02 · Ctrl-C to stop/);
    expect(live.match(/\| SENSOR/g)).toHaveLength(1);

    await type('\u0003');
    expect(after('eddy> SELECT')).toBe(
      [
        'eddy> SELECT * FROM readings EMIT CHANGES;',
        '+--------+-------+',
        '| SENSOR | TEMP  |',
        '+--------+-------+',
        '| s-1    | 20.5  |',
        '| s-2    | 31.25 |',
        '| s-3    | 19.0  |',
        '+--------+-------+',
        'Query cancelled after 0:02 (3 rows)',
        'eddy>',
      ].join('\n'),
    );
  });

  it('prints a topic’s records as they arrive under a status line, and Ctrl-C ends the PRINT', async () => {
    await type(`${CREATE}\r`);
    await type("INSERT INTO readings (sensor, temp) VALUES ('s-1', 20.5);\r");
    await type('PRINT readings FROM BEGINNING;\r');
    await wait(300);
    const first = after('eddy> PRINT').split('\n');
    expect(first.slice(0, 3)).toEqual(['eddy> PRINT readings FROM BEGINNING;', 'Key format: KAFKA_STRING', 'Value format: JSON or KAFKA_STRING']);
    expect(first[3]).toMatch(/^rowtime: 2023-11-14T22:13:\d\d\.\d{3} Z, key: s-1, value: \{"TEMP":20\.5\}, partition: 0$/);
    expect(first[4]).toBe("▶ PRINT 'readings' · from the beginning · 0:00 · Ctrl-C to stop");
    // Another client appends while it runs: the record follows the first.
    const [statement] = engine.parse("INSERT INTO readings (sensor, temp) VALUES ('s-2', 31.25);");
    if (statement !== undefined) await engine.execute(statement);
    await wait(1000);
    expect(after('eddy> PRINT')).toMatch(/partition: 0\nrowtime: [^,]+, key: s-2, value: \{"TEMP":31\.25\}, partition: 0\n▶ PRINT/);

    await type('\u0003');
    const end = after('eddy> PRINT').split('\n');
    expect(end.slice(-2)).toEqual(['Print cancelled (2 records) after 0:01', 'eddy>']);
  });

  it('keeps only the newest stream rows that fit the terminal, with a count of all', async () => {
    await type(`${CREATE}\r`);
    const inserts = Array.from({ length: 30 }, (_, i) => `INSERT INTO readings (sensor, temp) VALUES ('s-${i}', ${i});`).join(' ');
    await type(`${inserts}\r`);
    await type('SELECT sensor FROM readings EMIT CHANGES;\r');
    await wait(500);
    const live = after('eddy> SELECT');
    // The test terminal has 24 rows: 16 result rows fit under the table's rules and the status lines.
    expect(live).toContain('| s-29   |');
    expect(live).toContain('| s-14   |');
    expect(live).not.toContain('| s-13   |');
    expect(live).toContain('… 14 more rows not shown');
    expect(live).toContain('· 30 rows ·');
  });

  it('ends a pull query by itself and a push query at its LIMIT', async () => {
    await type(`${CREATE}\r`);
    await type("INSERT INTO readings (sensor, temp) VALUES ('a', 1); INSERT INTO readings (sensor, temp) VALUES ('b', 2);\r");
    await type('SELECT sensor FROM readings;\r');
    await wait(300);
    expect(after('eddy> SELECT sensor FROM readings;')).toContain('| b      |\n+--------+\nEnd of data (2 rows)\neddy>');
    await type('SELECT temp FROM readings EMIT CHANGES LIMIT 1;\r');
    await wait(300);
    expect(after('eddy> SELECT temp')).toContain('| 1.0  |\n+------+\nLimit of 1 reached after 0:00 (1 row)\neddy>');
  });

  it('shows an error with the line and a caret under the problem', async () => {
    await type(`${CREATE}\r`);
    await type('SELECT tmp FROM readings;\r');
    expect(after('eddy> SELECT tmp')).toBe(
      [
        'eddy> SELECT tmp FROM readings;',
        'line 1:8: Column TMP cannot be resolved. Did you mean TEMP?',
        '  |',
        '1 | SELECT tmp FROM readings;',
        '  |        ^^^',
        'eddy>',
      ].join('\n'),
    );
  });

  it('prints SHOW as a table, or as JSON after `output json`', async () => {
    await type(`${CREATE}\r`);
    await type('SHOW STREAMS;\r');
    expect(after('eddy> SHOW STREAMS;')).toContain('| READINGS    | readings    | KAFKA      | JSON         | false    |');
    await type('output json\r');
    await type('SHOW STREAMS;\r');
    expect(after('eddy> SHOW STREAMS;')).toContain('"Stream Name": "READINGS"');
  });

  it('completes with Tab and lists the candidates when it cannot decide', async () => {
    await type(`${CREATE}\r`);
    await type('sel\t');
    expect(frame().trimEnd().endsWith('eddy> select')).toBe(true);
    await type('* from rea\t');
    expect(frame().trimEnd().endsWith('eddy> select * from readings')).toBe(true);
    await type('where ro\t');
    expect(frame()).toContain('eddy> select * from readings where ro\nround  rowoffset  rowpartition  rowtime');
  });

  it('recalls history with the up arrow; Ctrl-C clears the line, then exits', async () => {
    await type('SHOW TOPICS;\r');
    await type('\u001B[A');
    expect(frame().trimEnd().endsWith('eddy> SHOW TOPICS;')).toBe(true);
    await type('\u0003');
    expect(frame().trimEnd().endsWith('eddy>')).toBe(true);
    expect(controller.getState().exitRequested).toBe(false);
    await type('\u0003');
    expect(controller.getState().exitRequested).toBe(true);
  });

  it('searches the history with Ctrl-R: typing narrows it, Ctrl-R again goes older, Enter runs the entry found', async () => {
    await type('SHOW TOPICS;\r');
    await type('SHOW STREAMS;\r');
    await type('SHOW PROPERTIES;\r');
    await type('\u0012');
    expect(frame().trimEnd().endsWith("(reverse-i-search)'':")).toBe(true);
    await type('sho');
    expect(frame().trimEnd().endsWith("(reverse-i-search)'sho': SHOW PROPERTIES;")).toBe(true);
    await type('w t');
    expect(frame().trimEnd().endsWith("(reverse-i-search)'show t': SHOW TOPICS;")).toBe(true);
    await type('x');
    expect(frame().trimEnd().endsWith("(failed reverse-i-search)'show tx': SHOW TOPICS;")).toBe(true);
    // Backspace searches again from the newest entry; Ctrl-R steps to older ones.
    for (let i = 0; i < 3; i++) await type('\u007f');
    expect(frame().trimEnd().endsWith("(reverse-i-search)'show': SHOW PROPERTIES;")).toBe(true);
    await type('\u0012');
    expect(frame().trimEnd().endsWith("(reverse-i-search)'show': SHOW STREAMS;")).toBe(true);
    await type('\r');
    expect(after('eddy> SHOW STREAMS;')).toContain('Stream Name');
    // Esc leaves a search with what was typed before it; another key keeps the entry found, to edit.
    await type('SEL');
    await type('\u0012');
    await type('topics');
    await type('\u001B');
    await wait(100);
    expect(frame().trimEnd().endsWith('eddy> SEL')).toBe(true);
    await type('\u0015');
    await type('\u0012');
    await type('propert');
    await type('\u0001');
    expect(frame().trimEnd().endsWith('eddy> SHOW PROPERTIES;')).toBe(true);
  });

  it('runs a script file and spools what it shows', async () => {
    const script = join(dir, 'setup.sql');
    const spool = join(dir, 'spool.txt');
    writeFileSync(script, `${CREATE}\nINSERT INTO readings (sensor, temp) VALUES ('x', 3.5);\n`);
    await type(`spool ${spool}\r`);
    await type(`run script '${script}'\r`);
    await type('SELECT * FROM readings;\r');
    await wait(300);
    await type('spool off\r');
    expect(frame()).toContain('1 row inserted into READINGS.');
    expect(readFileSync(spool, 'utf8')).toBe(
      [
        `Spooling output to ${spool} (spool off to stop).`,
        `eddy> run script '${script}'`,
        `eddy> ${CREATE}`,
        'Stream READINGS created.',
        "eddy> INSERT INTO readings (sensor, temp) VALUES ('x', 3.5);",
        '1 row inserted into READINGS.',
        'eddy> SELECT * FROM readings;',
        '+--------+------+',
        '| SENSOR | TEMP |',
        '+--------+------+',
        '| x      | 3.5  |',
        '+--------+------+',
        'End of data (1 row)',
        'eddy> spool off',
        '',
      ].join('\n'),
    );
  });
});
