// LogicalSink: writes a persistent query's changes to its sink stream's topic.

import type { SourceDefinition } from '../../catalog/index.js';
import type { Schema } from '../../common/index.js';
import type { LogicalNode } from './logical-node.js';

export interface LogicalSink {
  readonly kind: 'LogicalSink';
  readonly input: LogicalNode;
  readonly sink: SourceDefinition;
  readonly schema: Schema;
}
