// SinkOperator: encodes changes into records for the sink stream's topic.

import type { Change } from '../../common/index.js';
import type { PhysicalSink } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { SinkRecord } from '../ports/records.js';
import type { CodecFactory, RowEncoder } from '../ports/row-codec.js';

export class SinkOperator implements Operator {
  readonly name = 'sink';
  private readonly encoder: RowEncoder;
  private readonly topic: string;
  /** Records encoded since the last `drain()`: the runner commits them with the batch. */
  private pending: SinkRecord[] = [];

  constructor(node: PhysicalSink, codecs: CodecFactory) {
    this.topic = node.topic;
    this.encoder = codecs.encoder(node.schema, node.formats);
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, _emit: Emit): void {
    for (const change of batch) {
      const encoded = this.encoder.encode(change.row, change.op === 'delete');
      this.pending.push({ topic: this.topic, timestamp: change.timestamp, key: encoded.key, value: encoded.value });
    }
    ctx.counters.recordsOut += batch.length;
  }

  drain(): SinkRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
