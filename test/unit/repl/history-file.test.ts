// HistoryFile: entries survive a restart, multi-line entries come back whole, repeats and blanks are skipped.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode, encode, HISTORY_LIMIT, HistoryFile, historyFilePath } from '../../../src/repl/history-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eddy-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('HistoryFile', () => {
  it('keeps entries across sessions', () => {
    const path = join(dir, 'history');
    const first = new HistoryFile(path);
    first.add('SHOW STREAMS;');
    first.add('SHOW STREAMS;');
    first.add('   ');
    first.add("SELECT *\nFROM s WHERE v = 'a\\b';");
    expect(new HistoryFile(path).entries).toEqual(['SHOW STREAMS;', "SELECT *\nFROM s WHERE v = 'a\\b';"]);
    expect(readFileSync(path, 'utf8')).toBe("SHOW STREAMS;\nSELECT *\\nFROM s WHERE v = 'a\\\\b';\n");
  });

  it('encodes line breaks and backslashes reversibly', () => {
    for (const text of ['a\nb', 'a\\nb', 'a\\\\\nb\\', '']) expect(decode(encode(text))).toBe(text);
  });

  it('keeps the newest entries when the file is too long', () => {
    const path = join(dir, 'history');
    writeFileSync(path, Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => `SELECT ${i};\n`).join(''));
    const history = new HistoryFile(path);
    expect(history.entries).toHaveLength(HISTORY_LIMIT);
    expect(history.entries[0]).toBe('SELECT 5;');
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(HISTORY_LIMIT + 1);
  });

  it('works without a file, and survives one it cannot write', () => {
    const memory = new HistoryFile(null);
    memory.add('SHOW TOPICS;');
    expect(memory.entries).toEqual(['SHOW TOPICS;']);
    const broken = new HistoryFile(join(dir, 'no-such-dir', 'history'));
    broken.add('SHOW TOPICS;');
    expect(broken.entries).toEqual(['SHOW TOPICS;']);
  });

  it('lives in ~/.eddy_history unless EDDY_HISTORY_FILE says otherwise', () => {
    expect(historyFilePath({ EDDY_HISTORY_FILE: '/tmp/h' })).toBe('/tmp/h');
    expect(historyFilePath({})).toMatch(/\.eddy_history$/);
  });
});
