// buildPipeline: instantiates operators for a physical plan and wires them output-to-input.

import { assertNever } from '../common/index.js';
import type { PhysicalNode, PhysicalPlan } from '../plan/index.js';
import type { Emit, OperatorContext } from './operator.js';
import { AggregateOperator } from './operators/aggregate.js';
import { ChangelogOperator } from './operators/changelog.js';
import { FilterOperator } from './operators/filter.js';
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
  /** The topics the plan reads, one reader each. */
  readonly topics: readonly string[];
  /** Pushes one batch read from `topic` through the operators. */
  process(topic: string, records: readonly SourceRecord[]): void;
  /** Records for the sink topic produced since the last call (persistent queries only). */
  drainSinkRecords(): SinkRecord[];
  /** Pull queries on tables: reads the tables' current rows through the operators; `stopped` ends it early. */
  runScans(stopped: () => boolean): void;
}

export interface PipelineOptions {
  readonly codecs: CodecFactory;
  readonly ctx: OperatorContext;
  /** Where a transient query's result changes go (a persistent query's go to its sink). */
  readonly output?: Emit;
}

export function buildPipeline(plan: PhysicalPlan, options: PipelineOptions): Pipeline {
  const { codecs, ctx } = options;
  const sources = new Map<string, { op: SourceOperator; emit: Emit }>();
  const sinks: SinkOperator[] = [];
  const scans: { op: TableScanOperator; emit: Emit }[] = [];
  const discard: Emit = () => undefined;

  /** Builds `node` and returns the function that feeds changes into it. */
  const wire = (node: PhysicalNode, downstream: Emit, tombstones = false): void => {
    switch (node.kind) {
      case 'PhysicalSource':
        sources.set(node.topic, { op: new SourceOperator(node, codecs, { tombstones }), emit: downstream });
        return;
      case 'PhysicalTableScan':
        scans.push({ op: new TableScanOperator(node), emit: downstream });
        return;
      case 'PhysicalChangelog': {
        const op = new ChangelogOperator(node);
        wire(node.input, (batch) => op.onChanges(batch, ctx, downstream), true);
        return;
      }
      case 'PhysicalAggregate': {
        const op =
          node.window === null ? new AggregateOperator(node) : node.window.kind === 'SESSION' ? new SessionAggregateOperator(node) : new WindowAggregateOperator(node);
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
    topics: [...sources.keys()],
    process(topic, records) {
      const source = sources.get(topic);
      if (source === undefined) throw new Error(`query ${plan.queryId} does not read topic ${topic}`);
      source.op.onRecords(records, ctx, source.emit);
    },
    drainSinkRecords() {
      return sinks.flatMap((s) => s.drain());
    },
    runScans(stopped) {
      for (const scan of scans) if (!stopped()) scan.op.run(ctx, scan.emit, stopped);
    },
  };
}
