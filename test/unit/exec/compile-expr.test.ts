// Unit tests for compileExpr: hand-built BoundExpr JSON evaluated with SQL and Java semantics.

import { describe, expect, it } from 'vitest';
import { Decimal, SqlTypes, decimalType, type Row, type SqlType, type Value } from '../../../src/common/index.js';
import { compileExpr } from '../../../src/exec/index.js';
import type { BoundExpr } from '../../../src/plan/index.js';

type Lit = null | boolean | number | string;
const { BOOLEAN, INT, BIGINT, DOUBLE, STRING } = SqlTypes;

const lit = (type: SqlType, value: Lit): BoundExpr => ({ kind: 'Literal', type, value });
const int = (v: number | null): BoundExpr => lit(INT, v);
const big = (v: string | null): BoundExpr => lit(BIGINT, v);
const dbl = (v: number | null): BoundExpr => lit(DOUBLE, v);
const str = (v: string | null): BoundExpr => lit(STRING, v);
const bool = (v: boolean | null): BoundExpr => lit(BOOLEAN, v);
const dec = (v: string, precision: number, scale: number): BoundExpr => lit(decimalType(precision, scale), v);
const col = (index: number, type: SqlType): BoundExpr => ({ kind: 'ColumnRef', type, index, name: `C${index}` });

type ArithOp = '+' | '-' | '*' | '/' | '%';
const arith = (op: ArithOp, left: BoundExpr, right: BoundExpr, type: SqlType = left.type): BoundExpr => ({ kind: 'Arithmetic', type, op, left, right });
type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
const cmp = (op: CmpOp, left: BoundExpr, right: BoundExpr): BoundExpr => ({ kind: 'Comparison', type: BOOLEAN, op, left, right });
const and = (left: BoundExpr, right: BoundExpr): BoundExpr => ({ kind: 'Logical', type: BOOLEAN, op: 'AND', left, right });
const or = (left: BoundExpr, right: BoundExpr): BoundExpr => ({ kind: 'Logical', type: BOOLEAN, op: 'OR', left, right });
const not = (operand: BoundExpr): BoundExpr => ({ kind: 'Not', type: BOOLEAN, operand });
const cast = (operand: BoundExpr, type: SqlType): BoundExpr => ({ kind: 'Cast', type, operand });
const call = (name: string, type: SqlType, ...args: BoundExpr[]): BoundExpr => ({ kind: 'Call', type, name, args });
const like = (value: BoundExpr, pattern: BoundExpr, escape: BoundExpr | null = null, negated = false): BoundExpr => ({
  kind: 'Like',
  type: BOOLEAN,
  negated,
  value,
  pattern,
  escape,
});

const evaluate = (e: BoundExpr, row: Row = []): Value => compileExpr(e)(row);

describe('three-valued logic', () => {
  const T = bool(true);
  const F = bool(false);
  const N = bool(null);

  it('AND: FALSE wins over NULL, otherwise NULL spreads', () => {
    const table: [BoundExpr, BoundExpr, Value][] = [
      [T, T, true], [T, F, false], [T, N, null],
      [F, T, false], [F, F, false], [F, N, false],
      [N, T, null], [N, F, false], [N, N, null],
    ];
    for (const [a, b, want] of table) expect(evaluate(and(a, b)), `${String(a.kind === 'Literal' && a.value)} AND ${String(b.kind === 'Literal' && b.value)}`).toBe(want);
  });

  it('OR: TRUE wins over NULL, otherwise NULL spreads', () => {
    const table: [BoundExpr, BoundExpr, Value][] = [
      [T, T, true], [T, F, true], [T, N, true],
      [F, T, true], [F, F, false], [F, N, null],
      [N, T, true], [N, F, null], [N, N, null],
    ];
    for (const [a, b, want] of table) expect(evaluate(or(a, b))).toBe(want);
  });

  it('NOT NULL is NULL', () => {
    expect(evaluate(not(T))).toBe(false);
    expect(evaluate(not(F))).toBe(true);
    expect(evaluate(not(N))).toBe(null);
  });

  it('short-circuits: the right side is not needed when the left decides', () => {
    const boom = cast(str('x'), INT);
    expect(evaluate(and(F, cmp('=', boom, int(1))))).toBe(false);
    expect(evaluate(or(T, cmp('=', boom, int(1))))).toBe(true);
  });

  it('IS [NOT] NULL is never NULL', () => {
    expect(evaluate({ kind: 'IsNull', type: BOOLEAN, negated: false, operand: int(null) })).toBe(true);
    expect(evaluate({ kind: 'IsNull', type: BOOLEAN, negated: true, operand: int(null) })).toBe(false);
    expect(evaluate({ kind: 'IsNull', type: BOOLEAN, negated: false, operand: col(0, STRING) }, ['a'])).toBe(false);
    expect(evaluate({ kind: 'IsNull', type: BOOLEAN, negated: true, operand: col(0, STRING) }, ['a'])).toBe(true);
  });
});

