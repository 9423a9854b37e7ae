// TableFunction: a function that turns one row into zero or more rows (EXPLODE, CUBE_EXPLODE).

import type { Value } from '../common/index.js';
import type { Signature } from './scalar-function.js';

export interface TableFunction {
  readonly name: string;
  readonly description: string;
  readonly signatures: readonly Signature[];
  /** The values of the output column, one per produced row (NULL input arrays produce no rows). */
  invoke(args: readonly Value[]): readonly Value[];
}
