// JoinSide: one input of a join — its key expressions evaluated into a store key, its width for null padding.

import type { BoundExpr } from '../../plan/index.js';
import { valueToJson, type Row, type Schema, type SqlType, type Value } from '../../common/index.js';
import { compileExpr, type CompiledExpr } from '../expr/index.js';
import { keyString, rowFromJson, rowToJson, schemaTypes } from '../row-json.js';

export class JoinSide {
  private readonly keys: readonly CompiledExpr[];
  private readonly keyTypes: readonly SqlType[];
  readonly types: readonly SqlType[];
  /**
   * The join key of a stored (encoded) row, when the key is a plain function of the row — column references,
   * literals and arithmetic, which give the same key every time — so stored state need not keep it; else undefined.
   */
  readonly storedKey: ((json: unknown[]) => string) | undefined;

  /**
   * The key's type when it is one column of a type whose values compare in a Map exactly as their
   * store texts do (BIGINT, INT, STRING: `keyValue` may stand for `key`), else null.
   */
  readonly valueKeyKind: 'BIGINT' | 'INT' | 'STRING' | null;

  constructor(schema: Schema, keys: readonly BoundExpr[]) {
    this.keys = keys.map(compileExpr);
    this.keyTypes = keys.map((k) => k.type);
    const kind = keys.length === 1 ? (keys[0] as BoundExpr).type.kind : null;
    this.valueKeyKind = kind === 'BIGINT' || kind === 'INT' || kind === 'STRING' ? kind : null;
    this.types = schemaTypes(schema);
    this.storedKey = keys.every(isPlain)
      ? (json) => {
          const key = this.key(this.decode(json));
          if (key === null) throw new Error('a buffered join record has a NULL key');
          return key;
        }
      : undefined;
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

  /** The value of a one-column key (see `valueKeyKind`), or null when it is NULL. */
  keyValue(row: Row): Value | null {
    return (this.keys[0] as CompiledExpr)(row) ?? null;
  }

  /** The store key of a one-column key's value: what `key` gives for a row with that key. */
  keyText(value: Value): string {
    return keyString([value], this.keyTypes);
  }

  encode(row: Row): unknown[] {
    return rowToJson(row, this.types);
  }

  /**
   * `row`'s JSON-safe form for a stream-stream join's buffer: as `encode`, except that a BIGINT within ±(2^53 − 1)
   * is a JSON number rather than its text (`decode` reads both: `BigInt` of either) — cheaper to make, to keep
   * in memory and to write.
   */
  encodeBuffered(row: Row): unknown[] {
    const types = this.types;
    const json = new Array<unknown>(types.length);
    for (let i = 0; i < types.length; i++) {
      const v = row[i] ?? null;
      const t = types[i] as SqlType;
      json[i] = t.kind === 'BIGINT' && v !== null && (v as bigint) <= MAX_SAFE && (v as bigint) >= -MAX_SAFE ? Number(v) : valueToJson(v, t);
    }
    return json;
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

/** Whether `expr` reads only the row's columns through operators that always give the same result for the same row. */
function isPlain(expr: BoundExpr): boolean {
  switch (expr.kind) {
    case 'ColumnRef':
    case 'Literal':
      return true;
    case 'Arithmetic':
      return isPlain(expr.left) && isPlain(expr.right);
    case 'Negate':
      return isPlain(expr.operand);
    default:
      return false;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