describe('comparisons', () => {
  it('compare numbers, strings, bigints, decimals and booleans', () => {
    expect(evaluate(cmp('<', int(1), int(2)))).toBe(true);
    expect(evaluate(cmp('>=', int(2), int(2)))).toBe(true);
    expect(evaluate(cmp('<>', int(2), int(2)))).toBe(false);
    expect(evaluate(cmp('<', str('apple'), str('banana')))).toBe(true);
    expect(evaluate(cmp('=', str('a'), str('A')))).toBe(false);
    expect(evaluate(cmp('>', big('9007199254740993'), big('9007199254740992')))).toBe(true);
    expect(evaluate(cmp('=', dec('1.50', 3, 2), dec('1.5', 2, 1)))).toBe(true);
    expect(evaluate(cmp('<', dec('-0.01', 3, 2), dec('0', 1, 0)))).toBe(true);
    expect(evaluate(cmp('<', bool(false), bool(true)))).toBe(true);
    expect(evaluate(cmp('<=', dbl(0.1 + 0.2), dbl(0.3)))).toBe(false);
  });

  it('with a NULL on either side are NULL, even NULL = NULL', () => {
    for (const op of ['=', '<>', '<', '<=', '>', '>='] as const) {
      expect(evaluate(cmp(op, int(null), int(1))), op).toBe(null);
      expect(evaluate(cmp(op, int(1), int(null))), op).toBe(null);
      expect(evaluate(cmp(op, int(null), int(null))), op).toBe(null);
    }
  });

  it('read columns by position', () => {
    const e = cmp('>', col(1, DOUBLE), col(0, DOUBLE));
    expect(evaluate(e, [1.5, 2.5])).toBe(true);
    expect(evaluate(e, [1.5, null])).toBe(null);
  });
});

describe('INT arithmetic (Java int)', () => {
  it('wraps on overflow', () => {
    expect(evaluate(arith('+', int(2147483647), int(1)))).toBe(-2147483648);
    expect(evaluate(arith('-', int(-2147483648), int(1)))).toBe(2147483647);
    expect(evaluate(arith('*', int(65536), int(65536)))).toBe(0);
    expect(evaluate(arith('*', int(2147483647), int(2)))).toBe(-2);
    expect(evaluate(arith('/', int(-2147483648), int(-1)))).toBe(-2147483648);
    expect(evaluate({ kind: 'Negate', type: INT, operand: int(-2147483648) })).toBe(-2147483648);
  });

  it('truncates division toward zero and keeps the dividend sign for %', () => {
    expect(evaluate(arith('/', int(7), int(2)))).toBe(3);
    expect(evaluate(arith('/', int(-7), int(2)))).toBe(-3);
    expect(evaluate(arith('%', int(7), int(3)))).toBe(1);
    expect(evaluate(arith('%', int(-7), int(3)))).toBe(-1);
  });

  it('gives NULL for division by zero and for NULL operands', () => {
    expect(evaluate(arith('/', int(1), int(0)))).toBe(null);
    expect(evaluate(arith('%', int(1), int(0)))).toBe(null);
    expect(evaluate(arith('+', int(null), int(1)))).toBe(null);
    expect(evaluate(arith('*', int(3), int(null)))).toBe(null);
  });
});

