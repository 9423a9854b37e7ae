// End-to-end: `eddy` with stdin not a terminal runs the statements it reads and prints plain text.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeTempDir, removeDir } from './cli-process.js';

describe('eddy reading statements from stdin', () => {
  let dir: string | undefined;

  beforeAll(() => {
    dir = makeTempDir('eddy-e2e-piped-');
  });
  afterAll(() => removeDir(dir));

  function eddy(input: string): { code: number | null; stdout: string; stderr: string } {
    const env = { ...process.env, EDDY_DATA_DIR: path.join(dir ?? '', 'data'), EDDY_HISTORY_FILE: path.join(dir ?? '', 'history') };
    const run = spawnSync(process.execPath, [CLI], { input, env, encoding: 'utf8', timeout: 30_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('runs the statements and prints results as text, without the interactive screen', () => {
    const setup = eddy(
      "CREATE STREAM s (id INT KEY, v VARCHAR) WITH (KAFKA_TOPIC='s', PARTITIONS=1, VALUE_FORMAT='JSON');\n" +
        "INSERT INTO s (id, v) VALUES (1, 'one');\n",
    );
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toBe('Stream S created.\n1 row inserted into S.\n');

    const show = eddy('SHOW STREAMS;');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('| S           | s           | KAFKA      | JSON         | false    |');
    expect(show.stdout).not.toContain('eddy>');

    const query = eddy('SELECT v FROM s;');
    expect(query.stdout).toContain('| one          |');
    expect(query.stdout).toContain('End of data (1 row)');
  });

  it('reports a SQL error with its place on <stdin> and exits with 2', () => {
    const bad = eddy('SELECT * FROM;');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(['<stdin>:1:14: Expected source name but ";" found', '  |', '1 | SELECT * FROM;', '  |              ^', ''].join('\n'));
  });
});
