// assertNever: makes every switch over a node kind exhaustive at compile time.

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