describe('BIGINT arithmetic (exact bigint, Java long)', () => {
  it('stays exact beyond 2^53', () => {
    expect(evaluate(arith('+', big('9007199254740992'), big('1')))).toBe(9007199254740993n);
    expect(evaluate(arith('*', big('3037000499'), big('3037000499')))).toBe(9223372030926249001n);
  });

  it('wraps like a Java long and divides by zero to NULL', () => {
    expect(evaluate(arith('+', big('9223372036854775807'), big('1')))).toBe(-9223372036854775808n);
    expect(evaluate(arith('/', big('-7'), big('2')))).toBe(-3n);
    expect(evaluate(arith('%', big('-7'), big('2')))).toBe(-1n);
    expect(evaluate(arith('/', big('1'), big('0')))).toBe(null);
    expect(evaluate({ kind: 'Negate', type: BIGINT, operand: big('-9223372036854775808') })).toBe(-9223372036854775808n);
  });

  it('reads literals given as numbers too', () => {
    expect(evaluate(lit(BIGINT, 5))).toBe(5n);
  });
});

describe('DOUBLE arithmetic', () => {
  it('follows IEEE 754', () => {
    expect(evaluate(arith('+', dbl(0.1), dbl(0.2)))).toBe(0.30000000000000004);
    expect(evaluate(arith('/', dbl(1), dbl(0)))).toBe(Infinity);
    expect(evaluate(arith('/', dbl(-1), dbl(0)))).toBe(-Infinity);
    expect(evaluate(arith('/', dbl(0), dbl(0)))).toBeNaN();
    expect(evaluate(arith('%', dbl(5.5), dbl(2)))).toBe(1.5);
    expect(evaluate({ kind: 'Negate', type: DOUBLE, operand: dbl(2.5) })).toBe(-2.5);
  });

  it('widens an INT operand through a Cast', () => {
    expect(evaluate(arith('*', cast(int(3), DOUBLE), dbl(1.5)))).toBe(4.5);
    expect(evaluate(arith('/', cast(int(7), DOUBLE), cast(int(2), DOUBLE)))).toBe(3.5);
  });
});

describe('DECIMAL arithmetic', () => {
  const text = (v: Value): string => (v instanceof Decimal ? v.toString() : `not a decimal: ${typeof v}`);

  it('adds, subtracts and multiplies exactly at the result scale', () => {
    expect(text(evaluate(arith('+', dec('0.1', 2, 1), dec('0.2', 2, 1), decimalType(3, 1))))).toBe('0.3');
    expect(text(evaluate(arith('+', dec('1.25', 3, 2), dec('10.5', 3, 1), decimalType(5, 2))))).toBe('11.75');
    expect(text(evaluate(arith('-', dec('1.00', 3, 2), dec('1.01', 3, 2), decimalType(4, 2))))).toBe('-0.01');
    expect(text(evaluate(arith('*', dec('1.5', 2, 1), dec('2.25', 3, 2), decimalType(6, 3))))).toBe('3.375');
    expect(text(evaluate(arith('+', dec('99999999999999999.99', 19, 2), dec('0.01', 3, 2), decimalType(20, 2))))).toBe('100000000000000000.00');
  });

  it('pads literals to their declared scale and negates', () => {
    expect(text(evaluate(dec('1.5', 3, 2)))).toBe('1.50');
    expect(text(evaluate({ kind: 'Negate', type: decimalType(3, 2), operand: dec('1.50', 3, 2) }))).toBe('-1.50');
  });
});

describe('LIKE', () => {
  const matches = (value: string | null, pattern: string | null, escape: string | null = null): Value =>
    evaluate(like(str(value), str(pattern), escape === null ? null : str(escape)));

  it('% matches any run, _ exactly one character', () => {
    expect(matches('hello', 'h%')).toBe(true);
    expect(matches('hello', '%llo')).toBe(true);
    expect(matches('hello', '%ell%')).toBe(true);
    expect(matches('hello', 'h_llo')).toBe(true);
    expect(matches('hllo', 'h_llo')).toBe(false);
    expect(matches('hello', 'H%')).toBe(false);
    expect(matches('', '%')).toBe(true);
    expect(matches('a\nb', 'a%b')).toBe(true);
    expect(matches('héllo', 'h_llo')).toBe(true);
  });

  it('treats regular-expression characters literally', () => {
    expect(matches('a.c', 'a.c')).toBe(true);
    expect(matches('abc', 'a.c')).toBe(false);
    expect(matches('(x)*', '(x)*')).toBe(true);
    expect(matches('1+1', '1+1')).toBe(true);
    expect(matches('a$b^', 'a$b^')).toBe(true);
  });

  it('ESCAPE makes % and _ literal', () => {
    expect(matches('100%', '100!%', '!')).toBe(true);
    expect(matches('1000', '100!%', '!')).toBe(false);
    expect(matches('a_b', 'a!_b', '!')).toBe(true);
    expect(matches('axb', 'a!_b', '!')).toBe(false);
    expect(matches('a!b', 'a!!b', '!')).toBe(true);
  });

  it('is NULL when the value or the pattern is NULL, and NOT LIKE negates', () => {
    expect(matches(null, '%')).toBe(null);
    expect(matches('a', null)).toBe(null);
    expect(evaluate(like(str('abc'), str('a%'), null, true))).toBe(false);
    expect(evaluate(like(str('xbc'), str('a%'), null, true))).toBe(true);
  });

  it('evaluates a pattern read from a column, per row', () => {
    const e = like(col(0, STRING), col(1, STRING), col(2, STRING));
    expect(evaluate(e, ['50%', '50#%', '#'])).toBe(true);
    expect(evaluate(e, ['500', '50#%', '#'])).toBe(false);
    expect(evaluate(e, ['abc', 'a_c', null])).toBe(true);
    expect(evaluate(e, ['abc', null, null])).toBe(null);
  });
});

