// Fuzz: every golden statement, mutated (tokens deleted, duplicated, swapped, replaced) or random, only ever
// gets a located EngineError from parse + analyze — never a crash, an internal TypeError or an unlocated SQL error.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/common/index.js';
import { Engine } from '../../../src/engine/index.js';
import type { ParsedStatement } from '../../../src/sql/index.js';
import { seededRandom } from '../seeded-random.js';

const GOLDEN = join(import.meta.dirname, '..', '..', 'golden');
const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\$\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|:=|=>|->|<>|<=|>=|!=|\|\||\S/g;
const DEFINITIONS = new Set(['CreateSource', 'CreateAsSelect', 'CreateType', 'AlterSource', 'DefineVariable', 'InsertValues']);

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sqlFiles(path);
      return name.endsWith('.sql') ? [path] : [];
    });
}

function mutate(tokens: readonly string[], next: () => number, pool: readonly string[]): string {
  const out = [...tokens];
  const at = Math.floor(next() * out.length);
  const kind = Math.floor(next() * 7);
  if (kind === 0) out.splice(at, 1);
  else if (kind === 1) out.splice(at, 0, out[at] ?? '');
  else if (kind === 2 && at + 1 < out.length) [out[at], out[at + 1]] = [out[at + 1] ?? '', out[at] ?? ''];
  else if (kind === 3) out[at] = pool[Math.floor(next() * pool.length)] ?? '';
  else if (kind === 4) out.splice(at, 0, pool[Math.floor(next() * pool.length)] ?? '');
  else {
    // Keeps the shape, changes the meaning: one word or literal for another of the same sort.
    const sameSort = pool.filter((t) => /^[A-Za-z_]/.test(t) === /^[A-Za-z_]/.test(out[at] ?? ''));
    out[at] = sameSort[Math.floor(next() * sameSort.length)] ?? '';
  }
  return out.join(' ');
}

/** Parses and analyzes; returns the problem when the outcome is not a located EngineError or success. */
const outcomes = { parsed: 0, analyzed: 0 };

async function probe(engine: Engine, text: string): Promise<string | null> {
  let statements: ParsedStatement[];
  try {
    statements = engine.parse(text);
    outcomes.parsed++;
  } catch (e) {
    if (!(e instanceof EngineError)) return `parse threw ${String(e)}`;
    return e.span === undefined ? `parse error without a span: ${e.message}` : null;
  }
  for (const s of statements) {
    try {
      await engine.check(s);
      outcomes.analyzed++;
    } catch (e) {
      if (!(e instanceof EngineError)) return `analyze threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      if (e.code === 'INTERNAL') return `internal error: ${e.message}`;
      if (e.span === undefined && e.isSqlError) return `${e.code} without a span: ${e.message}`;
    }
  }
  return null;
}

describe('fuzzing statements', () => {
  it('mutated golden statements only ever produce located EngineErrors', async () => {
    const next = seededRandom(7);
    const problems: string[] = [];
    let probes = 0;
    for (const file of sqlFiles(GOLDEN)) {
      const text = readFileSync(file, 'utf8');
      const engine = Engine.open({ dataDir: ':memory:', runQueries: false, logger: { info: () => undefined, warn: () => undefined } });
      try {
        let statements: ParsedStatement[] = [];
        try {
          statements = engine.parse(text);
        } catch {
          // A golden file of syntax errors: its lines are still mutated below.
        }
        for (const s of statements) {
          try {
            if (DEFINITIONS.has(engine.resolve(s).statement.kind)) await engine.execute(s);
          } catch {
            // Expected failures of the golden file itself.
          }
        }
        const chunks = text.split(';').map((c) => c.replace(/--[^\n]*/g, '').trim()).filter((c) => c !== '');
        const pool = [...new Set(chunks.flatMap((c) => c.match(TOKEN) ?? []))];
        for (const chunk of chunks) {
          const tokens = chunk.match(TOKEN) ?? [];
          for (let i = 0; i < 8; i++) {
            const mutated = mutate(tokens, next, pool);
            probes++;
            const problem = await probe(engine, mutated);
            if (problem !== null) problems.push(`${mutated}\n  → ${problem}`);
          }
        }
        // Random token soup from the file's own vocabulary.
        for (let i = 0; i < 40; i++) {
          const soup = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)] ?? '').join(' ');
          probes++;
          const problem = await probe(engine, soup);
          if (problem !== null) problems.push(`${soup}\n  → ${problem}`);
        }
      } finally {
        await engine.close();
      }
    }
    expect(probes).toBeGreaterThan(1000);
    // The mutations must reach analysis (and some pass it), or the test would prove little.
    expect(outcomes.parsed).toBeGreaterThan(probes / 10);
    expect(outcomes.analyzed).toBeGreaterThan(probes / 50);
    expect(problems.slice(0, 10)).toEqual([]);
    process.stdout.write(`fuzz: ${probes} probes, ${outcomes.parsed} parsed, ${outcomes.analyzed} analyzed\n`);
  }, 120_000);
});
