// Engine: the one module that sees every stage — parse, analyze, plan, run — over a data directory.

import { randomUUID } from 'node:crypto';
import { analyze, type AnalysisContext, type BoundStatement, type TopicInfo } from '../analyze/index.js';
import type { Catalog } from '../catalog/index.js';
import { assertNever, EngineError, systemClock, type Clock } from '../common/index.js';
import type { SourceRecord } from '../exec/index.js';
import { listFunctions } from '../functions/index.js';
import { EmbeddedLog, formatCodecs, KafkaTopics, LOG_MIGRATIONS, type LosslessJson, type Topics } from '../io/index.js';
import { explainPhysicalPlan, explainPlans, decodePhysicalPlan } from '../plan/index.js';
import { parse, type ParsedStatement } from '../sql/index.js';
import {
  AppliedFilesStore,
  CatalogStore,
  dumpMaterializedTable,
  OffsetStore,
  openDataDirectory,
  ProcessingLogStore,
  QueryLeases,
  WalCheckpointer,
  type AppliedFile,
} from '../state/index.js';
import { executeCreateAsSelect } from './create-as-select.js';
import { executeCreateSource } from './create-source.js';
import { executeDescribe } from './describe.js';
import { executeDropSource } from './drop-source.js';
import { executeCommand } from './execute-command.js';
import type { EngineContext, EngineLogger } from './engine-context.js';
import { DryRunTopics } from './dry-run-topics.js';
import { EmbeddedTopics } from './embedded-topics.js';
import { executeInsertValues } from './insert-values.js';
import { LEASE_TTL_MS, PersistentQueries } from './persistent-queries.js';
import { planQuery } from './plan-query.js';
import { SessionProperties } from './session-properties.js';
import { executeShow } from './show.js';
import type { StatementResult } from './statement-result.js';
import { executeTerminate } from './terminate.js';
import { transientQuery } from './transient-query.js';
import { executeReplaceQuery } from './replace-query.js';
import { planApply, type ApplyAction, type Definition } from './apply-plan.js';
import {
  appendTestInputs,
  decodeTestKey,
  readTestRecords,
  testAssertion,
  topicShape,
  type TestAssertion,
  type TestInput,
  type TestRecord,
  type TopicShape,
} from './test-records.js';
import { resolveVariables } from './variables.js';
import { LogRetention } from './log-retention.js';
import { ReplicatedCatalogStore } from './replicated-catalog-store.js';
import { queryStatus, queryStatuses, statusLines, type QueryStatus } from './query-status.js';
import { KafkaProcessingLog, kafkaProcessingLogTopic } from './kafka-processing-log.js';
import { ensureProcessingLogTopic, PROCESSING_LOG_TOPIC, processingLogRecord, withProcessingLog } from './processing-log-stream.js';

export interface EngineOptions {
  /** The data directory (`--data-dir`), or `:memory:` for a private in-memory one. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly properties?: Readonly<Record<string, string>>;
  /** Run persistent queries in this process (false for `eddy explain` / `eddy check`). */
  readonly runQueries?: boolean;
  readonly logger?: EngineLogger;
  /** Kafka bootstrap servers (`--brokers`): topics live on that cluster instead of the embedded log. */
  readonly brokers?: readonly string[];
  /** Names this deployment's consumer groups and transactional ids on Kafka (`--service-id`, default `eddy`). */
  readonly serviceId?: string;
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
  /** On Kafka: the catalog as a cache of the service id's command topic. */
  private readonly replica: ReplicatedCatalogStore | null;

  /** Running engines on the embedded log delete its expired records (RETENTION_MS). */
  private readonly retention: LogRetention | null;
  private readonly checkpointer: WalCheckpointer | null;

  private constructor(
    ctx: EngineContext,
    runQueries: boolean,
    private readonly kafkaLog: KafkaProcessingLog | null,
    embeddedLog: EmbeddedLog | null,
  ) {
    this.ctx = ctx;
    this.retention = runQueries && embeddedLog !== null ? new LogRetention(embeddedLog, ctx.clock, ctx.logger) : null;
    this.replica = ctx.catalogStore instanceof ReplicatedCatalogStore ? ctx.catalogStore : null;
    const replica = this.replica;
    this.queries = new PersistentQueries(ctx, replica === null ? undefined : () => replica.catchUp());
    // Where queries run, their commits leave WAL checkpoints to a worker thread.
    this.checkpointer = runQueries ? WalCheckpointer.start(ctx.db) : null;
    if (runQueries) this.queries.startBackground();
  }

