// runKsqlTest: one ksql-test-runner case — statements, then input records in file order, then outputs compared per topic.

import { manualClock } from '../common/index.js';
import { Engine, type TestInput, type TopicShape } from '../engine/index.js';
import { renderTestError } from './render-test-error.js';
import { SinkRecorder } from './sink-recorder.js';
import type { FileRecord } from './test-file-records.js';
import type { TestResult } from './test-result.js';
import { actualRecord, compareOutputs, renderComparisons } from './topic-diff.js';

export interface KsqlTestCase {
  readonly name: string;
  /** The statements file's name, for error locations. */
  readonly statementsFile: string;
  readonly statements: string;
  readonly inputs: readonly FileRecord[];
  /** null: nothing to compare (a run that only produces --write-actual output). */
  readonly outputs: readonly FileRecord[] | null;
}

export interface KsqlTestResult extends TestResult {
  /** What the sink topics received, in the test-file record shape (for --write-actual). */
  readonly actual: readonly FileRecord[];
}

/**
 * Runs the case on a fresh in-memory engine with a manual clock at 0 (so INSERT … VALUES without
 * ROWTIME stamps 0). Input records are fed in file order: consecutive records for the same
 * single-partition topic go in one batch, anything else one record at a time, and the engine drains
 * after each batch, so every query sees its input in file order and every change is emitted.
 */
export async function runKsqlTest(c: KsqlTestCase): Promise<KsqlTestResult> {
  const started = performance.now();
  const done = (status: TestResult['status'], report: string, actual: readonly FileRecord[] = []): KsqlTestResult => ({
    name: c.name,
    status,
    durationMs: performance.now() - started,
    report,
    actual,
  });
  const warnings: string[] = [];
  const engine = Engine.open({ dataDir: ':memory:', clock: manualClock(0), logger: { info: () => undefined, warn: (m) => warnings.push(m) } });
  try {
    let statements;
    try {
      statements = engine.parse(c.statements);
    } catch (e) {
      return done('error', renderTestError(e, c.statements, c.statementsFile));
    }
    const recorder = new SinkRecorder(engine);
    for (const r of c.outputs ?? []) recorder.watch(r.topic);
    for (const statement of statements) {
      try {
        const result = await engine.execute(statement);
        if (result.kind === 'query') await result.query.run(() => undefined, { untilCaughtUp: true });
      } catch (e) {
        return done('error', renderTestError(e, c.statements, c.statementsFile, statement.span));
      }
      // Each INSERT … VALUES is processed before the next, so outputs keep the statements' order.
      if (statement.statement.kind === 'InsertValues') {
        await engine.drain();
        recorder.watchSinks();
        await recorder.collect();
      }
    }
    recorder.watchSinks();
    await engine.drain();
    await recorder.collect();
    try {
      for (const batch of await inputBatches(engine, c.inputs)) {
        await engine.appendTestInputs(batch);
        await engine.drain();
        await recorder.collect();
      }
    } catch (e) {
      return done('error', renderTestError(e, c.statements, c.statementsFile));
    }
    const actual = recorder.watched().flatMap((t) => recorder.records(t).map(actualRecord));
    if (c.outputs === null) return done('passed', '', actual);
    const shapes = new Map<string, TopicShape>();
    for (const topic of new Set(c.outputs.map((o) => o.topic))) shapes.set(topic, await engine.topicShape(topic));
    const comparisons = compareOutputs(
      c.outputs,
      (topic) => recorder.records(topic),
      (topic) => ({ shape: shapes.get(topic) ?? NO_SHAPE, decodeKey: (b) => engine.decodeTestKey(topic, b), noInputs: c.inputs.length === 0 }),
    );
    if (comparisons.every((x) => x.ok)) return done('passed', '', actual);
    const extra = warnings.length === 0 ? '' : `\nwarnings while running:\n${warnings.map((w) => `  ${w}`).join('\n')}`;
    return done('failed', renderComparisons(comparisons) + extra, actual);
  } finally {
    await engine.close();
  }
}

/** Splits inputs into batches that keep file order: runs of one single-partition topic, else single records. */
/** A topic that does not exist: no types known, no partitions. */
const NO_SHAPE: TopicShape = { keyType: null, valueType: null, partitions: null };

async function inputBatches(engine: Engine, inputs: readonly FileRecord[]): Promise<TestInput[][]> {
  const partitions = new Map<string, number | null>();
  for (const topic of new Set(inputs.map((r) => r.topic))) partitions.set(topic, (await engine.topicShape(topic)).partitions);
  const batches: TestInput[][] = [];
  let current: TestInput[] = [];
  let batchTopic: string | null = null;
  for (const r of inputs) {
    const input: TestInput = {
      topic: r.topic,
      key: r.key,
      value: r.value,
      timestamp: r.timestamp ?? 0,
      ...(r.headers === null ? {} : { headers: r.headers }),
      ...(r.window === null ? {} : { window: { start: r.window.start, end: r.window.end } }),
    };
    const single = partitions.get(r.topic) === 1;
    if (current.length > 0 && (!single || r.topic !== batchTopic)) {
      batches.push(current);
      current = [];
    }
    current.push(input);
    batchTopic = single ? r.topic : null;
    if (!single) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
