// Golden tests: every test/golden/**/*.sql, and every example in queries/, must match its .out file.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGoldenScript } from '../../src/testing/index.js';

const ROOT = import.meta.dirname;
/** Eddy's own examples are golden cases too; their .out files live in test/golden/examples/. */
const EXAMPLES = join(ROOT, '..', '..', 'queries');
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

const cases = [
  ...sqlFiles(ROOT).map((file) => ({ file, name: relative(ROOT, file), outFile: file.replace(/\.sql$/, '.out') })),
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ file: join(EXAMPLES, f), name: `queries/${f}`, outFile: join(ROOT, 'examples', f.replace(/\.sql$/, '.out')) })),
];

describe('golden', () => {
  for (const { file, name, outFile } of cases) {
    it(name, async () => {
      const text = readFileSync(file, 'utf8');
      const actual = await runGoldenScript(text, name);
      if (UPDATE) {
        writeFileSync(outFile, actual);
        return;
      }
      if (!existsSync(outFile)) throw new Error(`${name} has no .out file: run \`npm run test:update\` and review it`);
      expect(actual, `${name} differs from its .out (run \`npm run test:update\` if the change is intended)`).toBe(readFileSync(outFile, 'utf8'));
    });
  }
});
