// BoundStatement: a statement after analysis — names resolved, types checked, ready to plan or run.

import type { QueryDefinition, SourceDefinition } from '../catalog/index.js';
import type { Schema, SqlType, WindowSpec } from '../common/index.js';
import type { ShowWhat } from '../sql/index.js';
import type { BoundCommand, BoundInsertSelect } from './bound-command.js';
import type { BoundExpr } from './bound-expr.js';
import type { BoundJoin } from './bound-join.js';

/** A topic to create when a statement needs one that does not exist yet. */
export interface TopicRequest {
  readonly name: string;
  readonly partitions: number;
  /** Honoured on Kafka; the embedded log keeps one copy of every record. */
  readonly replicas?: number;
  readonly retentionMs?: number;
  readonly cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
}

export interface ProjectionItem {
  readonly name: string;
  readonly expr: BoundExpr;
}

/** One aggregate call of a GROUP BY query; its arguments read the aggregation's input rows. */
export interface BoundAggregateCall {
  readonly name: string;
  readonly args: readonly BoundExpr[];
  /** Argument types after widening (what the implementation is created for). */
  readonly argTypes: readonly SqlType[];
  readonly type: SqlType;
}

/** GROUP BY [WINDOW]: the aggregation step between WHERE and HAVING / the projection. */
export interface BoundAggregation {
  /** The grouping expressions over the input schema: one key column each. */
  readonly groupBy: readonly BoundExpr[];
  readonly aggregates: readonly BoundAggregateCall[];
  readonly window: WindowSpec | null;
  /** Key columns, then WINDOWSTART and WINDOWEND (pseudo, when windowed), then one column per aggregate. */
  readonly schema: Schema;
  /** The input is a table: each change retracts the old row before adding the new one. */
  readonly tableInput: boolean;
}

/** A SELECT over one source. */
/** A table function call of a SELECT list (EXPLODE(x)): its arguments over the input row and its column's type. */
export interface BoundTableFunctionCall {
  readonly name: string;
  readonly args: readonly BoundExpr[];
  readonly type: SqlType;
}

export interface BoundQuery {
  readonly source: SourceDefinition;
  /** JOINs after FROM, in order (`source` is the leftmost); `inputSchema` is then the joined columns. */
  readonly joins: readonly BoundJoin[];
  /** The source's columns plus pseudo columns: what WHERE (and an aggregation's arguments) read. */
  readonly inputSchema: Schema;
  readonly where: BoundExpr | null;
  /** Table functions of the SELECT list (null: none): each input row becomes as many rows as they make, `schema` their columns after the input's. */
  readonly flatMap: { readonly calls: readonly BoundTableFunctionCall[]; readonly schema: Schema } | null;
  /** GROUP BY: HAVING and the projection then read `aggregation.schema`. */
  readonly aggregation: BoundAggregation | null;
  readonly having: BoundExpr | null;
  /** PARTITION BY: the new key expressions over the input schema (empty list: `PARTITION BY NULL`). */
  readonly partitionBy: readonly BoundExpr[] | null;
  /** What the query's result is: a TABLE (over a table, or aggregated) or a STREAM. */
  readonly resultKind: 'STREAM' | 'TABLE';
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
  | BoundAssertValues
  | BoundAssertSource
  | BoundCommand;

/** `ASSERT [NULL] VALUES`: the record the sink's next output must be (checked by the test runner). */
export interface BoundAssertValues {
  readonly kind: 'BoundAssertValues';
  readonly target: SourceDefinition;
  /** One expression per column of the target's schema (NULL where not given). */
  readonly values: readonly BoundExpr[];
  /** The expected record timestamp, when ROWTIME was given. */
  readonly rowtime: BoundExpr | null;
  /** `ASSERT NULL VALUES`: a tombstone (null value) for the key. */
  readonly tombstone: boolean;
}

/** `ASSERT STREAM|TABLE`: how the source differs from the assertion (empty: it matches). */
export interface BoundAssertSource {
  readonly kind: 'BoundAssertSource';
  readonly source: SourceDefinition;
  readonly problems: readonly string[];
}
