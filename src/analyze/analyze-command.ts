// Analysis of the statements beyond queries and source DDL: types, variables, ALTER, PRINT, PAUSE, ASSERT, ….

import { closestName, requireSource, type Catalog, type QueryDefinition } from '../catalog/index.js';
import { assertNever, EngineError, PSEUDO_COLUMNS, type Column, type SourceSpan } from '../common/index.js';
import { describeFunction, describeFunctions, listAggregates } from '../functions/index.js';
import type { Identifier, Statement, TimeAmount } from '../sql/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { analyzeInsertSelect } from './analyze-insert-select.js';
import type { BoundCommand } from './bound-command.js';
import { resolveType } from './resolve-type.js';
import { WithProperties } from './with-properties.js';

type CoreKind = 'CreateSource' | 'CreateAsSelect' | 'InsertValues' | 'QueryStatement' | 'Show' | 'Describe' | 'DropSource' | 'Terminate' | 'Explain' | 'SetProperty' | 'UnsetProperty';

/** The statements analyze delegates here. */
export type CommandStatement = Exclude<Statement, { readonly kind: CoreKind }>;

const BUILT_IN_TYPES = new Set(['BOOLEAN', 'INT', 'INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING', 'VARCHAR', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP', 'ARRAY', 'MAP', 'STRUCT']);

/** ksqlDB's default for ASSERT TOPIC without TIMEOUT. */
const DEFAULT_ASSERT_TIMEOUT_MS = 1000;

export function analyzeCommand(stmt: CommandStatement, ctx: AnalysisContext): BoundCommand {
  const catalog = ctx.catalog;
  switch (stmt.kind) {
    case 'CreateType': {
      const name = stmt.name.name;
      if (BUILT_IN_TYPES.has(name.toUpperCase())) {
        throw new EngineError('INVALID_STATEMENT', `${name} is a built-in type and cannot be redefined.`, stmt.name.span);
      }
      const exists = catalog.types.has(name);
      if (exists && !stmt.ifNotExists) {
        throw new EngineError('SOURCE_EXISTS', `Type ${name} already exists. DROP TYPE ${name} first, or use CREATE TYPE IF NOT EXISTS.`, stmt.name.span);
      }
      return { kind: 'BoundCreateType', name, type: resolveType(stmt.type, catalog.types), skip: exists };
    }
    case 'DropType': {
      const name = stmt.name.name;
      if (catalog.types.has(name)) return { kind: 'BoundDropType', name };
      if (stmt.ifExists) return { kind: 'BoundDropType', name: null };
      const suggestion = closestName(name, [...catalog.types.keys()]);
      throw new EngineError('INVALID_STATEMENT', `Type ${name} does not exist.${suggestion === null ? '' : ` Did you mean ${suggestion}?`}`, stmt.name.span);
    }
    case 'AlterSource':
      return analyzeAlter(stmt, catalog);
    case 'InsertSelect':
      return analyzeInsertSelect(stmt, ctx);
    case 'DefineVariable':
      return { kind: 'BoundDefineVariable', name: stmt.name.name.toUpperCase(), value: stmt.value };
    case 'UndefineVariable':
      return { kind: 'BoundDefineVariable', name: stmt.name.name.toUpperCase(), value: null };
    case 'DescribeSources': {
      const kind = stmt.what === 'STREAMS' ? 'STREAM' : 'TABLE';
      return { kind: 'BoundDescribeSources', sources: [...catalog.sources.values()].filter((s) => s.kind === kind), extended: stmt.extended };
    }
    case 'DescribeFunction': {
      const fn = describeFunction(stmt.name.name, listAggregates());
      if (fn === undefined) {
        const suggestion = closestName(stmt.name.name, describeFunctions(listAggregates()).map((f) => f.name));
        throw new EngineError('UNKNOWN_FUNCTION', `Unknown function ${stmt.name.name}.${suggestion === null ? ' SHOW FUNCTIONS lists them.' : ` Did you mean ${suggestion}?`}`, stmt.name.span);
      }
      return { kind: 'BoundDescribeFunction', fn };
    }
    case 'Print': {
      if (!ctx.topics.has(stmt.topic)) {
        const suggestion = closestName(stmt.topic, [...ctx.topics.keys()]);
        throw new EngineError('UNKNOWN_TOPIC', `Topic '${stmt.topic}' does not exist.${suggestion === null ? ' SHOW TOPICS lists them.' : ` Did you mean '${suggestion}'?`}`, stmt.span);
      }
      if (stmt.interval === 0) throw new EngineError('INVALID_STATEMENT', 'INTERVAL must be at least 1.', stmt.span);
      return { kind: 'BoundPrint', topic: stmt.topic, fromBeginning: stmt.fromBeginning, interval: stmt.interval ?? 1, limit: stmt.limit };
    }
    case 'PauseResume':
      return { kind: 'BoundPauseResume', action: stmt.action, queries: queriesNamed(catalog, stmt.queryId) };
    case 'RunScript':
      return { kind: 'BoundRunScript', path: stmt.path };
    case 'AssertTopic': {
      const props = new WithProperties(stmt.properties, stmt.span, 'CREATE');
      for (const p of stmt.properties) {
        if (p.name !== 'PARTITIONS' && p.name !== 'REPLICAS') {
          throw new EngineError('INVALID_PROPERTY', `ASSERT TOPIC checks PARTITIONS and REPLICAS only, not ${p.name}.`, p.span);
        }
      }
      return { kind: 'BoundAssertTopic', topic: stmt.topic, exists: stmt.exists, partitions: props.int('PARTITIONS') ?? null, timeoutMs: stmt.timeout === null ? DEFAULT_ASSERT_TIMEOUT_MS : toMillis(stmt.timeout) };
    }
    case 'AssertSchema':
      throw new EngineError('NOT_SUPPORTED', 'ASSERT SCHEMA is not supported: Eddy has no Schema Registry.', stmt.span);
    case 'AssertValues':
    case 'AssertNullValues':
    case 'AssertSource':
      return { kind: 'BoundTestAssertion', statement: stmt };
    case 'UnresolvedStatement':
      throw new EngineError('INVALID_STATEMENT', 'This statement uses ${…} variables, which must be substituted before analysis.', stmt.span);
    default:
      return assertNever(stmt, 'statement');
  }
}

function analyzeAlter(stmt: Extract<Statement, { kind: 'AlterSource' }>, catalog: Catalog): BoundCommand {
  const source = requireSource(catalog, stmt.name.name, stmt.name.span);
  if (source.kind !== stmt.sourceKind) {
    throw new EngineError('INVALID_STATEMENT', `${source.name} is a ${source.kind.toLowerCase()}: use ALTER ${source.kind}.`, stmt.name.span);
  }
  if (source.writtenBy !== null) {
    throw new EngineError('INVALID_STATEMENT', `${source.name} is written by query ${source.writtenBy}: only sources declared with CREATE … WITH can be altered.`, stmt.name.span);
  }
  const columns: Column[] = [...source.schema.columns];
  const added: string[] = [];
  for (const def of stmt.columns) {
    const name = def.name.name;
    if (columns.some((c) => c.name === name)) {
      throw new EngineError('INVALID_STATEMENT', `${source.name} already has a column named ${name}.`, def.name.span);
    }
    if ((PSEUDO_COLUMNS as readonly string[]).includes(name) || name === 'WINDOWSTART' || name === 'WINDOWEND') {
      throw new EngineError('INVALID_STATEMENT', `${name} is a reserved system column name; choose another name.`, def.name.span);
    }
    columns.push({ name, type: resolveType(def.type, catalog.types), namespace: 'value' });
    added.push(name);
  }
  return { kind: 'BoundAlterSource', source: { ...source, schema: { columns } }, added };
}

function queriesNamed(catalog: Catalog, id: Identifier | null): QueryDefinition[] {
  if (id === null) return [...catalog.queries.values()];
  const upper = id.name.toUpperCase();
  const query = catalog.queries.get(upper);
  if (query === undefined) throw unknownQuery(catalog, upper, id.span);
  return [query];
}

export function unknownQuery(catalog: Catalog, id: string, span: SourceSpan): EngineError {
  const suggestion = closestName(id, [...catalog.queries.keys()]);
  return new EngineError('UNKNOWN_QUERY', `No persistent query with id ${id}.${suggestion === null ? ' SHOW QUERIES lists them.' : ` Did you mean ${suggestion}?`}`, span);
}

const UNIT_MS: Readonly<Record<TimeAmount['unit'], number>> = { MILLISECONDS: 1, SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export function toMillis(amount: TimeAmount): number {
  return amount.value * UNIT_MS[amount.unit];
}
