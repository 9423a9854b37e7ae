// Deprecated date/time functions over plain numbers: DATETOSTRING, STRINGTODATE, STRINGTOTIMESTAMP, TIMESTAMPTOSTRING.

import { SqlTypes, type Value } from '../common/index.js';
import { formatDate, formatTimestamp, parseDate, parseTimestamp } from './date-time-values.js';
import { orNull } from './or-null.js';
import { returnsType, type ScalarFunction } from './scalar-function.js';

const { STRING, INT, BIGINT } = SqlTypes;
const str = (v: Value | undefined): string => v as string;

export const deprecatedDateTimeFunctions: readonly ScalarFunction[] = [
  {
    name: 'DATETOSTRING',
    category: 'DATE_TIME',
    description: 'Deprecated (use FORMAT_DATE): a number of days since 1970-01-01 as text in a Java date pattern.',
    signatures: [{ params: ['INT', 'STRING'], returns: returnsType(STRING) }],
    invoke: orNull(([d, p]) => formatDate(d as number, str(p))),
  },
  {
    name: 'STRINGTODATE',
    category: 'DATE_TIME',
    description: 'Deprecated (use PARSE_DATE): text in a Java date pattern as a number of days since 1970-01-01.',
    signatures: [{ params: ['STRING', 'STRING'], returns: returnsType(INT) }],
    invoke: orNull(([s, p]) => parseDate(str(s), str(p))),
  },
  {
    name: 'STRINGTOTIMESTAMP',
    category: 'DATE_TIME',
    description: 'Deprecated (use PARSE_TIMESTAMP): text in a Java pattern as epoch milliseconds (BIGINT), in a zone (UTC by default).',
    signatures: [
      { params: ['STRING', 'STRING'], returns: returnsType(BIGINT) },
      { params: ['STRING', 'STRING', 'STRING'], returns: returnsType(BIGINT) },
    ],
    invoke: orNull(([s, p, zone]) => BigInt(parseTimestamp(str(s), str(p), zone === undefined ? 'UTC' : str(zone)))),
  },
  {
    name: 'TIMESTAMPTOSTRING',
    category: 'DATE_TIME',
    description: 'Deprecated (use FORMAT_TIMESTAMP): epoch milliseconds (BIGINT) as text in a Java pattern, in a zone (UTC by default).',
    signatures: [
      { params: ['BIGINT', 'STRING'], returns: returnsType(STRING) },
      { params: ['BIGINT', 'STRING', 'STRING'], returns: returnsType(STRING) },
    ],
    invoke: orNull(([ms, p, zone]) => formatTimestamp(Number(ms), str(p), zone === undefined ? 'UTC' : str(zone))),
  },
];
