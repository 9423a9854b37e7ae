// Value text: how ksqlDB's functions turn a typed value into text (ARRAY_JOIN's elements, JSON's dates).

import { formatValue, type SqlType, type Value } from '../common/index.js';
import { dateOf, timeOf, wallClockOf } from './date-time-values.js';

/** The value as Java's toString shows it: DOUBLE `1.0`, DATE `2021-10-11`, TIME `13:25`, TIMESTAMP `2021-10-11T13:25`. */
export function valueText(v: Value, type: SqlType | undefined): string {
  if (v === null) return 'null';
  switch (type?.kind) {
    case 'DATE':
      return dateOf(v as number).toString();
    case 'TIME':
      return timeOf(v as number).toString();
    case 'TIMESTAMP':
      return wallClockOf(v as number).toString();
    default:
      return formatValue(v, type);
  }
}