  static open(options: EngineOptions): Engine {
    const db = openDataDirectory(options.dataDir, { log: LOG_MIGRATIONS });
    const processingLogStore = new ProcessingLogStore(db);
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? stderrLogger;
    const offsets = new OffsetStore(db);
    const leases = new QueryLeases(db, randomUUID(), LEASE_TTL_MS);
    const brokers = options.brokers ?? [];
    const serviceId = options.serviceId ?? 'eddy';
    const kafka = brokers.length > 0 ? new KafkaTopics({ brokers, serviceId }) : null;
    let embeddedLog: EmbeddedLog | null = null;
    let real: Topics;
    if (kafka !== null) {
      real = kafka;
    } else {
      embeddedLog = new EmbeddedLog(db);
      real = new EmbeddedTopics(db, embeddedLog, offsets, leases, clock);
    }
    // On Kafka the catalog is the service id's command topic, followed into local SQLite.
    const catalogStore =
      kafka === null ? new CatalogStore(db) : new ReplicatedCatalogStore(db, kafka.commandLog(options.runQueries === false), (e) => logger.warn(`cannot read the catalog's command topic: ${e.message}`));
    // The processing log is a stream on the embedded log, written in the skipping batch's transaction.
    if (embeddedLog !== null && embeddedLog.describeTopic(PROCESSING_LOG_TOPIC) === undefined) {
      db.transaction(() => ensureProcessingLogTopic(embeddedLog, clock.now())).immediate();
    }
    // Without queries (check, explain) definitions apply to an in-memory catalog: existing topics are read, none written.
    const topics = options.runQueries === false && brokers.length > 0 ? new DryRunTopics(real) : real;
    // On Kafka the processing log is a topic of the service id, appended to as records are skipped.
    const kafkaLog = kafka === null ? null : new KafkaProcessingLog(topics, kafkaProcessingLogTopic(serviceId), (m) => logger.warn(m));
    const ctx: EngineContext = {
      db,
      topics,
      catalogStore,
      offsets,
      leases,
      processingLogStore,
      processingLogger: {
        log: (entry) => {
          processingLogStore.append(entry, clock.now());
          embeddedLog?.append([processingLogRecord(entry, clock.now())]);
          kafkaLog?.append(processingLogRecord(entry, clock.now(), kafkaLog.topic));
          logger.warn(`skipped record ${entry.topic}/${entry.partition}@${entry.offset} in ${entry.queryId}: ${entry.message}`);
        },
      },
      processingLogTopic: kafkaLog?.topic ?? PROCESSING_LOG_TOPIC,
      flushProcessingLog: () => kafkaLog?.flush() ?? Promise.resolve(),
      codecs: formatCodecs,
      clock,
      properties: new SessionProperties(options.properties),
      variables: new Map(),
      logger,
      catalog: () => catalogStore.load(),
    };
    return new Engine(ctx, options.runQueries ?? true, kafkaLog, embeddedLog);
  }

  /** Parses a script into statements (throws a located EngineError on a syntax error). */
  parse(text: string): ParsedStatement[] {
    return parse(text);
  }

  /** Analyzes without running (what `eddy check` does); throws a located EngineError. */
  async check(parsed: ParsedStatement): Promise<BoundStatement> {
    const statement = resolveVariables(parsed, this.ctx.variables);
    const bound = analyze(statement, await this.analysisContext());
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
    try {
      return await this.executeHere(parsed);
    } finally {
      await this.publishCatalog();
    }
  }

  /** On Kafka: appends this process's catalog changes to the command topic (dry runs keep them local). */
  private async publishCatalog(): Promise<void> {
    if (this.replica !== null && !(this.ctx.topics instanceof DryRunTopics)) await this.replica.publish();
  }

