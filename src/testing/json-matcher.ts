// matchJson: ksqlDB's expected-vs-actual JSON comparison — field names, exact integers and decimals, doubles within 1e-6.

import { Decimal, type SqlType } from '../common/index.js';
import { formatLosslessJson, JsonNumber, type LosslessJson } from '../engine/index.js';

/** How far apart an expected and an actual DOUBLE may be. */
export const DOUBLE_TOLERANCE = 1e-6;

/**
 * Null when `actual` matches `expected`, else the first difference as `path: expected X but was Y`.
 * `type` is the SQL type of the actual value (from the sink's schema), which decides how numbers
 * compare: integers exactly, DECIMAL exactly with its scale, DOUBLE within DOUBLE_TOLERANCE. With
 * no type, integers compare exactly, numbers with an exponent as doubles, other numbers as decimals.
 */
export function matchJson(expected: LosslessJson, actual: LosslessJson, type: SqlType | null, path: string): string | null {
  const differ = (why = '') => `${path}: expected ${show(expected)} but was ${show(actual)}${why}`;
  if (expected === null || actual === null) return expected === actual ? null : differ();
  if (expected instanceof JsonNumber) {
    if (!(actual instanceof JsonNumber)) return differ();
    return matchNumber(expected.text, actual.text, type) ? null : differ(numberHint(expected.text, actual.text, type));
  }
  if (typeof expected === 'string') {
    if (actual === expected) return null;
    // A string matches a DECIMAL when it parses to the same value and scale.
    if (actual instanceof JsonNumber && (type?.kind === 'DECIMAL' || type === null) && sameDecimal(expected, actual.text)) return null;
    return differ();
  }
  if (typeof expected === 'boolean') return actual === expected ? null : differ();
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ();
    if (actual.length !== expected.length) return differ(` (${expected.length} elements expected, ${actual.length} found)`);
    const element = type?.kind === 'ARRAY' ? type.element : null;
    for (let i = 0; i < expected.length; i++) {
      const d = matchJson(expected[i] ?? null, actual[i] ?? null, element, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (actual instanceof JsonNumber || typeof actual !== 'object' || Array.isArray(actual)) return differ();
  const expectedFields = Object.keys(expected);
  const actualFields = Object.keys(actual);
  if (expectedFields.length !== actualFields.length) {
    return differ(` (fields: expected ${expectedFields.join(', ') || 'none'}; actual ${actualFields.join(', ') || 'none'})`);
  }
  for (const field of expectedFields) {
    // As ksqlDB: the exact name first, then its upper-case form.
    const name = field in actual ? field : field.toUpperCase() in actual ? field.toUpperCase() : null;
    const fieldPath = `${path}.${field}`;
    if (name === null) return `${fieldPath}: expected ${show(expected[field] ?? null)} but there is no such field (actual fields: ${actualFields.join(', ')})`;
    const d = matchJson(expected[field] ?? null, actual[name] ?? null, fieldType(type, name), fieldPath);
    if (d !== null) return d;
  }
  return null;
}

function fieldType(type: SqlType | null, name: string): SqlType | null {
  if (type?.kind === 'STRUCT') return type.fields.find((f) => f.name === name)?.type ?? type.fields.find((f) => f.name.toUpperCase() === name.toUpperCase())?.type ?? null;
  if (type?.kind === 'MAP') return type.value;
  return null;
}

const INTEGER = /^-?\d+$/;

function matchNumber(expected: string, actual: string, type: SqlType | null): boolean {
  const kind = type?.kind ?? (INTEGER.test(actual) && INTEGER.test(expected) ? 'BIGINT' : /[eE]/.test(actual + expected) ? 'DOUBLE' : 'DECIMAL');
  switch (kind) {
    case 'DOUBLE':
      return Math.abs(Number(expected) - Number(actual)) <= DOUBLE_TOLERANCE || Number(expected) === Number(actual);
    case 'DECIMAL':
      return sameDecimal(expected, actual);
    default:
      return INTEGER.test(expected) && INTEGER.test(actual) && BigInt(expected) === BigInt(actual);
  }
}

/** Same unscaled value and same scale: `10.50` ≠ `10.5`, and an integer literal only matches scale 0. */
function sameDecimal(expected: string, actual: string): boolean {
  try {
    const e = Decimal.parse(expected);
    const a = Decimal.parse(actual);
    return e.unscaled === a.unscaled && e.scale === a.scale;
  } catch {
    return false;
  }
}

function numberHint(expected: string, actual: string, type: SqlType | null): string {
  if (type?.kind === 'DECIMAL' && Number(expected) === Number(actual)) return ' (DECIMAL compares exactly, scale included)';
  if (type?.kind === 'DOUBLE') return ` (DOUBLE tolerance is ${DOUBLE_TOLERANCE})`;
  return '';
}

export function show(node: LosslessJson): string {
  const text = formatLosslessJson(node);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