describe('BETWEEN and IN', () => {
  const between = (value: BoundExpr, low: BoundExpr, high: BoundExpr, negated = false): BoundExpr => ({
    kind: 'Between',
    type: BOOLEAN,
    negated,
    value,
    low,
    high,
  });
  const inList = (value: BoundExpr, list: BoundExpr[], negated = false): BoundExpr => ({ kind: 'InList', type: BOOLEAN, negated, value, list });

  it('BETWEEN is inclusive at both ends', () => {
    expect(evaluate(between(int(1), int(1), int(3)))).toBe(true);
    expect(evaluate(between(int(3), int(1), int(3)))).toBe(true);
    expect(evaluate(between(int(4), int(1), int(3)))).toBe(false);
    expect(evaluate(between(int(4), int(1), int(3), true))).toBe(true);
    expect(evaluate(between(str('b'), str('a'), str('c')))).toBe(true);
    expect(evaluate(between(dec('1.5', 2, 1), dec('1.50', 3, 2), dec('2', 1, 0)))).toBe(true);
  });

  it('BETWEEN with a NULL bound or value is NULL', () => {
    expect(evaluate(between(int(null), int(1), int(3)))).toBe(null);
    expect(evaluate(between(int(2), int(null), int(3)))).toBe(null);
    expect(evaluate(between(int(2), int(1), int(null), true))).toBe(null);
  });

  it('IN finds a match, and a NULL in the list makes a miss NULL', () => {
    expect(evaluate(inList(int(1), [int(1), int(null)]))).toBe(true);
    expect(evaluate(inList(int(2), [int(1), int(null)]))).toBe(null);
    expect(evaluate(inList(int(2), [int(1), int(3)]))).toBe(false);
    expect(evaluate(inList(int(null), [int(1), int(2)]))).toBe(null);
    expect(evaluate(inList(str('b'), [str('a'), str('b')]))).toBe(true);
    expect(evaluate(inList(big('9007199254740993'), [big('9007199254740992'), big('9007199254740993')]))).toBe(true);
    expect(evaluate(inList(dec('1.0', 2, 1), [dec('1.00', 3, 2)]))).toBe(true);
  });

  it('NOT IN mirrors IN, with the same NULL rule', () => {
    expect(evaluate(inList(int(2), [int(1), int(3)], true))).toBe(true);
    expect(evaluate(inList(int(1), [int(1), int(null)], true))).toBe(false);
    expect(evaluate(inList(int(2), [int(1), int(null)], true))).toBe(null);
  });
});

describe('CASE', () => {
  const caseOf = (whens: [BoundExpr, BoundExpr][], otherwise: BoundExpr | null, type: SqlType = STRING): BoundExpr => ({
    kind: 'Case',
    type,
    whens: whens.map(([when, then]) => ({ when, then })),
    otherwise,
  });

  it('takes the first branch whose condition is TRUE (NULL is not TRUE)', () => {
    const x = col(0, INT);
    const e = caseOf(
      [
        [cmp('<', x, int(0)), str('negative')],
        [cmp('=', x, int(0)), str('zero')],
        [cmp('<', x, int(10)), str('small')],
      ],
      str('large'),
    );
    expect(evaluate(e, [-5])).toBe('negative');
    expect(evaluate(e, [0])).toBe('zero');
    expect(evaluate(e, [3])).toBe('small');
    expect(evaluate(e, [30])).toBe('large');
    expect(evaluate(e, [null])).toBe('large');
  });

  it('is NULL without ELSE when nothing matches', () => {
    expect(evaluate(caseOf([[bool(false), str('a')], [bool(null), str('b')]], null))).toBe(null);
  });

  it('evaluates only the chosen branch', () => {
    expect(evaluate(caseOf([[bool(true), int(1)]], arith('/', int(1), int(0)), INT))).toBe(1);
  });
});

