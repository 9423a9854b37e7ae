// Other functions: AS_VALUE (a key column copied into the value) and GEO_DISTANCE (great-circle distance).

import { SqlTypes, type Value } from '../common/index.js';
import { generic, returnsFirstArg, returnsType, type ScalarFunction } from './scalar-function.js';

const EARTH_RADIUS: Readonly<Record<string, number>> = { KM: 6371, KILOMETER: 6371, KILOMETERS: 6371, MI: 3959, MILE: 3959, MILES: 3959 };
const rad = (deg: number): number => deg * (Math.PI / 180);

/** Haversine distance between two points in decimal degrees; NULL for an unknown unit or out-of-range coordinates. */
export function geoDistance(lat1: number, lon1: number, lat2: number, lon2: number, unit = 'KM'): number | null {
  const radius = EARTH_RADIUS[unit.toUpperCase()];
  if (radius === undefined || [lat1, lat2].some((l) => l < -90 || l > 90) || [lon1, lon2].some((l) => l < -180 || l > 180)) return null;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * radius * Math.asin(Math.sqrt(a));
}

const num = (v: Value | undefined): number => v as number;

export const otherFunctions: readonly ScalarFunction[] = [
  {
    name: 'AS_VALUE',
    category: 'OTHER',
    description: 'Its argument unchanged: used to copy a key column into the value columns of a result.',
    signatures: [{ params: [generic('T')], returns: returnsFirstArg }],
    invoke: ([v]) => v ?? null,
  },
  {
    name: 'GEO_DISTANCE',
    category: 'OTHER',
    description: "The great-circle distance between two latitude/longitude points in degrees, in 'KM' (default) or 'MILES'.",
    signatures: [
      { params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE'], returns: returnsType(SqlTypes.DOUBLE) },
      { params: ['DOUBLE', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'STRING'], returns: returnsType(SqlTypes.DOUBLE) },
    ],
    invoke: ([a, b, c, d, unit]) => geoDistance(num(a), num(b), num(c), num(d), unit === undefined ? 'KM' : (unit as string)),
  },
];
