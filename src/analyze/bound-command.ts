// BoundCommand: the analyzed forms of types, variables, ALTER, INSERT … SELECT, PRINT, PAUSE/RESUME, RUN SCRIPT and ASSERT.

import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import type { SqlType } from '../common/index.js';
import type { FunctionDescription } from '../functions/index.js';
import type { Statement } from '../sql/index.js';
import type { BoundQuery } from './bound-statement.js';

export interface BoundCreateType {
  readonly kind: 'BoundCreateType';
  readonly name: string;
  readonly type: SqlType;
  /** IF NOT EXISTS named an existing type: nothing to do. */
  readonly skip: boolean;
}

export interface BoundDropType {
  readonly kind: 'BoundDropType';
  /** null when IF EXISTS named a missing type. */
  readonly name: string | null;
}

export interface BoundAlterSource {
  readonly kind: 'BoundAlterSource';
  /** The source with the new columns appended. */
  readonly source: SourceDefinition;
  readonly added: readonly string[];
}

export interface BoundInsertSelect {
  readonly kind: 'BoundInsertSelect';
  readonly target: SourceDefinition;
  /** The query, its projection in the target's column order. */
  readonly query: BoundQuery;
  /** From WITH (QUERY_ID=…); null to generate one. */
  readonly queryId: string | null;
}

export interface BoundDefineVariable {
  readonly kind: 'BoundDefineVariable';
  readonly name: string;
  /** null: UNDEFINE. */
  readonly value: string | null;
}

export interface BoundDescribeSources {
  readonly kind: 'BoundDescribeSources';
  readonly sources: readonly SourceDefinition[];
  readonly extended: boolean;
}

export interface BoundDescribeFunction {
  readonly kind: 'BoundDescribeFunction';
  readonly fn: FunctionDescription;
}

export interface BoundPrint {
  readonly kind: 'BoundPrint';
  readonly topic: string;
  readonly fromBeginning: boolean;
  /** Print every n-th record (1: all). */
  readonly interval: number;
  readonly limit: number | null;
}

export interface BoundPauseResume {
  readonly kind: 'BoundPauseResume';
  readonly action: 'PAUSE' | 'RESUME';
  readonly queries: readonly QueryDefinition[];
}

export interface BoundRunScript {
  readonly kind: 'BoundRunScript';
  readonly path: string;
}

export interface BoundAssertTopic {
  readonly kind: 'BoundAssertTopic';
  readonly topic: string;
  readonly exists: boolean;
  /** Expected partition count (WITH PARTITIONS=n), if given. */
  readonly partitions: number | null;
  readonly timeoutMs: number;
}

/** ASSERT VALUES / NULL VALUES / STREAM / TABLE: parsed and kept for `eddy test`, which runs them. */
export interface BoundTestAssertion {
  readonly kind: 'BoundTestAssertion';
  readonly statement: Extract<Statement, { kind: 'AssertValues' | 'AssertNullValues' | 'AssertSource' }>;
}

export type BoundCommand =
  | BoundCreateType
  | BoundDropType
  | BoundAlterSource
  | BoundInsertSelect
  | BoundDefineVariable
  | BoundDescribeSources
  | BoundDescribeFunction
  | BoundPrint
  | BoundPauseResume
  | BoundRunScript
  | BoundAssertTopic
  | BoundTestAssertion;
