// SinkOperator: encodes changes into records for the sink's topic (tombstones for deletes, windowed keys for windowed tables).

import type { Change } from '../../common/index.js';
import type { PhysicalSink } from '../../plan/index.js';
import type { Emit, Operator, OperatorContext } from '../operator.js';
import type { SinkRecord } from '../ports/records.js';
import type { CodecFactory, RowEncoder } from '../ports/row-codec.js';
import { encodeWindowedKey } from '../windowed-key.js';

export class SinkOperator implements Operator {
  readonly name = 'sink';
  private readonly encoder: RowEncoder;
  private readonly topic: string;
  private readonly window: PhysicalSink['window'];
  /** Records encoded since the last `drain()`: the runner commits them with the batch. */
  private pending: SinkRecord[] = [];

  constructor(node: PhysicalSink, codecs: CodecFactory) {
    this.topic = node.topic;
    this.window = node.window;
    this.encoder = codecs.encoder(node.schema, node.formats);
  }

  onChanges(batch: readonly Change[], ctx: OperatorContext, _emit: Emit): void {
    for (const change of batch) {
      const encoded = this.encoder.encode(change.row, change.op === 'delete');
      const key = this.window !== undefined && change.window !== undefined ? encodeWindowedKey(encoded.key, change.window, this.window) : encoded.key;
      this.pending.push({ topic: this.topic, timestamp: change.timestamp, key, value: encoded.value });
    }
    ctx.counters.recordsOut += batch.length;
  }

  drain(): SinkRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
