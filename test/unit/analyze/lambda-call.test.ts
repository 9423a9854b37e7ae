// Lambdas: parameters typed from the function's signature (lambdaParams), bodies compiled to LambdaValues.

import { describe, expect, it } from 'vitest';
import { bindLambdaCall } from '../../../src/analyze/bind-lambda-call.js';
import type { Scope } from '../../../src/analyze/scope.js';
import { EngineError, SqlTypes, type LambdaValue, type SqlType, type Value } from '../../../src/common/index.js';
import { compileExpr } from '../../../src/exec/index.js';
import { resolveLambdaCall, type ScalarFunction } from '../../../src/functions/index.js';
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

/** A TRANSFORM-like function, as the function library declares one. */
const MAP_ARRAY: ScalarFunction = {
  name: 'MAP_ARRAY',
  category: 'OTHER',
  description: 'test',
  signatures: [
    {
      params: ['ARRAY', 'LAMBDA'],
      lambdaParams: (args) => [(args[0] as Extract<SqlType, { kind: 'ARRAY' }>).element],
      returns: (args) => ({ kind: 'ARRAY', element: args[1] ?? SqlTypes.STRING }),
    },
  ],
  invoke: ([array, fn]) => (array as readonly Value[]).map((v) => (fn as unknown as LambdaValue)(v)),
};

function call(text: string): Extract<Expr, { kind: 'FunctionCall' }> {
  const e = parseExpression(text);
  if (e.kind !== 'FunctionCall') throw new Error('not a call');
  return e;
}

describe('resolveLambdaCall', () => {
  it('infers the lambda parameter types and the result type from the body', () => {
    const resolved = resolveLambdaCall(MAP_ARRAY, [{ kind: 'ARRAY', element: SqlTypes.INT }, null], new Map([[1, 1]]), (_, params) => {
      expect(params).toEqual([SqlTypes.INT]);
      return SqlTypes.STRING;
    });
    expect(resolved.returnType).toEqual({ kind: 'ARRAY', element: SqlTypes.STRING });
  });

  it('rejects a lambda with the wrong number of parameters, and a non-array argument', () => {
    expect(() => resolveLambdaCall(MAP_ARRAY, [{ kind: 'ARRAY', element: SqlTypes.INT }, null], new Map([[1, 2]]), () => SqlTypes.INT)).toThrow(/must take 1 parameter/);
    expect(() => resolveLambdaCall(MAP_ARRAY, [SqlTypes.INT, null], new Map([[1, 1]]), () => SqlTypes.INT)).toThrow(EngineError);
  });
});

describe('lambda binding and execution', () => {
  it('binds x to the element type, sees columns and outer lambdas, and runs', () => {
    // bindLambdaCall looks the function up by name; bind the pieces directly instead.
    const expr = call('MAP_ARRAY(a, x => x * 10 + n)');
    const lambda = expr.args[1];
    if (lambda?.kind !== 'LambdaExpr') throw new Error('no lambda');
    const resolved = resolveLambdaCall(MAP_ARRAY, [{ kind: 'ARRAY', element: SqlTypes.INT }, null], new Map([[1, 1]]), (_, params) => params[0] ?? SqlTypes.INT);
    expect(resolved.returnType).toEqual({ kind: 'ARRAY', element: SqlTypes.INT });
    // The registry does not know MAP_ARRAY, so bindLambdaCall answers a located UNKNOWN_FUNCTION.
    expect(() => bindLambdaCall(expr, scope)).toThrow(/Unknown function MAP_ARRAY/);
    const compiled = compileExpr({
      kind: 'Lambda',
      type: SqlTypes.INT,
      params: ['X'],
      body: {
        kind: 'Arithmetic',
        type: SqlTypes.INT,
        op: '+',
        left: { kind: 'LambdaVariable', type: SqlTypes.INT, name: 'X' },
        right: { kind: 'ColumnRef', type: SqlTypes.INT, index: 1, name: 'N' },
      },
    });
    const fn = compiled([[1, 2], 100]) as unknown as LambdaValue;
    expect(MAP_ARRAY.invoke([[1, 2, 3], fn as unknown as Value])).toEqual([101, 102, 103]);
  });

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
