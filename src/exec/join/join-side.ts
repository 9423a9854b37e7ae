// JoinSide: one input of a join — its key expressions evaluated into a store key, its width for null padding.

import type { BoundExpr } from '../../plan/index.js';
import type { Row, Schema, SqlType, Value } from '../../common/index.js';
import { compileExpr, type CompiledExpr } from '../expr/index.js';
import { keyString, rowFromJson, rowToJson, schemaTypes } from '../row-json.js';

export class JoinSide {
  private readonly keys: readonly CompiledExpr[];
  private readonly keyTypes: readonly SqlType[];
  readonly types: readonly SqlType[];

  constructor(schema: Schema, keys: readonly BoundExpr[]) {
    this.keys = keys.map(compileExpr);
    this.keyTypes = keys.map((k) => k.type);
    this.types = schemaTypes(schema);
  }

  get width(): number {
    return this.types.length;
  }

  /** The store key of `row`'s join key, or null when any part of it is NULL (NULL never equals). */
  key(row: Row): string | null {
    const values: Value[] = [];
    for (const k of this.keys) {
      const v = k(row) ?? null;
      if (v === null) return null;
      values.push(v);
    }
    return keyString(values, this.keyTypes);
  }

  encode(row: Row): unknown[] {
    return rowToJson(row, this.types);
  }

  decode(json: unknown): Row {
    return rowFromJson(json, this.types);
  }

  nulls(): Value[] {
    return this.types.map(() => null);
  }
}

/** A row kept in join state with the event time it arrived with. */
export interface StoredRow {
  readonly row: unknown[];
  readonly ts: number;
}
