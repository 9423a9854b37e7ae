// Architecture: imports under src/ point down the module table, go through index.js, and form no cycle.

import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, importsOf, readSourceFiles, type ImportRef, type SourceFile } from './source-files.js';

/**
 * Which modules each module may import (ARCHITECTURE.md section 2, and the README's Architecture
 * section). One addition: state may import catalog, whose model the catalog store persists.
 */
const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  common: [],
  sql: ['common'],
  catalog: ['common'],
  functions: ['common'],
  analyze: ['common', 'sql', 'catalog', 'functions'],
  plan: ['common', 'analyze', 'catalog', 'functions'],
  exec: ['common', 'functions', 'plan'],
  state: ['common', 'catalog', 'exec'],
  io: ['common', 'exec'],
  engine: ['common', 'sql', 'catalog', 'functions', 'analyze', 'plan', 'exec', 'state', 'io'],
  testing: ['engine', 'common', 'sql'],
  cli: ['engine', 'testing', 'repl', 'common', 'sql'],
  repl: ['engine', 'common', 'sql'],
};

/** Packages that must never be imported under src/exec/ (operators stay pure). */
const FORBIDDEN_IN_EXEC = ['better-sqlite3', 'kafkajs'];

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly ref: ImportRef;
}

/** `src/exec/expr/x.ts` → `exec`; null for a path outside src/. */
function moduleOf(path: string): string | null {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length >= 3 ? (parts[1] ?? null) : null;
}

function where(ref: ImportRef): string {
  return `${ref.file}:${ref.line} → '${ref.specifier}'`;
}

/** Every violation of the import rules in `files`, one line each (empty when all is well). */
function checkImports(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  const edges: Edge[] = [];
  const reportedUnknown = new Set<string>();
  const unknownModule = (module: string, ref: ImportRef): void => {
    if (reportedUnknown.has(module)) return;
    reportedUnknown.add(module);
    violations.push(`${where(ref)}: module '${module}' is not in the architecture table (ARCHITECTURE.md section 2)`);
  };

  for (const file of files) {
    if (file.path.startsWith(GENERATED_DIR)) continue;
    const from = moduleOf(file.path);
    if (from === null) continue;
    for (const ref of importsOf(file)) {
      const spec = ref.specifier;
      if (!spec.startsWith('.')) {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (from === 'exec' && FORBIDDEN_IN_EXEC.includes(pkg)) {
          violations.push(`${where(ref)}: exec must not import ${pkg} (operators stay pure; adapters live in io/ and state/)`);
        }
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(file.path), spec));
      if (target.startsWith(GENERATED_DIR) && from !== 'sql') {
        violations.push(`${where(ref)}: the generated parser is imported only inside src/sql/ (use src/sql/index.js)`);
      }
      const to = moduleOf(target);
      if (to === null || to === from) continue;
      const allowedFrom = ALLOWED_IMPORTS[from];
      if (allowedFrom === undefined) {
        unknownModule(from, ref);
      } else if (ALLOWED_IMPORTS[to] === undefined) {
        unknownModule(to, ref);
      } else if (!allowedFrom.includes(to)) {
        violations.push(`${where(ref)}: ${from} may not import ${to} (${from} may import: ${allowedFrom.join(', ') || 'nothing'})`);
      }
      if (target !== `src/${to}/index.js`) {
        violations.push(`${where(ref)}: deep import into ${to}; import src/${to}/index.js instead`);
      }
      edges.push({ from, to, ref });
    }
  }
  violations.push(...findCycles(edges));
  return violations;
}

/** Cycles between modules (Tarjan's strongly connected components), each with one import per edge. */
function findCycles(edges: readonly Edge[]): string[] {
  const graph = new Map<string, Map<string, ImportRef>>();
  for (const e of edges) {
    const out = graph.get(e.from) ?? new Map<string, ImportRef>();
    if (!out.has(e.to)) out.set(e.to, e.ref);
    graph.set(e.from, out);
    if (!graph.has(e.to)) graph.set(e.to, new Map());
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);

  return components.map((component) => {
    const members = new Set(component);
    const inside: string[] = [];
    for (const from of component) {
      for (const [to, ref] of graph.get(from) ?? []) if (members.has(to)) inside.push(`${from} → ${to} (${where(ref)})`);
    }
    return `cycle between modules ${component.join(', ')}: ${inside.join('; ')}`;
  });
}

function fail(violations: readonly string[]): string {
  return `${violations.length} import rule violation(s):\n  ${violations.join('\n  ')}`;
}

