// Golden tests: every test/golden/**/*.sql runs through the engine and must match its .out file.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGoldenScript } from '../../src/testing/index.js';

const ROOT = import.meta.dirname;
const UPDATE = process.env.EDDY_UPDATE_GOLDEN === '1';

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sqlFiles(path);
      return name.endsWith('.sql') ? [path] : [];
    });
}

describe('golden', () => {
  for (const file of sqlFiles(ROOT)) {
    const name = relative(ROOT, file);
    it(name, async () => {
      const text = readFileSync(file, 'utf8');
      const actual = await runGoldenScript(text, name);
      const outFile = file.replace(/\.sql$/, '.out');
      if (UPDATE) {
        writeFileSync(outFile, actual);
        return;
      }
      if (!existsSync(outFile)) throw new Error(`${name} has no .out file: run \`npm run test:update\` and review it`);
      expect(actual, `${name} differs from its .out (run \`npm run test:update\` if the change is intended)`).toBe(readFileSync(outFile, 'utf8'));
    });
  }
});
