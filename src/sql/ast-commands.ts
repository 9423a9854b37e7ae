// AST of the statements beyond queries and source DDL: types, variables, ALTER, PRINT, ASSERT, ….

import type { ColumnDefinition, Expr, Identifier, Node, Property, Select, SourceKind, TimeAmount, TypeExpr } from './ast.js';

/** `INSERT INTO target [WITH (QUERY_ID=…)] SELECT …`: a persistent query appending to a source. */
export interface InsertSelect extends Node {
  readonly kind: 'InsertSelect';
  readonly target: Identifier;
  readonly properties: readonly Property[];
  readonly query: Select;
}

export interface CreateType extends Node {
  readonly kind: 'CreateType';
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly type: TypeExpr;
}

export interface DropType extends Node {
  readonly kind: 'DropType';
  readonly ifExists: boolean;
  readonly name: Identifier;
}

/** `ALTER STREAM|TABLE name ADD [COLUMN] c type, …` (columns carry no constraint). */
export interface AlterSource extends Node {
  readonly kind: 'AlterSource';
  readonly sourceKind: SourceKind;
  readonly name: Identifier;
  readonly columns: readonly ColumnDefinition[];
}

export interface DefineVariable extends Node {
  readonly kind: 'DefineVariable';
  readonly name: Identifier;
  readonly value: string;
}

export interface UndefineVariable extends Node {
  readonly kind: 'UndefineVariable';
  readonly name: Identifier;
}

/** `DESCRIBE STREAMS|TABLES [EXTENDED]`. */
export interface DescribeSources extends Node {
  readonly kind: 'DescribeSources';
  readonly what: 'STREAMS' | 'TABLES';
  readonly extended: boolean;
}

export interface DescribeFunction extends Node {
  readonly kind: 'DescribeFunction';
  readonly name: Identifier;
}

/** `PRINT topic [FROM BEGINNING] [INTERVAL|SAMPLE n] [LIMIT n]`. */
export interface Print extends Node {
  readonly kind: 'Print';
  /** As written (an unquoted identifier keeps its case, as topic names are case-sensitive). */
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly interval: number | null;
  readonly limit: number | null;
}

export interface RunScript extends Node {
  readonly kind: 'RunScript';
  readonly path: string;
}

/** `PAUSE id|ALL` and `RESUME id|ALL`; a null id means ALL. */
export interface PauseResume extends Node {
  readonly kind: 'PauseResume';
  readonly action: 'PAUSE' | 'RESUME';
  readonly queryId: Identifier | null;
}

/** `ASSERT [NOT EXISTS] TOPIC name [WITH (…)] [TIMEOUT n unit]`. */
export interface AssertTopic extends Node {
  readonly kind: 'AssertTopic';
  /** false for `ASSERT NOT EXISTS`. */
  readonly exists: boolean;
  readonly topic: string;
  readonly properties: readonly Property[];
  readonly timeout: TimeAmount | null;
}

/** `ASSERT [NOT EXISTS] SCHEMA [SUBJECT s] [ID n] [TIMEOUT …]` (Schema Registry). */
export interface AssertSchema extends Node {
  readonly kind: 'AssertSchema';
  readonly exists: boolean;
  readonly subject: string | null;
  readonly id: number | null;
  readonly timeout: TimeAmount | null;
}

// ---------------------------------------------------------------- test assertions (`eddy test`)

/** `ASSERT VALUES sink [(cols)] VALUES (…)`: the sink's next record holds these values (others NULL). */
export interface AssertValues extends Node {
  readonly kind: 'AssertValues';
  readonly target: Identifier;
  readonly columns: readonly Identifier[] | null;
  readonly values: readonly Expr[];
}

/** `ASSERT NULL VALUES sink [(keycols)] KEY (…)`: the sink's next record is a tombstone for this key. */
export interface AssertNullValues extends Node {
  readonly kind: 'AssertNullValues';
  readonly target: Identifier;
  readonly columns: readonly Identifier[] | null;
  readonly keys: readonly Expr[];
}

/** `ASSERT STREAM|TABLE name [(cols)] [WITH (…)]`: the source exists with this schema and these properties. */
export interface AssertSource extends Node {
  readonly kind: 'AssertSource';
  readonly sourceKind: SourceKind;
  readonly name: Identifier;
  readonly columns: readonly ColumnDefinition[];
  readonly properties: readonly Property[];
}

/** A statement using `${variable}`: the engine substitutes the session's variables, then parses `text`. */
export interface UnresolvedStatement extends Node {
  readonly kind: 'UnresolvedStatement';
  readonly text: string;
}
