// Rendering results as terminal text: boxed tables, streamed query rows, messages.

import { formatValue, type Change, type Column } from '../common/index.js';
import type { StatementResult } from '../engine/index.js';

/** A boxed table with a header row, columns as wide as their widest cell. */
export function renderTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const fmt = (cells: readonly string[]) => `|${widths.map((w, i) => ` ${(cells[i] ?? '').padEnd(w)} `).join('|')}|`;
  return [line, fmt(columns), line, ...rows.map(fmt), line].join('\n');
}

/** Text for a result that does not stream (queries stream through QueryPrinter, PRINT line by line). */
export function renderResult(result: Exclude<StatementResult, { kind: 'query' | 'print' }>): string {
  switch (result.kind) {
    case 'message':
      return result.text;
    case 'text':
      return result.text;
    case 'table': {
      const table = result.rows.length === 0 && result.title === null ? `${renderTable(result.columns, [])}\n(none)` : renderTable(result.columns, result.rows);
      return result.title === null ? table : `${result.title}\n${table}`;
    }
  }
}

/** Prints a query's rows as they arrive, in a table whose column widths follow the types. */
export class QueryPrinter {
  private readonly widths: number[];
  private rows = 0;

  constructor(
    private readonly columns: readonly Column[],
    private readonly write: (text: string) => void,
  ) {
    this.widths = columns.map((c) => Math.max(c.name.length, defaultWidth(c)));
  }

  header(): void {
    this.write(`${this.rule()}\n${this.format(this.columns.map((c) => c.name))}\n${this.rule()}\n`);
  }

  row(change: Change): void {
    this.rows++;
    const cells = change.row.map((v, i) => formatValue(v, this.columns[i]?.type));
    this.write(`${this.format(cells)}${change.op === 'delete' ? ' (deleted)' : ''}\n`);
  }

  footer(reason: string): void {
    this.write(`${this.rule()}\n${reason} (${this.rows} row${this.rows === 1 ? '' : 's'})\n`);
  }

  private rule(): string {
    return `+${this.widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  }

  private format(cells: readonly string[]): string {
    return `|${this.widths.map((w, i) => ` ${(cells[i] ?? '').padEnd(w)} `).join('|')}|`;
  }
}

function defaultWidth(column: Column): number {
  switch (column.type.kind) {
    case 'BOOLEAN':
      return 5;
    case 'INT':
      return 6;
    case 'BIGINT':
      return 13; // epoch milliseconds fit
    case 'DOUBLE':
    case 'DECIMAL':
      return 10;
    default:
      return 12;
  }
}
