// Date/time functions over DATE, TIME and TIMESTAMP: parsing, formatting (Java patterns), zones and arithmetic.

import { SqlTypes, type Value } from '../common/index.js';
import {
  convertUnits,
  convertZone,
  formatDate,
  formatTime,
  formatTimestamp,
  MS_PER_DAY,
  parseDate,
  parseTime,
  parseTimestamp,
} from './date-time-values.js';
import { orNull } from './or-null.js';
import { noDefaultInvoke, returnsType, type ScalarFunction } from './scalar-function.js';

const { STRING, INT, BIGINT, DATE, TIME, TIMESTAMP } = SqlTypes;
const str = (v: Value | undefined): string => v as string;
const num = (v: Value | undefined): number => v as number;
const amount = (v: Value | undefined): number | bigint => v as number | bigint;


const sign = (subtract: boolean, v: Value | undefined): number | bigint => (subtract ? -amount(v) : amount(v));

function dateAdd(name: string, subtract: boolean): ScalarFunction {
  return {
    name,
    category: 'DATE_TIME',
    description: `${subtract ? 'Subtracts' : 'Adds'} a number of time units (DAYS, HOURS, …; cut to whole days) ${subtract ? 'from' : 'to'} a DATE.`,
    signatures: [{ params: ['STRING', 'INT', 'DATE'], returns: returnsType(DATE) }],
    invoke: orNull(([unit, n, d]) => num(d) + convertUnits(sign(subtract, n), str(unit), 'DAYS')),
  };
}

function timeAdd(name: string, subtract: boolean): ScalarFunction {
  return {
    name,
    category: 'DATE_TIME',
    description: `${subtract ? 'Subtracts' : 'Adds'} a number of time units ${subtract ? 'from' : 'to'} a TIME, wrapping around midnight.`,
    signatures: [{ params: ['STRING', 'INT', 'TIME'], returns: returnsType(TIME) }],
    invoke: orNull(([unit, n, t]) => {
      const ms = (num(t) + (convertUnits(sign(subtract, n), str(unit), 'MILLISECONDS') % MS_PER_DAY)) % MS_PER_DAY;
      return ms < 0 ? ms + MS_PER_DAY : ms;
    }),
  };
}

function timestampAdd(name: string, subtract: boolean): ScalarFunction {
  const invoke = orNull(([unit, n, ts]) => num(ts) + convertUnits(sign(subtract, n), str(unit), 'MILLISECONDS'));
  return {
    name,
    category: 'DATE_TIME',
    description: `${subtract ? 'Subtracts' : 'Adds'} a number of time units (MILLISECONDS … DAYS) ${subtract ? 'from' : 'to'} a TIMESTAMP.`,
    signatures: [
      { params: ['STRING', 'INT', 'TIMESTAMP'], returns: returnsType(TIMESTAMP) },
      { params: ['STRING', 'BIGINT', 'TIMESTAMP'], returns: returnsType(TIMESTAMP) },
    ],
    invoke,
  };
}

