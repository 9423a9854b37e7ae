// Source files under src/ (minus the generated parser) and the import specifiers each one uses.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SRC_ROOT = join(REPO_ROOT, 'src');

/** `src/sql/generated/` is machine-written: the rules do not apply inside it. */
export const GENERATED_DIR = 'src/sql/generated/';

export interface SourceFile {
  /** Repo-relative with forward slashes: `src/exec/expr/compile-expr.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface ImportRef {
  readonly file: string;
  readonly line: number;
  /** The specifier as written: `../catalog/index.js`, `better-sqlite3`. */
  readonly specifier: string;
}

/** Every .ts / .tsx file under src/, generated parser excluded, sorted by path. */
export function readSourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative(REPO_ROOT, full).split(sep).join('/');
      if (statSync(full).isDirectory()) {
        if (`${path}/` !== GENERATED_DIR) walk(full);
      } else if (/\.tsx?$/.test(name)) {
        out.push({ path, text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(SRC_ROOT);
  return out;
}

/** The module folders directly under src/. */
export function moduleFolders(): string[] {
  return readdirSync(SRC_ROOT)
    .filter((name) => statSync(join(SRC_ROOT, name)).isDirectory())
    .sort();
}

/**
 * The specifiers of `import … from`, `export … from`, `import('…')` (as a call or a type),
 * `import x = require('…')` and `require('…')`, with their line numbers. Comments and string
 * contents never count: the file is parsed, not grepped.
 */
export function importsOf(file: SourceFile): ImportRef[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, specifier: string): void => {
    out.push({ file: file.path, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, specifier });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) add(node, expr.text);
    } else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const [arg] = node.arguments;
      if ((isImport || isRequire) && arg !== undefined && ts.isStringLiteralLike(arg)) add(node, arg.text);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(node, arg.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
