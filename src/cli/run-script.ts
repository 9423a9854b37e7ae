// runScript: executes a .sql file's statements in order, printing results; returns the exit code.

import { LATEST_OFFSET_HINT, PRINT_LATEST_HINT, printSummary, type Engine, type TopicPrint } from '../engine/index.js';
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

/** How long a latest-offset push query may show nothing before the hint is printed. */
const HINT_AFTER_MS = 2000;

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
      // A query in a script sees what the statements before it did: this process's persistent
      // queries first consume everything present now (as the golden tests and `eddy test` do).
      if (statement.statement.kind === 'QueryStatement') await engine.drain();
      const result = await engine.execute(statement);
      if (result.kind === 'print') {
        await printTopic(result.print, options);
        continue;
      }
      if (result.kind !== 'query') {
        write(`${renderResult(result)}\n`);
        continue;
      }
      const { query } = result;
      const printer = new QueryPrinter(query.columns, write);
      printer.header();
      let rows = 0;
      // A push query from the latest offset that shows nothing: say why, and how to read what is there.
      const { cancelled, unanswered } = await runCancellable(options, query.mode === 'push' && query.startsFrom === 'latest' ? LATEST_OFFSET_HINT : null, (signal, arrived) =>
        query.run(
          (change) => {
            arrived();
            rows++;
            printer.row(change);
          },
          { signal },
        ),
      );
      printer.footer(query.limit !== null && rows >= query.limit ? `Limit of ${query.limit} reached` : cancelled ? 'Query cancelled' : 'End of data');
      if (unanswered !== null) write(`${unanswered}\n`);
    } catch (e) {
      return reportError(e, text, file, statement.span);
    }
  }
  return EXIT_OK;
}

/** PRINT: the records as they arrive, until its LIMIT or Ctrl-C (as a push query). */
async function printTopic(print: TopicPrint, options: ScriptOptions): Promise<void> {
  const { result, unanswered } = await runCancellable(options, print.fromBeginning ? null : PRINT_LATEST_HINT, (signal, arrived) =>
    print.run(
      (lines) => {
        arrived();
        options.write(`${lines.join('\n')}\n`);
      },
      { signal },
    ),
  );
  options.write(`${printSummary(print, result)}\n`);
  if (unanswered !== null) options.write(`${unanswered}\n`);
}

/**
 * Runs a streaming result (a push query, PRINT) with Ctrl-C as its cancel switch. With a `hint`:
 * when nothing has arrived after HINT_AFTER_MS it goes to stderr; `unanswered` is the hint when
 * nothing arrived at all (the caller prints it after its footer), else null.
 */
async function runCancellable<T>(
  options: ScriptOptions,
  hint: string | null,
  run: (signal: AbortSignal, arrived: () => void) => Promise<T>,
): Promise<{ result: T; cancelled: boolean; unanswered: string | null }> {
  const controller = new AbortController();
  options.interrupt.current = controller;
  let anything = false;
  const timer =
    hint === null
      ? undefined
      : setTimeout(() => {
          if (!anything) process.stderr.write(`${hint}\n`);
        }, HINT_AFTER_MS);
  let result: T;
  try {
    result = await run(controller.signal, () => (anything = true));
  } finally {
    options.interrupt.current = null;
    clearTimeout(timer);
  }
  return { result, cancelled: controller.signal.aborted, unanswered: anything ? null : hint };
}

/**
 * Runs a whole script as `eddy run` does: Ctrl-C cancels the running push query (the script goes
 * on), or else stops the final drain; then this process's persistent queries finish the input
 * available so far. Returns the exit code.
 */
export async function runScriptToEnd(engine: Engine, text: string, file: string): Promise<number> {
  const interrupt: { current: AbortController | null } = { current: null };
  const stopDraining = new AbortController();
  const onSigint = () => {
    if (interrupt.current !== null && !interrupt.current.signal.aborted) interrupt.current.abort();
    else if (!stopDraining.signal.aborted) stopDraining.abort();
    else process.exit(130);
  };
  process.on('SIGINT', onSigint);
  try {
    const code = await runScript(engine, { text, file, write: (t) => process.stdout.write(t), interrupt });
    if (code === 0) await engine.drain(stopDraining.signal);
    return code;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