export const dateTimeFunctions: readonly ScalarFunction[] = [
  {
    name: 'FORMAT_DATE',
    category: 'DATE_TIME',
    description: "A DATE as text in a Java DateTimeFormatter pattern such as 'yyyy-MM-dd'.",
    signatures: [{ params: ['DATE', 'STRING'], returns: returnsType(STRING) }],
    invoke: orNull(([d, p]) => formatDate(num(d), str(p))),
  },
  {
    name: 'FORMAT_TIME',
    category: 'DATE_TIME',
    description: "A TIME as text in a Java DateTimeFormatter pattern such as 'HH:mm:ss.SSS'.",
    signatures: [{ params: ['TIME', 'STRING'], returns: returnsType(STRING) }],
    invoke: orNull(([t, p]) => formatTime(num(t), str(p))),
  },
  {
    name: 'FORMAT_TIMESTAMP',
    category: 'DATE_TIME',
    description: 'A TIMESTAMP as text in a Java DateTimeFormatter pattern, shown in a time zone (UTC by default).',
    signatures: [
      { params: ['TIMESTAMP', 'STRING'], returns: returnsType(STRING) },
      { params: ['TIMESTAMP', 'STRING', 'STRING'], returns: returnsType(STRING) },
    ],
    invoke: orNull(([ts, p, zone]) => formatTimestamp(num(ts), str(p), zone === undefined ? 'UTC' : str(zone))),
  },
  {
    name: 'PARSE_DATE',
    category: 'DATE_TIME',
    description: 'Reads a DATE from text in a Java DateTimeFormatter pattern; NULL when the text does not match.',
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(DATE) }],
    invoke: orNull(([s, p]) => parseDate(str(s), str(p))),
  },
  {
    name: 'PARSE_TIME',
    category: 'DATE_TIME',
    description: 'Reads a TIME from text in a Java DateTimeFormatter pattern; NULL when the text does not match.',
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(TIME) }],
    invoke: orNull(([s, p]) => parseTime(str(s), str(p))),
  },
  {
    name: 'PARSE_TIMESTAMP',
    category: 'DATE_TIME',
    description: 'Reads a TIMESTAMP from text in a Java DateTimeFormatter pattern, in the zone the text names or the given one (UTC by default).',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(TIMESTAMP) },
      { params: ['STRING', 'STRING', 'STRING'], returns: returnsType(TIMESTAMP) },
    ],
    invoke: orNull(([s, p, zone]) => parseTimestamp(str(s), str(p), zone === undefined ? 'UTC' : str(zone))),
  },
  {
    name: 'CONVERT_TZ',
    category: 'DATE_TIME',
    description: 'Moves a TIMESTAMP read as wall-clock time in one zone to the wall-clock time of the same instant in another.',
    signatures: [{ params: ['TIMESTAMP', 'STRING', 'STRING'], returns: returnsType(TIMESTAMP) }],
    invoke: orNull(([ts, from, to]) => convertZone(num(ts), str(from), str(to))),
  },
  {
    name: 'FROM_DAYS',
    category: 'DATE_TIME',
    description: 'The DATE a number of days after 1970-01-01.',
    signatures: [{ params: ['INT'], returns: returnsType(DATE) }],
    invoke: ([d]) => num(d),
  },
  {
    name: 'FROM_UNIXTIME',
    category: 'DATE_TIME',
    description: 'The TIMESTAMP of a number of milliseconds since 1970-01-01T00:00:00 UTC.',
    signatures: [{ params: ['BIGINT'], returns: returnsType(TIMESTAMP) }],
    invoke: ([ms]) => Number(ms),
  },
  {
    name: 'UNIX_DATE',
    category: 'DATE_TIME',
    description: 'A DATE as days since 1970-01-01; with no argument, today (UTC).',
    signatures: [
      { params: [], returns: returnsType(INT), invoke: () => Math.floor(Date.now() / MS_PER_DAY) },
      { params: ['DATE'], returns: returnsType(INT), invoke: ([d]) => num(d) },
    ],
    invoke: noDefaultInvoke,
    nondeterministic: true,
  },
  {
    name: 'UNIX_TIMESTAMP',
    category: 'DATE_TIME',
    description: 'A TIMESTAMP as milliseconds since 1970-01-01T00:00:00 UTC; with no argument, now.',
    signatures: [
      { params: [], returns: returnsType(BIGINT), invoke: () => BigInt(Date.now()) },
      { params: ['TIMESTAMP'], returns: returnsType(BIGINT), invoke: ([ts]) => BigInt(num(ts)) },
    ],
    invoke: noDefaultInvoke,
    nondeterministic: true,
  },
  dateAdd('DATEADD', false),
  dateAdd('DATESUB', true),
  timeAdd('TIMEADD', false),
  timeAdd('TIMESUB', true),
  timestampAdd('TIMESTAMPADD', false),
  timestampAdd('TIMESTAMPSUB', true),
];
