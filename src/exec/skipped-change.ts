// skipChange: a change an operator cannot use (a NULL group key, say) is counted and written to the processing log.

import type { Change } from '../common/index.js';
import type { OperatorContext } from './operator.js';

/** Where a change's record came from: its topic and the row positions of ROWPARTITION and ROWOFFSET. */
export interface ChangeOrigin {
  readonly topic: string;
  readonly partitionColumn: number;
  readonly offsetColumn: number;
}

export function skipChange(ctx: OperatorContext, origin: ChangeOrigin, change: Change, message: string): void {
  ctx.counters.errors++;
  ctx.processingLog.log({
    queryId: ctx.queryId,
    topic: origin.topic,
    partition: Number(change.row[origin.partitionColumn] ?? -1),
    offset: Number(change.row[origin.offsetColumn] ?? -1),
    message,
    record: null,
  });
}
