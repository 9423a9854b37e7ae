// Lambdas: parameters typed from the function's signature, bodies compiled to LambdaValues.

import { describe, expect, it } from 'vitest';
import { bindLambdaCall } from '../../../src/analyze/bind-lambda-call.js';
import type { Scope } from '../../../src/analyze/scope.js';
import { EngineError, SqlTypes, type LambdaValue } from '../../../src/common/index.js';
import { compileExpr } from '../../../src/exec/index.js';
import { parseExpression, type Expr } from '../../../src/sql/index.js';

const scope: Scope = {
  qualifiers: ['S'],
  schema: {
    columns: [
      { name: 'A', type: { kind: 'ARRAY', element: SqlTypes.INT }, namespace: 'value' },
      { name: 'N', type: SqlTypes.INT, namespace: 'value' },
    ],
  },
};

function call(text: string): Extract<Expr, { kind: 'FunctionCall' }> {
  const e = parseExpression(text);
  if (e.kind !== 'FunctionCall') throw new Error('not a call');
  return e;
}

describe('bindLambdaCall', () => {
  it('types the lambda parameter from the array, the result from the body, and runs it', () => {
    const bound = bindLambdaCall(call('TRANSFORM(a, x => x * 10 + n)'), scope);
    expect(bound.type).toEqual({ kind: 'ARRAY', element: SqlTypes.INT });
    expect(compileExpr(bound)([[1, 2, 3], 100])).toEqual([110, 120, 130]);
  });

  it('binds two-parameter lambdas (REDUCE) and filters with a BOOLEAN body (FILTER)', () => {
    expect(compileExpr(bindLambdaCall(call('REDUCE(a, 0, (s, x) => s + x)'), scope))([[1, 2, 3], 0])).toBe(6);
    expect(compileExpr(bindLambdaCall(call('FILTER(a, x => x > n)'), scope))([[1, 5, 9], 4])).toEqual([5, 9]);
  });

  it('rejects a lambda with the wrong number of parameters, a lambda where none is taken, and a duplicate parameter', () => {
    expect(() => bindLambdaCall(call('TRANSFORM(a, (x, y) => x)'), scope)).toThrow(EngineError);
    expect(() => bindLambdaCall(call('ABS(x => x)'), scope)).toThrow(EngineError);
    expect(() => bindLambdaCall(call('REDUCE(a, 0, (x, x) => x)'), scope)).toThrow(/declared twice/);
  });
});

describe('lambda binding and execution', () => {
  it('nested lambdas shadow outer parameters of the same name', () => {
    const inner = {
      kind: 'Lambda' as const,
      type: SqlTypes.INT,
      params: ['X'],
      body: { kind: 'LambdaVariable' as const, type: SqlTypes.INT, name: 'X' },
    };
    const outer = compileExpr({
      kind: 'Lambda',
      type: SqlTypes.INT,
      params: ['X'],
      body: { kind: 'Call', type: SqlTypes.INT, name: 'ABS', args: [{ kind: 'LambdaVariable', type: SqlTypes.INT, name: 'X' }] },
    });
    const innerFn = compileExpr(inner)([]) as unknown as LambdaValue;
    const outerFn = outer([]) as unknown as LambdaValue;
    expect(innerFn(5)).toBe(5);
    expect(outerFn(-7)).toBe(7);
  });
});
