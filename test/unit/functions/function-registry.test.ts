// Unit tests for the function registry: every function documented, overload resolution with widening, helpful errors.

import { describe, expect, it } from 'vitest';
import { formatSqlType, isEngineError, SqlTypes, decimalType, type SqlType, type Value } from '../../../src/common/index.js';
import { findFunction, implementationFor, listFunctions, resolveCall } from '../../../src/functions/index.js';

const { INT, BIGINT, DOUBLE, STRING, BOOLEAN } = SqlTypes;

function resolved(name: string, ...args: SqlType[]): { params: string[]; returns: string; fn: string } {
  const r = resolveCall(name, args);
  return { params: r.paramTypes.map(formatSqlType), returns: formatSqlType(r.returnType), fn: r.fn.name };
}

function failure(name: string, ...args: SqlType[]): { code: string; message: string } {
  try {
    resolveCall(name, args);
  } catch (e) {
    if (isEngineError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} resolved`);
}

describe('the registry', () => {
  it('gives every function a name, a category, a one-line description and at least one signature', () => {
    const all = listFunctions();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const fn of all) {
      expect(fn.name, fn.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(fn.description.trim().length, fn.name).toBeGreaterThan(10);
      expect(fn.description, fn.name).not.toContain('\n');
      expect(['MATH', 'STRING', 'REGEX', 'DATE_TIME', 'ARRAY', 'MAP', 'JSON', 'URL', 'NULL', 'BYTES', 'LAMBDA', 'OTHER'], fn.name).toContain(fn.category);
      expect(fn.signatures.length, fn.name).toBeGreaterThan(0);
      for (const sig of fn.signatures) {
        expect(Array.isArray(sig.params), fn.name).toBe(true);
        expect(typeof sig.returns, fn.name).toBe('function');
      }
      expect(typeof fn.invoke, fn.name).toBe('function');
    }
  });

  it('has unique names and finds functions case-insensitively', () => {
    const names = listFunctions().map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['ABS', 'SQRT', 'ROUND', 'UCASE', 'LCASE', 'SUBSTRING', 'COALESCE', 'IFNULL', 'CONCAT']) expect(names).toContain(name);
    expect(findFunction('ucase')?.name).toBe('UCASE');
    expect(findFunction('Coalesce')?.name).toBe('COALESCE');
    expect(findFunction('nope')).toBeUndefined();
  });
});

describe('resolveCall', () => {
  it('prefers the exact overload: ABS(INT) stays INT, ABS(BIGINT) BIGINT', () => {
    expect(resolved('ABS', INT)).toEqual({ params: ['INT'], returns: 'INT', fn: 'ABS' });
    expect(resolved('abs', BIGINT)).toEqual({ params: ['BIGINT'], returns: 'BIGINT', fn: 'ABS' });
    expect(resolved('ABS', DOUBLE)).toEqual({ params: ['DOUBLE'], returns: 'DOUBLE', fn: 'ABS' });
  });

  it('widens numeric arguments when there is no exact overload: SQRT(INT) takes a DOUBLE', () => {
    expect(resolved('SQRT', INT)).toEqual({ params: ['DOUBLE'], returns: 'DOUBLE', fn: 'SQRT' });
    expect(resolved('SQRT', BIGINT)).toEqual({ params: ['DOUBLE'], returns: 'DOUBLE', fn: 'SQRT' });
    expect(resolved('SQRT', decimalType(5, 2))).toEqual({ params: ['DOUBLE'], returns: 'DOUBLE', fn: 'SQRT' });
    expect(resolved('ABS', decimalType(5, 2))).toEqual({ params: ['DECIMAL(5, 2)'], returns: 'DECIMAL(5, 2)', fn: 'ABS' });
    expect(resolved('ROUND', INT)).toEqual({ params: ['INT'], returns: 'BIGINT', fn: 'ROUND' });
    expect(resolved('ROUND', DOUBLE, INT)).toEqual({ params: ['DOUBLE', 'INT'], returns: 'DOUBLE', fn: 'ROUND' });
  });

  it('never narrows: a BIGINT position does not take a DOUBLE', () => {
    expect(failure('SUBSTRING', STRING, BIGINT).code).toBe('TYPE_MISMATCH');
    expect(failure('SUBSTRING', STRING, DOUBLE).code).toBe('TYPE_MISMATCH');
  });

  it('picks the overload by argument count', () => {
    expect(resolved('SUBSTRING', STRING, INT)).toEqual({ params: ['STRING', 'INT'], returns: 'STRING', fn: 'SUBSTRING' });
    expect(resolved('SUBSTRING', STRING, INT, INT).params).toEqual(['STRING', 'INT', 'INT']);
  });

  it('variadic and ANY parameters take what they are given', () => {
    expect(resolved('COALESCE', INT, INT, INT)).toEqual({ params: ['INT', 'INT', 'INT'], returns: 'INT', fn: 'COALESCE' });
    expect(resolved('COALESCE', decimalType(4, 1)).returns).toBe('DECIMAL(4, 1)');
    expect(resolved('CONCAT', STRING, STRING, STRING).params).toEqual(['STRING', 'STRING', 'STRING']);
    expect(resolved('IFNULL', BOOLEAN, BOOLEAN).returns).toBe('BOOLEAN');
  });

  it('a wrong argument type lists the valid signatures', () => {
    expect(failure('ABS', STRING)).toEqual({
      code: 'TYPE_MISMATCH',
      message: 'Function ABS does not accept (STRING). Valid signatures: ABS(INT), ABS(BIGINT), ABS(DOUBLE), ABS(DECIMAL).',
    });
    expect(failure('SUBSTRING', STRING)).toEqual({
      code: 'TYPE_MISMATCH',
      message:
        'Function SUBSTRING does not accept (STRING). Valid signatures: SUBSTRING(STRING, INT), SUBSTRING(STRING, INT, INT), SUBSTRING(BYTES, INT), SUBSTRING(BYTES, INT, INT).',
    });
    expect(failure('CONCAT', STRING, INT).message).toBe('Function CONCAT does not accept (STRING, INT). Valid signatures: CONCAT(STRING...), CONCAT(BYTES...).');
    expect(failure('UCASE').message).toBe('Function UCASE does not accept (). Valid signatures: UCASE(STRING).');
  });

  it('an unknown function is UNKNOWN_FUNCTION, with the span passed through', () => {
    const span = { start: { offset: 7, line: 1, column: 8 }, end: { offset: 12, line: 1, column: 13 } };
    try {
      resolveCall('nope', [INT], span);
      expect.unreachable();
    } catch (e) {
      expect(isEngineError(e) && e.code).toBe('UNKNOWN_FUNCTION');
      expect(isEngineError(e) && e.message).toBe('Unknown function NOPE.');
      expect(isEngineError(e) && e.span).toEqual(span);
    }
  });
});

describe('implementations', () => {
  const call = (name: string, ...args: Value[]): Value => {
    const fn = findFunction(name);
    if (fn === undefined) throw new Error(name);
    // The overload a call with these values resolves to (as the analyzer would pick it).
    const types = args.map((a): SqlType => (typeof a === 'bigint' ? { kind: 'BIGINT' } : typeof a === 'number' ? { kind: Number.isInteger(a) ? 'INT' : 'DOUBLE' } : { kind: 'STRING' }));
    return implementationFor(fn, types)(args);
  };

  it('compute what their description says', () => {
    expect(call('ABS', -3)).toBe(3);
    expect(call('ABS', -3n)).toBe(3n);
    expect(call('CEIL', 1.1)).toBe(2);
    expect(call('FLOOR', 1.9)).toBe(1);
    expect(call('ROUND', 2.5)).toBe(3n);
    expect(call('ROUND', -2.5)).toBe(-2n);
    expect(call('ROUND', 1.2345, 2)).toBe(1.23);
    expect(call('SQRT', 9)).toBe(3);
    expect(call('LEN', 'héllo')).toBe(5);
    expect(call('TRIM', ' x ')).toBe('x');
    expect(call('COALESCE', null, 'b')).toBe('b');
    expect(call('IFNULL', null, 2)).toBe(2);
    expect(call('NULLIF', 'a', 'a')).toBeNull();
    expect(call('CONCAT', 'a', null, 'b')).toBe('ab');
  });
});

describe('overload-specific implementations', () => {
  it('ABS keeps Java semantics per type: the smallest INT and BIGINT have no positive counterpart', () => {
    const abs = findFunction('ABS');
    if (abs === undefined) throw new Error('ABS');
    expect(implementationFor(abs, [SqlTypes.INT])([-2147483648])).toBe(-2147483648);
    expect(implementationFor(abs, [SqlTypes.BIGINT])([-(2n ** 63n)])).toBe(-(2n ** 63n));
    expect(implementationFor(abs, [SqlTypes.DOUBLE])([-2147483648])).toBe(2147483648);
  });
});
