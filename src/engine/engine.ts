// Engine: the one module that sees every stage — parse, analyze, plan, run — over a data directory.

import { randomUUID } from 'node:crypto';
import { analyze, type AnalysisContext, type BoundStatement, type TopicInfo } from '../analyze/index.js';
import type { Catalog } from '../catalog/index.js';
import { EngineError, systemClock, type Clock } from '../common/index.js';
import type { SourceRecord } from '../exec/index.js';
import { EmbeddedLog, formatCodecs, LOG_MIGRATIONS } from '../io/index.js';
import { explainPhysicalPlan, explainPlans, decodePhysicalPlan } from '../plan/index.js';
import { parse, type ParsedStatement } from '../sql/index.js';
import { CatalogStore, OffsetStore, openDataDirectory, ProcessingLogStore, QueryLeases } from '../state/index.js';
import { executeCreateAsSelect } from './create-as-select.js';
import { executeCreateSource } from './create-source.js';
import { executeDescribe } from './describe.js';
import { executeDropSource } from './drop-source.js';
import { executeCommand } from './execute-command.js';
import type { EngineContext, EngineLogger } from './engine-context.js';
import { executeInsertValues } from './insert-values.js';
import { LEASE_TTL_MS, PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import { SessionProperties } from './session-properties.js';
import { executeShow } from './show.js';
import type { StatementResult } from './statement-result.js';
import { executeTerminate } from './terminate.js';
import { transientQuery } from './transient-query.js';
import { resolveVariables } from './variables.js';

export interface EngineOptions {
  /** The data directory (`--data-dir`), or `:memory:` for a private in-memory one. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly properties?: Readonly<Record<string, string>>;
  /** Run persistent queries in this process (false for `eddy explain` / `eddy check`). */
  readonly runQueries?: boolean;
  readonly logger?: EngineLogger;
}

const stderrLogger: EngineLogger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};

export class Engine {
  private readonly ctx: EngineContext;
  private readonly queries: PersistentQueries;
  private transientCount = 0;
  private closed = false;

  private constructor(ctx: EngineContext, runQueries: boolean) {
    this.ctx = ctx;
    this.queries = new PersistentQueries(ctx);
    if (runQueries) this.queries.startBackground();
  }

  static open(options: EngineOptions): Engine {
    const db = openDataDirectory(options.dataDir, { log: LOG_MIGRATIONS });
    const catalogStore = new CatalogStore(db);
    const processingLogStore = new ProcessingLogStore(db);
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? stderrLogger;
    const ctx: EngineContext = {
      db,
      log: new EmbeddedLog(db),
      catalogStore,
      offsets: new OffsetStore(db),
      leases: new QueryLeases(db, randomUUID(), LEASE_TTL_MS),
      processingLogStore,
      processingLogger: {
        log: (entry) => {
          processingLogStore.append(entry, clock.now());
          logger.warn(`skipped record ${entry.topic}/${entry.partition}@${entry.offset} in ${entry.queryId}: ${entry.message}`);
        },
      },
      codecs: formatCodecs,
      clock,
      properties: new SessionProperties(options.properties),
      variables: new Map(),
      logger,
      catalog: () => catalogStore.load(),
    };
    return new Engine(ctx, options.runQueries ?? true);
  }

  /** Parses a script into statements (throws a located EngineError on a syntax error). */
  parse(text: string): ParsedStatement[] {
    return parse(text);
  }

  /** Analyzes without running (what `eddy check` does); throws a located EngineError. */
  check(statement: ParsedStatement): BoundStatement {
    const resolved = resolveVariables(statement, this.ctx.variables);
    const bound = analyze(resolved, this.analysisContext());
    // Variables must exist for the statements after a DEFINE, even when nothing runs.
    if (bound.kind === 'BoundDefineVariable') {
      if (bound.value === null) this.ctx.variables.delete(bound.name);
      else this.ctx.variables.set(bound.name, bound.value);
    }
    return bound;
  }

  /** The statement with `${variables}` substituted (itself when it uses none). */
  resolve(statement: ParsedStatement): ParsedStatement {
    return resolveVariables(statement, this.ctx.variables);
  }

  async execute(parsed: ParsedStatement): Promise<StatementResult> {
    const statement = resolveVariables(parsed, this.ctx.variables);
    const bound = analyze(statement, this.analysisContext());
    const ctx = this.ctx;
    switch (bound.kind) {
      case 'BoundCreateSource':
        return executeCreateSource(ctx, bound);
      case 'BoundCreateAsSelect':
        return executeCreateAsSelect(ctx, this.queries, bound);
      case 'BoundInsertValues':
        return executeInsertValues(ctx, bound);
      case 'BoundQueryStatement': {
        const id = `transient_${bound.query.source.name}_${++this.transientCount}`;
        const { physical } = planQuery(bound.query, null, id);
        return { kind: 'query', query: transientQuery(ctx, physical, bound.query.outputSchema.columns) };
      }
      case 'BoundShow':
        return executeShow(ctx, this.queries, bound);
      case 'BoundDescribe':
        return executeDescribe(ctx, this.queries, bound);
      case 'BoundDropSource':
        return executeDropSource(ctx, bound);
      case 'BoundTerminate':
        return executeTerminate(ctx, this.queries, bound);
      case 'BoundExplain': {
        const target = bound.target;
        if (target.kind === 'BoundExplainQuery') return { kind: 'text', text: explainPhysicalPlan(decodePhysicalPlan(target.query.plan)) };
        const [query, sink, id] =
          target.kind === 'BoundQueryStatement'
            ? [target.query, null, `transient_${target.query.source.name}`]
            : target.kind === 'BoundInsertSelect'
              ? [target.query, target.target, target.queryId ?? 'INSERTQUERY']
              : [target.query, target.sink, `CSAS_${target.sink.name}`];
        const planned = planQuery(query, sink, id);
        return { kind: 'text', text: explainPlans(planned.logical, planned.physical) };
      }
      case 'BoundSetProperty':
        if (bound.value === null) ctx.properties.unset(bound.name);
        else ctx.properties.set(bound.name, bound.value);
        return { kind: 'message', text: bound.value === null ? `Property '${bound.name}' unset.` : `Property '${bound.name}' set to '${bound.value}'.` };
      default:
        return executeCommand(ctx, this.queries, bound, statement, this);
    }
  }

  /** The raw records of a topic, partition by partition (what PRINT shows; tests read sinks with it). */
  topicRecords(topic: string): SourceRecord[] {
    const description = this.ctx.log.describeTopic(topic);
    if (description === undefined) throw new EngineError('UNKNOWN_TOPIC', `Topic '${topic}' does not exist.`);
    const reader = this.ctx.log.reader(topic, 'earliest');
    const out: SourceRecord[] = [];
    for (;;) {
      const batch = reader.readAvailable(10_000);
      if (batch.length === 0) return out;
      out.push(...batch);
    }
  }

  /** The catalog as committed now. */
  catalog(): Catalog {
    return this.ctx.catalog();
  }

  /** Waits until the persistent queries this process runs have consumed all input present now. */
  async drain(signal?: AbortSignal): Promise<void> {
    await this.queries.drain(signal);
  }

  /** Stops this process's persistent queries (they resume wherever the data directory is opened next). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queries.close();
    this.ctx.db.close();
  }

  private analysisContext(): AnalysisContext {
    const topics = new Map<string, TopicInfo>(this.ctx.log.listTopics().map((t) => [t.name, t]));
    return { catalog: this.ctx.catalog(), topics };
  }
}