  private async executeHere(parsed: ParsedStatement): Promise<StatementResult> {
    const statement = resolveVariables(parsed, this.ctx.variables);
    // DESCRIBE STREAMS lists the user's streams, as SHOW STREAMS does; the built-in processing log is described by name.
    const context = await this.analysisContext(statement.statement.kind !== 'DescribeSources');
    const bound = analyze(statement, context);
    const ctx = this.ctx;
    switch (bound.kind) {
      case 'BoundCreateSource':
        return executeCreateSource(ctx, this.queries, bound);
      case 'BoundCreateAsSelect':
        if (bound.orReplace && bound.exists) return executeReplaceQuery(ctx, this.queries, bound);
        return executeCreateAsSelect(ctx, this.queries, bound);
      case 'BoundInsertValues':
        return executeInsertValues(ctx, bound);
      case 'BoundQueryStatement': {
        const id = `transient_${bound.query.source.name}_${++this.transientCount}`;
        const { physical } = planQuery(bound.query, null, id);
        return { kind: 'query', query: transientQuery(ctx, physical, bound.query.outputSchema.columns, context.catalog) };
      }
      case 'BoundShow':
        return executeShow(ctx, this.queries, bound);
      case 'BoundDescribe':
        return executeDescribe(ctx, this.queries, bound);
      case 'BoundDropSource':
        return executeDropSource(ctx, this.queries, bound);
      case 'BoundTerminate':
        return executeTerminate(ctx, this.queries, bound);
      case 'BoundExplain': {
        const target = bound.target;
        if (target.kind === 'BoundExplainQuery') {
          const metrics = statusLines(await queryStatus(ctx, target.query));
          return { kind: 'text', text: `${explainPhysicalPlan(decodePhysicalPlan(target.query.plan))}\n${metrics.join('\n')}` };
        }
        const [query, sink, id] =
          target.kind === 'BoundQueryStatement'
            ? [target.query, null, `transient_${target.query.source.name}`]
            : target.kind === 'BoundInsertSelect'
              ? [target.query, target.target, target.queryId ?? 'INSERTQUERY']
              : [target.query, target.sink, `${target.sink.kind === 'TABLE' ? 'CTAS' : 'CSAS'}_${target.sink.name}`];
        const planned = planQuery(query, sink, id);
        return { kind: 'text', text: explainPlans(planned.logical, planned.physical) };
      }
      case 'BoundSetProperty':
        if (bound.value === null) ctx.properties.unset(bound.name);
        else ctx.properties.set(bound.name, bound.value);
        return { kind: 'message', text: bound.value === null ? `Property '${bound.name}' unset.` : `Property '${bound.name}' set to '${bound.value}'.` };
      case 'BoundAssertValues':
      case 'BoundAssertSource':
        throw new EngineError('INVALID_STATEMENT', 'ASSERT statements are checked by `eddy test`; they cannot run here.', statement.span);
      default:
        return executeCommand(ctx, this.queries, bound, statement, this);
    }
  }

  /** The raw records of a topic, partition by partition (what PRINT shows; tests read sinks with it). */
  async topicRecords(topic: string): Promise<SourceRecord[]> {
    const description = await this.ctx.topics.describeTopic(topic);
    if (description === undefined) throw new EngineError('UNKNOWN_TOPIC', `Topic '${topic}' does not exist.`);
    return this.ctx.topics.readAll(topic);
  }

  // ---------------------------------------------------------------- for the test runner (src/testing)

  /** What an ASSERT statement expects (a record of its sink, or a source's shape). */
  async testAssertion(statement: ParsedStatement): Promise<TestAssertion> {
    const bound = analyze(statement, await this.analysisContext());
    if (bound.kind !== 'BoundAssertValues' && bound.kind !== 'BoundAssertSource') {
      throw new EngineError('INVALID_STATEMENT', 'Not an ASSERT statement.', statement.span);
    }
    return testAssertion(this.ctx, bound);
  }

  /** Writes test input records (JSON keys and values) to their topics, in order. */
  async appendTestInputs(inputs: readonly TestInput[]): Promise<void> {
    await appendTestInputs(this.ctx, inputs);
  }

  /** A topic's records as test JSON, from `from` (partition → next offset) on. */
  readTestRecords(topic: string, from: ReadonlyMap<number, number> = new Map()): Promise<TestRecord[]> {
    return readTestRecords(this.ctx, topic, from);
  }

  /** Key bytes (say, the inner key of a windowed key) as test JSON, in the topic's key format. */
  decodeTestKey(topic: string, bytes: Uint8Array | null): LosslessJson {
    return decodeTestKey(this.ctx, topic, bytes);
  }

