// AST: the typed syntax tree the parser produces; every node carries its source span.

import type { SourceSpan } from '../common/index.js';
import type {
  AlterSource,
  AssertNullValues,
  AssertSchema,
  AssertSource,
  AssertTopic,
  AssertValues,
  CreateType,
  DefineVariable,
  DescribeFunction,
  DescribeSources,
  DropType,
  InsertSelect,
  PauseResume,
  Print,
  RunScript,
  UndefineVariable,
  UnresolvedStatement,
} from './ast-commands.js';

export type * from './ast-commands.js';

export interface Node {
  readonly span: SourceSpan;
}

/** An identifier after case folding: unquoted names are upper-cased, quoted ones kept verbatim. */
export interface Identifier extends Node {
  readonly kind: 'Identifier';
  readonly name: string;
  readonly quoted: boolean;
}

// ---------------------------------------------------------------- types

export type TypeExpr =
  | { readonly kind: 'PrimitiveTypeExpr'; readonly name: PrimitiveTypeName; readonly span: SourceSpan }
  | { readonly kind: 'DecimalTypeExpr'; readonly precision: number; readonly scale: number; readonly span: SourceSpan }
  | { readonly kind: 'ArrayTypeExpr'; readonly element: TypeExpr; readonly span: SourceSpan }
  | { readonly kind: 'MapTypeExpr'; readonly key: TypeExpr; readonly value: TypeExpr; readonly span: SourceSpan }
  | {
      readonly kind: 'StructTypeExpr';
      readonly fields: readonly { readonly name: Identifier; readonly type: TypeExpr }[];
      readonly span: SourceSpan;
    }
  | { readonly kind: 'NamedTypeExpr'; readonly name: Identifier; readonly span: SourceSpan };

/** `VARCHAR` parses to STRING and `INTEGER` to INT. */
export type PrimitiveTypeName = 'BOOLEAN' | 'INT' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES' | 'DATE' | 'TIME' | 'TIMESTAMP';

// ---------------------------------------------------------------- expressions

export type Expr =
  | NullLiteral
  | BooleanLiteral
  | IntegerLiteral
  | DecimalLiteral
  | DoubleLiteral
  | StringLiteral
  | ColumnRef
  | UnaryExpr
  | BinaryExpr
  | LikeExpr
  | BetweenExpr
  | InListExpr
  | IsNullExpr
  | CaseExpr
  | CastExpr
  | FunctionCall
  | IsDistinctExpr
  | SubscriptExpr
  | DereferenceExpr
  | ArrayConstructor
  | MapConstructor
  | StructConstructor
  | LambdaExpr;

export interface NullLiteral extends Node {
  readonly kind: 'NullLiteral';
}
export interface BooleanLiteral extends Node {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
}
/** Digits only; the analyzer types it INT if it fits 32 bits, else BIGINT. Kept as text to stay exact. */
export interface IntegerLiteral extends Node {
  readonly kind: 'IntegerLiteral';
  readonly text: string;
}
/** `1.50` (no exponent): a DECIMAL literal, as in ksqlDB; `DECIMAL '1.50'` gives the same. */
export interface DecimalLiteral extends Node {
  readonly kind: 'DecimalLiteral';
  readonly text: string;
}
/** `1.5E3`: a DOUBLE literal. */
export interface DoubleLiteral extends Node {
  readonly kind: 'DoubleLiteral';
  readonly text: string;
}
export interface StringLiteral extends Node {
  readonly kind: 'StringLiteral';
  readonly value: string;
}
/** `col` or `source.col`. */
export interface ColumnRef extends Node {
  readonly kind: 'ColumnRef';
  readonly qualifier: Identifier | null;
  readonly name: Identifier;
}