describe('CAST', () => {
  it('STRING → INT: valid text converts, anything else is NULL', () => {
    expect(evaluate(cast(str('42'), INT))).toBe(42);
    expect(evaluate(cast(str(' -7 '), INT))).toBe(-7);
    expect(evaluate(cast(str('abc'), INT))).toBe(null);
    expect(evaluate(cast(str(''), INT))).toBe(null);
    expect(evaluate(cast(str('99999999999'), INT))).toBe(null);
    expect(evaluate(cast(str(null), INT))).toBe(null);
  });

  it('STRING → BIGINT and DECIMAL are exact', () => {
    expect(evaluate(cast(str('9223372036854775807'), BIGINT))).toBe(9223372036854775807n);
    expect(evaluate(cast(str('9223372036854775808'), BIGINT))).toBe(null);
    expect(evaluate(cast(str('x'), BIGINT))).toBe(null);
    const d = evaluate(cast(str('12.345'), decimalType(5, 2)));
    expect(d instanceof Decimal ? d.toString() : d).toBe('12.35');
    expect(evaluate(cast(str('1234.5'), decimalType(5, 2)))).toBe(null);
    expect(evaluate(cast(str('nope'), decimalType(5, 2)))).toBe(null);
  });

  it("DOUBLE → STRING reads like Java's Double.toString", () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [13.54, '13.54'],
      [1e10, '1.0E10'],
      [1e-4, '1.0E-4'],
      [0.001, '0.001'],
      [-0, '-0.0'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
    ];
    for (const [n, text] of cases) expect(evaluate(cast(dbl(n), STRING))).toBe(text);
  });

  it('other values → STRING', () => {
    expect(evaluate(cast(int(5), STRING))).toBe('5');
    expect(evaluate(cast(big('9007199254740993'), STRING))).toBe('9007199254740993');
    expect(evaluate(cast(bool(true), STRING))).toBe('true');
    expect(evaluate(cast(dec('1.50', 3, 2), STRING))).toBe('1.50');
    expect(evaluate(cast(int(null), STRING))).toBe(null);
  });

  it('STRING → BOOLEAN accepts true/false in any case, else NULL', () => {
    expect(evaluate(cast(str('true'), BOOLEAN))).toBe(true);
    expect(evaluate(cast(str(' FALSE '), BOOLEAN))).toBe(false);
    expect(evaluate(cast(str('TrUe'), BOOLEAN))).toBe(true);
    expect(evaluate(cast(str('yes'), BOOLEAN))).toBe(null);
    expect(evaluate(cast(str('1'), BOOLEAN))).toBe(null);
  });

  it('among numbers: truncates to INT, widens exactly to BIGINT and DECIMAL', () => {
    expect(evaluate(cast(dbl(3.9), INT))).toBe(3);
    expect(evaluate(cast(dbl(-3.9), INT))).toBe(-3);
    expect(evaluate(cast(dbl(NaN), INT))).toBe(null);
    expect(evaluate(cast(int(7), BIGINT))).toBe(7n);
    expect(evaluate(cast(dbl(2.5), BIGINT))).toBe(2n);
    expect(evaluate(cast(big('9007199254740993'), DOUBLE))).toBe(9007199254740992);
    expect(evaluate(cast(dec('2.75', 3, 2), DOUBLE))).toBe(2.75);
    expect(evaluate(cast(dec('2.75', 3, 2), INT))).toBe(2);
    const d = evaluate(cast(int(12), decimalType(4, 2)));
    expect(d instanceof Decimal ? d.toString() : d).toBe('12.00');
    const b = evaluate(cast(big('9007199254740993'), decimalType(19, 0)));
    expect(b instanceof Decimal ? b.toString() : b).toBe('9007199254740993');
  });
});