  /** The SQL types of a topic's key and value (for comparing numbers as DOUBLE, DECIMAL or integers). */
  topicShape(topic: string): Promise<TopicShape> {
    return topicShape(this.ctx, topic);
  }

  // ---------------------------------------------------------------- for `eddy apply`

  /** What applying these definitions would do (create / replace / unchanged / drop / keep). */
  async planApply(definitions: readonly Definition[], options: { prune: boolean }): Promise<ApplyAction[]> {
    const context = await this.analysisContext();
    return planApply(this.ctx.catalog(), definitions, options.prune, (s) => analyze(s, context));
  }

  /** Carries out one planned action; returns what it did (null for unchanged and kept sources). */
  async applyAction(action: ApplyAction): Promise<string | null> {
    switch (action.kind) {
      case 'unchanged':
      case 'keep':
        return null;
      case 'create':
      case 'set':
        return this.resultText(await this.execute(action.definition.statement));
      case 'replace': {
        if (action.refused !== null) throw new EngineError('INVALID_STATEMENT', `Cannot replace ${action.name}: ${action.refused}.`, action.definition.statement.span);
        const parsed = action.definition.statement;
        const stmt = parsed.statement;
        if (stmt.kind !== 'CreateSource' && stmt.kind !== 'CreateAsSelect') return null;
        return this.resultText(await this.execute({ ...parsed, statement: { ...stmt, orReplace: true, ifNotExists: false } }));
      }
      case 'drop': {
        const catalog = this.ctx.catalog();
        const source = catalog.sources.get(action.name);
        if (source === undefined) return null;
        const query = action.queryId === null ? undefined : catalog.queries.get(action.queryId);
        const texts: string[] = [];
        if (query !== undefined) texts.push(this.resultText(await executeTerminate(this.ctx, this.queries, { kind: 'BoundTerminate', queries: [query] })));
        texts.push(this.resultText(await executeDropSource(this.ctx, this.queries, { kind: 'BoundDropSource', source, deleteTopic: false })));
        await this.publishCatalog();
        return texts.join(' ');
      }
      default:
        return assertNever(action, 'apply action');
    }
  }

  /** Records a definition file as applied (unless recorded with the same hash); returns whether it wrote. */
  recordAppliedFile(file: AppliedFile): boolean {
    return new AppliedFilesStore(this.ctx.db).record(file);
  }

  appliedFiles(): AppliedFile[] {
    return new AppliedFilesStore(this.ctx.db).list();
  }

  private resultText(result: StatementResult): string {
    return result.kind === 'message' || result.kind === 'text' ? result.text : '';
  }

  /**
   * A table's SQLite table as any SQLite client sees it: column names and rows in primary-key order
   * (integers as bigint, DECIMAL as text); null when the table has none.
   */
  materializedTable(name: string): { columns: string[]; rows: unknown[][] } | null {
    return dumpMaterializedTable(this.ctx.db, name);
  }

  /** Every persistent query's committed metrics, input lag and state size (what `eddy status` shows). */
  status(): Promise<QueryStatus[]> {
    return queryStatuses(this.ctx);
  }

  /** The catalog as committed now. */
  catalog(): Catalog {
    return this.ctx.catalog();
  }

  /** The names of the built-in functions (for tab completion). */
  functionNames(): string[] {
    return listFunctions().map((f) => f.name);
  }

  /** Waits until the persistent queries this process runs have consumed all input present now. */
  async drain(signal?: AbortSignal): Promise<void> {
    await this.queries.drain(signal);
    await this.ctx.flushProcessingLog();
  }

  /** Stops this process's persistent queries (they resume wherever the data directory is opened next). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.retention?.stop();
    await this.queries.close();
    await this.kafkaLog?.settle();
    await this.replica?.close();
    await this.ctx.topics.close();
    await this.checkpointer?.stop();
    this.ctx.db.close();
  }

  private async analysisContext(builtIns = true): Promise<AnalysisContext> {
    await this.replica?.catchUp();
    const topics = new Map<string, TopicInfo>((await this.ctx.topics.listTopics()).map((t) => [t.name, t]));
    if (builtIns) await this.ctx.flushProcessingLog();
    const catalog = builtIns ? withProcessingLog(this.ctx.catalog(), this.ctx.processingLogTopic) : this.ctx.catalog();
    return { catalog, topics };
  }
}
