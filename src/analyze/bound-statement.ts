// BoundStatement: a statement after analysis — names resolved, types checked, ready to plan or run.

import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import type { Schema } from '../common/index.js';
import type { ShowWhat } from '../sql/index.js';
import type { BoundCommand, BoundInsertSelect } from './bound-command.js';
import type { BoundExpr } from './bound-expr.js';

/** A topic to create when a statement needs one that does not exist yet. */
export interface TopicRequest {
  readonly name: string;
  readonly partitions: number;
}

export interface ProjectionItem {
  readonly name: string;
  readonly expr: BoundExpr;
}

/** A SELECT over one source. */
export interface BoundQuery {
  readonly source: SourceDefinition;
  /** The source's columns plus pseudo columns: what WHERE and the projection read. */
  readonly inputSchema: Schema;
  readonly where: BoundExpr | null;
  readonly projection: readonly ProjectionItem[];
  /** Names, types and key/value roles of the result columns. */
  readonly outputSchema: Schema;
  /** null: a pull query (runs to the end of what is there now, then stops). */
  readonly emit: 'CHANGES' | 'FINAL' | null;
  readonly limit: number | null;
}

export interface BoundCreateSource {
  readonly kind: 'BoundCreateSource';
  readonly source: SourceDefinition;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly exists: boolean;
  readonly createTopic: TopicRequest | null;
}

export interface BoundCreateAsSelect {
  readonly kind: 'BoundCreateAsSelect';
  readonly sink: SourceDefinition;
  readonly query: BoundQuery;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly exists: boolean;
  readonly createTopic: TopicRequest | null;
}

export interface BoundInsertValues {
  readonly kind: 'BoundInsertValues';
  readonly target: SourceDefinition;
  /** One expression per column of the target's schema (NULL where not given). */
  readonly values: readonly BoundExpr[];
  /** The record timestamp, when ROWTIME was given. */
  readonly rowtime: BoundExpr | null;
}

export interface BoundQueryStatement {
  readonly kind: 'BoundQueryStatement';
  readonly query: BoundQuery;
}

export interface BoundShow {
  readonly kind: 'BoundShow';
  readonly what: ShowWhat;
  readonly extended: boolean;
}

export interface BoundDescribe {
  readonly kind: 'BoundDescribe';
  readonly source: SourceDefinition;
  readonly extended: boolean;
}

export interface BoundDropSource {
  readonly kind: 'BoundDropSource';
  /** null when `IF EXISTS` named a missing source. */
  readonly source: SourceDefinition | null;
  readonly deleteTopic: boolean;
}

export interface BoundTerminate {
  readonly kind: 'BoundTerminate';
  readonly queries: readonly QueryDefinition[];
}

export interface BoundExplain {
  readonly kind: 'BoundExplain';
  readonly target:
    | BoundQueryStatement
    | BoundCreateAsSelect
    | BoundInsertSelect
    | { readonly kind: 'BoundExplainQuery'; readonly query: QueryDefinition };
}

export interface BoundSetProperty {
  readonly kind: 'BoundSetProperty';
  readonly name: string;
  /** null: UNSET. */
  readonly value: string | null;
}

export type BoundStatement =
  | BoundCreateSource
  | BoundCreateAsSelect
  | BoundInsertValues
  | BoundQueryStatement
  | BoundShow
  | BoundDescribe
  | BoundDropSource
  | BoundTerminate
  | BoundExplain
  | BoundSetProperty
  | BoundCommand;
