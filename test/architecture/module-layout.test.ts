// Architecture: every module has a README.md and an index.ts, and every source file a header comment.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleFolders, readSourceFiles, SRC_ROOT } from './source-files.js';

describe('module layout under src/', () => {
  it('every module folder has a README.md and an index.ts', () => {
    const folders = moduleFolders();
    expect(folders.length).toBeGreaterThan(5);
    const missing = folders.flatMap((m) => ['README.md', 'index.ts'].filter((f) => !existsSync(join(SRC_ROOT, m, f))).map((f) => `src/${m}/${f}`));
    expect(missing, `missing: ${missing.join(', ')}`).toEqual([]);
  });

  it('every .ts file starts with a one-line // header comment (after an optional #! line)', () => {
    const files = readSourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const bad = files
      .filter((f) => {
        const lines = f.text.split(/\r?\n/);
        const first = lines[0]?.startsWith('#!') === true ? lines[1] : lines[0];
        return first === undefined || !/^\/\/\s*\S/.test(first);
      })
      .map((f) => f.path);
    expect(bad, `files without a // header comment: ${bad.join(', ')}`).toEqual([]);
  });
});
