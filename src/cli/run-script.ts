// runScript: executes a .sql file's statements in order, printing results; returns the exit code.

import type { Engine } from '../engine/index.js';
import type { ParsedStatement } from '../sql/index.js';
import { QueryPrinter, renderResult } from './render.js';
import { EXIT_OK, reportError } from './report-error.js';

export interface ScriptOptions {
  readonly text: string;
  readonly file: string;
  readonly write: (text: string) => void;
  /** The running push query's cancel switch (null between queries): Ctrl-C aborts it. */
  readonly interrupt: { current: AbortController | null };
}

export async function runScript(engine: Engine, options: ScriptOptions): Promise<number> {
  const { text, file, write } = options;
  let statements: ParsedStatement[];
  try {
    statements = engine.parse(text);
  } catch (e) {
    return reportError(e, text, file);
  }
  for (const statement of statements) {
    try {
      const result = await engine.execute(statement);
      if (result.kind !== 'query') {
        write(`${renderResult(result)}\n`);
        continue;
      }
      const { query } = result;
      const printer = new QueryPrinter(query.columns, write);
      printer.header();
      const controller = new AbortController();
      options.interrupt.current = controller;
      let rows = 0;
      try {
        await query.run(
          (change) => {
            rows++;
            printer.row(change);
          },
          { signal: controller.signal },
        );
      } finally {
        options.interrupt.current = null;
      }
      const reason =
        query.limit !== null && rows >= query.limit
          ? `Limit of ${query.limit} reached`
          : controller.signal.aborted
            ? 'Query cancelled'
            : 'End of data';
      printer.footer(reason);
    } catch (e) {
      return reportError(e, text, file, statement.span);
    }
  }
  return EXIT_OK;
}