describe('module imports under src/', () => {
  it('reads the real source tree (the checks below are not vacuous)', () => {
    const files = readSourceFiles();
    const modules = new Set(files.map((f) => moduleOf(f.path)));
    for (const m of ['common', 'sql', 'analyze', 'plan', 'exec', 'engine']) expect(modules).toContain(m);
    const refs = files.flatMap(importsOf);
    expect(refs.filter((r) => r.specifier === '../common/index.js').length).toBeGreaterThan(5);
    expect(files.some((f) => f.path.startsWith(GENERATED_DIR))).toBe(false);
  });

  it('follow the module table, go through index.js, form no cycle, keep exec pure and the parser private', () => {
    const violations = checkImports(readSourceFiles());
    expect(violations, fail(violations)).toEqual([]);
  });

  it('the table itself has no cycle and names only known modules', () => {
    const edges: Edge[] = [];
    for (const [from, targets] of Object.entries(ALLOWED_IMPORTS)) {
      for (const to of targets) {
        expect(Object.keys(ALLOWED_IMPORTS), `${from} → ${to}`).toContain(to);
        edges.push({ from, to, ref: { file: `table:${from}`, line: 0, specifier: to } });
      }
    }
    expect(findCycles(edges)).toEqual([]);
  });
});

describe('the import checker', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text: `// ${path}\n${text}` });

  it('accepts downward imports through index.js, same-module deep imports and packages', () => {
    const violations = checkImports([
      file('src/exec/expr/a.ts', "import { x } from '../../plan/index.js';\nimport { y } from '../operators/filter.js';"),
      file('src/plan/physical/b.ts', "export type { BoundExpr } from '../../analyze/index.js';"),
      file('src/state/c.ts', "import Database from 'better-sqlite3';\nimport type { P } from '../exec/index.js';"),
      file('src/sql/parse.ts', "import { parse } from './generated/eddy-parser.js';"),
    ]);
    expect(violations).toEqual([]);
  });

  it('finds upward edges, deep imports, cycles, impure exec and the leaked parser in every import form', () => {
    const violations = checkImports([
      file('src/common/a.ts', "import type { X } from '../sql/index.js';"),
      file('src/sql/b.ts', "export * from '../common/value.js';"),
      file('src/exec/c.ts', "const m = await import('../plan/physical/index.js');\nimport Database from 'better-sqlite3';"),
      file('src/exec/ops/d.ts', "import type { Kafka } from 'kafkajs';\ntype T = typeof import('../../state/index.js');"),
      file('src/analyze/e.ts', "// import { z } from '../engine/index.js'\nimport { p } from '../sql/generated/eddy-parser.js';"),
      file('src/newmod/f.ts', "import { a } from '../common/index.js';"),
    ]);
    const text = violations.join('\n');
    expect(text).toContain("src/common/a.ts:2 → '../sql/index.js': common may not import sql (common may import: nothing)");
    expect(text).toContain("src/sql/b.ts:2 → '../common/value.js': deep import into common");
    expect(text).toContain("src/exec/c.ts:2 → '../plan/physical/index.js': deep import into plan");
    expect(text).toContain("src/exec/c.ts:3 → 'better-sqlite3': exec must not import better-sqlite3");
    expect(text).toContain("src/exec/ops/d.ts:2 → 'kafkajs': exec must not import kafkajs");
    expect(text).toContain("src/exec/ops/d.ts:3 → '../../state/index.js': exec may not import state");
    expect(text).toContain("src/analyze/e.ts:3 → '../sql/generated/eddy-parser.js': the generated parser is imported only inside src/sql/");
    expect(text).toContain("module 'newmod' is not in the architecture table");
    expect(text).toMatch(/cycle between modules common, sql: common → sql \(src\/common\/a\.ts:2.*\); sql → common/);
    expect(text).not.toContain('engine');
  });

  it('reports a longer cycle with one import per edge', () => {
    const violations = checkImports([
      file('src/analyze/a.ts', "import { p } from '../plan/index.js';"),
      file('src/plan/b.ts', "import { e } from '../exec/index.js';"),
      file('src/exec/c.ts', "import { a } from '../analyze/index.js';"),
    ]);
    expect(violations.filter((v) => v.startsWith('cycle'))).toEqual([
      "cycle between modules analyze, exec, plan: analyze → plan (src/analyze/a.ts:2 → '../plan/index.js'); " +
        "exec → analyze (src/exec/c.ts:2 → '../analyze/index.js'); plan → exec (src/plan/b.ts:2 → '../exec/index.js')",
    ]);
  });
});
