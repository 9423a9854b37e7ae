// buildPipeline: instantiates operators for a physical plan and wires them output-to-input.

import { assertNever, type Change } from '../common/index.js';
import type { PhysicalJoin, PhysicalNode, PhysicalPlan } from '../plan/index.js';
import type { Emit, Operator, OperatorContext } from './operator.js';
import { ForeignKeyJoinOperator } from './join/foreign-key-join.js';
import { StreamStreamJoinOperator } from './join/stream-stream-join.js';
import { StreamTableJoinOperator } from './join/stream-table-join.js';
import { TableTableJoinOperator } from './join/table-table-join.js';
import { AggregateOperator } from './operators/aggregate.js';
import { ChangelogOperator } from './operators/changelog.js';
import { FilterOperator } from './operators/filter.js';
import { FlatMapOperator } from './operators/flat-map.js';
import { MaterializeOperator } from './operators/materialize.js';
import { SessionAggregateOperator } from './operators/session-aggregate.js';
import { TableScanOperator } from './operators/table-scan.js';
import { WindowAggregateOperator } from './operators/window-aggregate.js';
import { ProjectOperator } from './operators/project.js';
import { SinkOperator } from './operators/sink.js';
import { SourceOperator } from './operators/source.js';
import type { SinkRecord, SourceRecord } from './ports/records.js';
import type { CodecFactory } from './ports/row-codec.js';

export interface Pipeline {
  readonly plan: PhysicalPlan;
  /** The topics the plan reads, one reader each; tables' first, so a join's table side loads before its stream is read. */
  readonly topics: readonly string[];
  /** The topics read as tables (a join's table side): a runner loads them up to their end before reading the streams. */
  readonly tableTopics: readonly string[];
  /** Pushes one batch read from `topic` through the operators. */
  process(topic: string, records: readonly SourceRecord[]): void;
  /** Records for the sink topic produced since the last call (persistent queries only). */
  drainSinkRecords(): SinkRecord[];
  /** Pull queries on tables: reads the tables' current rows through the operators; `stopped` ends it early. */
  runScans(stopped: () => boolean): void;
  /** The last batch's commit failed (its state writes rolled back): operators drop what they cached of it. */
  rollback(): void;
}

export interface PipelineOptions {
  readonly codecs: CodecFactory;
  readonly ctx: OperatorContext;
  /** Where a transient query's result changes go (a persistent query's go to its sink). */
  readonly output?: Emit;
}

interface JoinOperator {
  onLeft(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void;
  onRight(batch: readonly Change[], ctx: OperatorContext, emit: Emit): void;
  onRollback?(): void;
}

function joinOperator(node: PhysicalJoin): JoinOperator {
  switch (node.flavor) {
    case 'STREAM_STREAM':
      return new StreamStreamJoinOperator(node);
    case 'STREAM_TABLE':
      return new StreamTableJoinOperator(node);
    case 'TABLE_TABLE':
      return new TableTableJoinOperator(node);
    case 'TABLE_TABLE_FK':
      return new ForeignKeyJoinOperator(node);
    default:
      return assertNever(node.flavor, 'join flavor');
  }
}

export function buildPipeline(plan: PhysicalPlan, options: PipelineOptions): Pipeline {
  const { codecs, ctx } = options;
  const sources = new Map<string, { op: SourceOperator; emit: Emit }>();
  const sinks: SinkOperator[] = [];
  const scans: { op: TableScanOperator; emit: Emit }[] = [];
  const caching: { onRollback?(): void }[] = [];
  const tableTopics: string[] = [];
  const discard: Emit = () => undefined;

  /** Builds `node` and returns the function that feeds changes into it. */
  const wire = (node: PhysicalNode, downstream: Emit, tombstones = false): void => {
    switch (node.kind) {
      case 'PhysicalSource':
        sources.set(node.topic, { op: new SourceOperator(node, codecs, { tombstones }), emit: downstream });
        if (tombstones) tableTopics.push(node.topic);
        return;
      case 'PhysicalTableScan':
        scans.push({ op: new TableScanOperator(node), emit: downstream });
        return;
      case 'PhysicalChangelog': {
        const op = new ChangelogOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream), true);
        return;
      }
      case 'PhysicalJoin': {
        const op = joinOperator(node);
        if (op.onRollback !== undefined) caching.push(op);
        wire(node.left, (batch) => op.onLeft(batch, ctx, downstream));
        wire(node.right, (batch) => op.onRight(batch, ctx, downstream));
        return;
      }
      case 'PhysicalAggregate': {
        const op: Operator =
          node.window === null ? new AggregateOperator(node) : node.window.kind === 'SESSION' ? new SessionAggregateOperator(node) : new WindowAggregateOperator(node);
        if (op.onRollback !== undefined) caching.push(op);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream));
        return;
      }
      case 'PhysicalMaterialize': {
        const op = new MaterializeOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream));
        return;
      }
      case 'PhysicalFilter': {
        const op = new FilterOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream));
        return;
      }
      case 'PhysicalFlatMap': {
        const op = new FlatMapOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream));
        return;
      }
      case 'PhysicalProject': {
        const op = new ProjectOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream));
        return;
      }
      case 'PhysicalSink': {
        const op = new SinkOperator(node, codecs);
        sinks.push(op);
        wire(node.input, (batch) => op.onChanges(batch, ctx, discard));
        return;
      }
      default:
        assertNever(node, 'physical node');
    }
  };
  wire(plan.root, options.output ?? discard);

  return {
    plan,
    topics: [...tableTopics, ...[...sources.keys()].filter((t) => !tableTopics.includes(t))],
    tableTopics: [...tableTopics],
    process(topic, records) {
      const source = sources.get(topic);
      if (source === undefined) throw new Error(`query ${plan.queryId} does not read topic ${topic}`);
      source.op.onRecords(records, ctx, source.emit);
    },
    drainSinkRecords() {
      return sinks.length === 1 ? (sinks[0] as SinkOperator).drain() : sinks.flatMap((s) => s.drain());
    },
    runScans(stopped) {
      for (const scan of scans) if (!stopped()) scan.op.run(ctx, scan.emit, stopped);
    },
    rollback() {
      for (const op of caching) op.onRollback?.();
    },
  };
}
