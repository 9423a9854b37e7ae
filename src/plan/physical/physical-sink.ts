// PhysicalSink: encodes changes and appends them to the sink stream's topic.

import type { FormatSpec, Schema, WindowKind } from '../../common/index.js';
import type { PhysicalNode } from './physical-node.js';

export interface PhysicalSink {
  readonly kind: 'PhysicalSink';
  readonly input: PhysicalNode;
  readonly sinkName: string;
  readonly topic: string;
  readonly formats: FormatSpec;
  readonly schema: Schema;
  /** A windowed table's sink: keys carry their window (Kafka Streams' windowed key layout). */
  readonly window?: WindowKind;
}
