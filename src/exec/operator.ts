// Operator: the push-based, batch-at-a-time interface every physical operator implements.

import type { Change } from '../common/index.js';
import type { ProcessingLogger } from './ports/processing-log.js';
import type { StateStore } from './ports/state-store.js';

export type Emit = (batch: readonly Change[]) => void;

/** Per-query counters an operator bumps; surfaced by DESCRIBE EXTENDED and the processing log. */
export interface QueryCounters {
  recordsIn: number;
  recordsOut: number;
  /** Records skipped because they could not be read or evaluated. */
  errors: number;
  /** Records dropped because their window had closed (later than the grace period). */
  late: number;
  /** The greatest record timestamp (event time) decoded so far, -1 before the first. */
  streamTime: number;
  /** The timestamp of the record decoded last, -1 before the first (for end-to-end latency). */
  lastRecordTime: number;
}

export interface OperatorContext {
  readonly queryId: string;
  readonly state: StateStore;
  readonly processingLog: ProcessingLogger;
  readonly counters: QueryCounters;
}

export interface Operator {
  readonly name: string;
  onChanges(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void;
  /** Stream time advanced: windows close, EMIT FINAL fires. */
  onTime?(streamTime: number, ctx: OperatorContext, emit: Emit): void;
  /** Flush state before a commit. */
  onCheckpoint?(ctx: OperatorContext): void;
  close?(ctx: OperatorContext): void;
  /** The batch's transaction rolled back: forget whatever the operator remembers of it (caches of stored state). */
  onRollback?(): void;
}

export function newCounters(): QueryCounters {
  return { recordsIn: 0, recordsOut: 0, errors: 0, late: 0, streamTime: -1, lastRecordTime: -1 };
}