export type UnaryOp = 'NOT' | '-' | '+';
export interface UnaryExpr extends Node {
  readonly kind: 'UnaryExpr';
  readonly op: UnaryOp;
  readonly operand: Expr;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'AND' | 'OR';
/** `!=` parses to `<>`. */
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp | '||';
export interface BinaryExpr extends Node {
  readonly kind: 'BinaryExpr';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface LikeExpr extends Node {
  readonly kind: 'LikeExpr';
  readonly negated: boolean;
  readonly value: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | null;
}

export interface BetweenExpr extends Node {
  readonly kind: 'BetweenExpr';
  readonly negated: boolean;
  readonly value: Expr;
  readonly low: Expr;
  readonly high: Expr;
}

export interface InListExpr extends Node {
  readonly kind: 'InListExpr';
  readonly negated: boolean;
  readonly value: Expr;
  readonly list: readonly Expr[];
}

export interface IsNullExpr extends Node {
  readonly kind: 'IsNullExpr';
  readonly negated: boolean;
  readonly value: Expr;
}

/** `CASE WHEN c THEN r … [ELSE e] END`, or with an operand: `CASE x WHEN v THEN r … END`. */
export interface CaseExpr extends Node {
  readonly kind: 'CaseExpr';
  readonly operand: Expr | null;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
}

export interface CastExpr extends Node {
  readonly kind: 'CastExpr';
  readonly value: Expr;
  readonly type: TypeExpr;
}

/** `f(args)`; `COUNT(*)` has `star: true` and no args. */
export interface FunctionCall extends Node {
  readonly kind: 'FunctionCall';
  readonly name: Identifier;
  readonly args: readonly Expr[];
  readonly star: boolean;
}

/** `a IS [NOT] DISTINCT FROM b`: equality where NULL equals NULL. */
export interface IsDistinctExpr extends Node {
  readonly kind: 'IsDistinctExpr';
  readonly negated: boolean;
  readonly left: Expr;
  readonly right: Expr;
}

/** `base[index]`: 1-based array index (negative counts from the end) or map key. */
export interface SubscriptExpr extends Node {
  readonly kind: 'SubscriptExpr';
  readonly base: Expr;
  readonly index: Expr;
}

/** `base->field`: a struct field. */
export interface DereferenceExpr extends Node {
  readonly kind: 'DereferenceExpr';
  readonly base: Expr;
  readonly field: Identifier;
}

/** `ARRAY[a, b, …]`. */
export interface ArrayConstructor extends Node {
  readonly kind: 'ArrayConstructor';
  readonly elements: readonly Expr[];
}

/** `MAP(k := v, …)`. */
export interface MapConstructor extends Node {
  readonly kind: 'MapConstructor';
  readonly entries: readonly { readonly key: Expr; readonly value: Expr }[];
}

/** `STRUCT(name := value, …)`. */
export interface StructConstructor extends Node {
  readonly kind: 'StructConstructor';
  readonly fields: readonly { readonly name: Identifier; readonly value: Expr }[];
}

/** `x => body` or `(x, y) => body`; only valid as a function argument. */
export interface LambdaExpr extends Node {
  readonly kind: 'LambdaExpr';
  readonly params: readonly Identifier[];
  readonly body: Expr;
}

// ---------------------------------------------------------------- queries

export type SelectItem =
  | { readonly kind: 'SelectStar'; readonly qualifier: Identifier | null; readonly span: SourceSpan }
  /** `s->*`: every field of a struct, as columns. */
  | { readonly kind: 'SelectStructStar'; readonly expr: Expr; readonly span: SourceSpan }
  | { readonly kind: 'SelectExpr'; readonly expr: Expr; readonly alias: Identifier | null; readonly span: SourceSpan };

export interface Relation extends Node {
  readonly kind: 'Relation';
  readonly name: Identifier;
  readonly alias: Identifier | null;
}

export type EmitMode = 'CHANGES' | 'FINAL';

/** Time units, normalized to the plural (`1 MINUTE` parses as MINUTES). */
export type TimeUnit = 'MILLISECONDS' | 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** `5 MINUTES` in a WINDOW clause. */
export interface Duration extends Node {
  readonly kind: 'Duration';
  readonly value: number;
  readonly unit: TimeUnit;
}

/** `10 SECONDS` in WITHIN, GRACE PERIOD of a join, and TIMEOUT. */
export interface TimeAmount extends Node {
  readonly kind: 'TimeAmount';
  readonly value: number;
  readonly unit: TimeUnit;
}

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

/** `WINDOW TUMBLING (SIZE …)`, `HOPPING (SIZE …, ADVANCE BY …)`, `SESSION (gap)`; `size` is a session's gap. */
export interface WindowExpr extends Node {
  readonly kind: 'WindowExpr';
  readonly type: WindowType;
  readonly size: Duration;
  readonly advance: Duration | null;
  readonly retention: Duration | null;
  readonly grace: Duration | null;
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/** `WITHIN n unit` (before = after) or `WITHIN (before, after)`, with an optional GRACE PERIOD. */
export interface WithinClause extends Node {
  readonly kind: 'WithinClause';
  readonly before: TimeAmount;
  readonly after: TimeAmount;
  readonly grace: TimeAmount | null;
}

export interface JoinClause extends Node {
  readonly kind: 'JoinClause';
  readonly joinType: JoinType;
  readonly right: Relation;
  readonly within: WithinClause | null;
  readonly on: Expr;
}

export interface Select extends Node {
  readonly kind: 'Select';
  readonly items: readonly SelectItem[];
  readonly from: Relation;
  readonly window: WindowExpr | null;
  /** `JOIN …` clauses after FROM, in order. */
  readonly joins: readonly JoinClause[];
  readonly where: Expr | null;
  /** Empty when there is no GROUP BY. */
  readonly groupBy: readonly Expr[];
  /** Empty when there is no PARTITION BY (`PARTITION BY NULL` is one NullLiteral). */
  readonly partitionBy: readonly Expr[];
  readonly having: Expr | null;
  /** null for a pull query. */
  readonly emit: EmitMode | null;
  readonly limit: number | null;
}

// ---------------------------------------------------------------- statements

export interface Property extends Node {
  readonly kind: 'Property';
  /** Upper-cased property name. */
  readonly name: string;
  readonly value: PropertyValue;
}
export type PropertyValue = StringLiteral | IntegerLiteral | DecimalLiteral | DoubleLiteral | BooleanLiteral;

export type ColumnConstraint = 'KEY' | 'PRIMARY KEY' | 'HEADERS' | 'HEADER' | null;

export interface ColumnDefinition extends Node {
  readonly kind: 'ColumnDefinition';
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly constraint: ColumnConstraint;
  /** The header key of `HEADER('k')`; null otherwise. */
  readonly headerKey: string | null;
}

export type SourceKind = 'STREAM' | 'TABLE';

export interface CreateSource extends Node {
  readonly kind: 'CreateSource';
  readonly sourceKind: SourceKind;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  /** `CREATE SOURCE STREAM|TABLE`: read-only. */
  readonly readOnly: boolean;
  readonly name: Identifier;
  readonly columns: readonly ColumnDefinition[];
  readonly properties: readonly Property[];
}

export interface CreateAsSelect extends Node {
  readonly kind: 'CreateAsSelect';
  readonly sourceKind: SourceKind;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly properties: readonly Property[];
  readonly query: Select;
}

export interface InsertValues extends Node {
  readonly kind: 'InsertValues';
  readonly target: Identifier;
  /** null when no column list was given: all columns in order (key first). */
  readonly columns: readonly Identifier[] | null;
  readonly values: readonly Expr[];
}

export interface QueryStatement extends Node {
  readonly kind: 'QueryStatement';
  readonly query: Select;
}

export type ShowWhat = 'STREAMS' | 'TABLES' | 'QUERIES' | 'TOPICS' | 'PROPERTIES' | 'FUNCTIONS' | 'TYPES' | 'VARIABLES';
export interface Show extends Node {
  readonly kind: 'Show';
  readonly what: ShowWhat;
  readonly extended: boolean;
}

export interface Describe extends Node {
  readonly kind: 'Describe';
  readonly name: Identifier;
  readonly extended: boolean;
}

export interface DropSource extends Node {
  readonly kind: 'DropSource';
  readonly sourceKind: SourceKind;
  readonly ifExists: boolean;
  readonly name: Identifier;
  readonly deleteTopic: boolean;
}

export interface Terminate extends Node {
  readonly kind: 'Terminate';
  /** null means `TERMINATE ALL`. Query ids are kept as written (upper-cased if unquoted). */
  readonly queryId: Identifier | null;
}

export interface Explain extends Node {
  readonly kind: 'Explain';
  readonly target:
    | { readonly kind: 'ExplainStatement'; readonly statement: QueryStatement | CreateAsSelect | InsertSelect }
    | { readonly kind: 'ExplainQueryId'; readonly queryId: Identifier };
}

export interface SetProperty extends Node {
  readonly kind: 'SetProperty';
  readonly name: string;
  readonly value: string;
}

export interface UnsetProperty extends Node {
  readonly kind: 'UnsetProperty';
  readonly name: string;
}

export type Statement =
  | CreateSource
  | CreateAsSelect
  | InsertValues
  | QueryStatement
  | Show
  | Describe
  | DropSource
  | Terminate
  | Explain
  | SetProperty
  | UnsetProperty
  | InsertSelect
  | CreateType
  | DropType
  | AlterSource
  | DefineVariable
  | UndefineVariable
  | DescribeSources
  | DescribeFunction
  | Print
  | RunScript
  | PauseResume
  | AssertTopic
  | AssertSchema
  | AssertValues
  | AssertNullValues
  | AssertSource
  | UnresolvedStatement;


export type StatementKind = Statement['kind'];

/** A `--@name: value` comment line (ksqlDB's test directives), kept for the test runner. */
export interface Directive {
  /** The text after `--@` up to the first `:` (trimmed), e.g. `test` or `expected.error`. */
  readonly name: string;
  /** The text after the `:` (trimmed); empty when there is none. */
  readonly value: string;
  /** 1-based line of the comment. */
  readonly line: number;
}

/** One statement with the exact text it was parsed from (without the `;`). */
export interface ParsedStatement {
  readonly statement: Statement;
  readonly text: string;
  /** Span of `text` within the whole input. */
  readonly span: SourceSpan;
  /** The `--@` directive lines between the previous statement and this one. */
  readonly directives?: readonly Directive[];
}
