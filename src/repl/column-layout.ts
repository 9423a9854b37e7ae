// Column layout: widths that fit a table into the terminal, cells cut with '…', and the boxed table's lines.

/** Each column as wide as its widest cell, then the widest ones narrowed until the box fits `maxWidth`. */
export function fitColumnWidths(natural: readonly number[], maxWidth: number, minWidth = 4): number[] {
  const widths = [...natural];
  // A boxed row is `| a | b |`: 3 characters per column plus 1.
  const total = () => widths.reduce((sum, w) => sum + w + 3, 1);
  while (total() > maxWidth) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > minWidth && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? minWidth) - 1;
  }
  return widths;
}

export function naturalWidths(columns: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
}

export function fitCell(text: string, width: number): string {
  const oneLine = text.replace(/[\r\n\t]/g, ' ');
  return oneLine.length <= width ? oneLine.padEnd(width) : `${oneLine.slice(0, Math.max(0, width - 1))}…`;
}

/** The lines of a boxed table: rule, header, rule, rows, rule. */
export function boxedTable(columns: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string[] {
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]) => `|${widths.map((w, i) => ` ${fitCell(cells[i] ?? '', w)} `).join('|')}|`;
  return [rule, line(columns), rule, ...rows.map(line), rule];
}

/** A boxed table fitted to `maxWidth` columns of terminal. */
export function renderBoxedTable(columns: readonly string[], rows: readonly (readonly string[])[], maxWidth: number): string[] {
  return boxedTable(columns, rows, fitColumnWidths(naturalWidths(columns, rows), maxWidth));
}
