// renderTableText: a table result as plain `|`-separated text, for results that nest tables (DESCRIBE STREAMS).

export function renderTableText(title: string | null, columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = title === null ? [] : [title];
  lines.push(columns.join(' | '), ...rows.map((r) => r.join(' | ')));
  return lines.join('\n');
}