describe('function calls', () => {
  it('UCASE, LCASE, LEN, TRIM', () => {
    expect(evaluate(call('UCASE', STRING, str('héllo')))).toBe('HÉLLO');
    expect(evaluate(call('ucase', STRING, col(0, STRING)), ['abc'])).toBe('ABC');
    expect(evaluate(call('LCASE', STRING, str('ABC')))).toBe('abc');
    expect(evaluate(call('LEN', INT, str('abc')))).toBe(3);
    expect(evaluate(call('TRIM', STRING, str('  a b  ')))).toBe('a b');
  });

  it('a NULL argument gives NULL without calling the function', () => {
    expect(evaluate(call('UCASE', STRING, str(null)))).toBe(null);
    expect(evaluate(call('SUBSTRING', STRING, str('abc'), int(null)))).toBe(null);
  });

  it('COALESCE returns the first non-NULL argument', () => {
    expect(evaluate(call('COALESCE', STRING, str(null), str('b'), str('c')))).toBe('b');
    expect(evaluate(call('COALESCE', INT, int(null), int(null)))).toBe(null);
    expect(evaluate(call('COALESCE', INT, col(0, INT), int(0)), [null])).toBe(0);
    expect(evaluate(call('COALESCE', INT, col(0, INT), int(0)), [5])).toBe(5);
  });

  it('IFNULL, NULLIF and CONCAT handle NULL themselves', () => {
    expect(evaluate(call('IFNULL', STRING, str(null), str('x')))).toBe('x');
    expect(evaluate(call('NULLIF', INT, int(1), int(1)))).toBe(null);
    expect(evaluate(call('NULLIF', INT, int(1), int(2)))).toBe(1);
    expect(evaluate(call('CONCAT', STRING, str('a'), str(null), str('c')))).toBe('ac');
  });

  it('SUBSTRING counts from 1, from the end when negative, with an optional length', () => {
    expect(evaluate(call('SUBSTRING', STRING, str('hello world'), int(7)))).toBe('world');
    expect(evaluate(call('SUBSTRING', STRING, str('hello world'), int(1), int(5)))).toBe('hello');
    expect(evaluate(call('SUBSTRING', STRING, str('hello'), int(-3)))).toBe('llo');
    expect(evaluate(call('SUBSTRING', STRING, str('hello'), int(-3), int(2)))).toBe('ll');
    expect(evaluate(call('SUBSTRING', STRING, str('hello'), int(2), int(100)))).toBe('ello');
    expect(evaluate(call('SUBSTRING', STRING, str('hello'), int(10)))).toBe('');
  });

  it('math functions: ABS keeps the type, SQRT and ROUND', () => {
    expect(evaluate(call('ABS', INT, int(-5)))).toBe(5);
    expect(evaluate(call('ABS', BIGINT, big('-9007199254740993')))).toBe(9007199254740993n);
    expect(evaluate(call('SQRT', DOUBLE, cast(int(16), DOUBLE)))).toBe(4);
    expect(evaluate(call('ROUND', BIGINT, dbl(2.5)))).toBe(3n);
    expect(evaluate(call('ROUND', BIGINT, dbl(-2.5)))).toBe(-2n); // ksqlDB rounds halves toward positive infinity (Java Math.round)
    expect(evaluate(call('CEIL', DOUBLE, dbl(1.2)))).toBe(2);
    expect(evaluate(call('FLOOR', DOUBLE, dbl(-1.2)))).toBe(-2);
  });

  it('an unregistered function fails at compile time, not per row', () => {
    expect(() => compileExpr(call('NO_SUCH_FUNCTION', INT, int(1)))).toThrow(/NO_SUCH_FUNCTION/);
  });
});

describe('concatenation and compiled reuse', () => {
  it('|| joins strings and is NULL with a NULL side', () => {
    const e: BoundExpr = { kind: 'Concat', type: STRING, left: col(0, STRING), right: str('!') };
    expect(evaluate(e, ['hi'])).toBe('hi!');
    expect(evaluate(e, [null])).toBe(null);
  });

  it('one compiled closure serves many rows', () => {
    const f = compileExpr(arith('+', col(0, INT), int(1)));
    expect([[1], [2], [null], [2147483647]].map((r) => f(r))).toEqual([2, 3, null, -2147483648]);
  });
});
