// rowJson: a result row as a JSON object keyed by column name (what `output json` prints).

import { formatValue, type Column, type Row, type Value } from '../common/index.js';

export function rowJson(columns: readonly Column[], row: Row): Record<string, unknown> {
  return Object.fromEntries(columns.map((c, i) => [c.name, jsonValue(row[i] ?? null, c)]));
}

function jsonValue(value: Value, column: Column): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : formatValue(value, column.type);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return formatValue(value, column.type);
}
