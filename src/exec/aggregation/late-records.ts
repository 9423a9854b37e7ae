// LateRecords: a record that arrives after its window closed is dropped, counted (persisted) and logged with the reason.

import type { Change } from '../../common/index.js';
import type { OperatorContext } from '../operator.js';

export const LATE_RECORDS_METRIC = 'late-records';

export class LateRecords {
  private count = 0;

  constructor(
    private readonly ctx: OperatorContext,
    private readonly topic: string,
    private readonly partitionColumn: number,
    private readonly offsetColumn: number,
  ) {}

  drop(change: Change, reason: string): void {
    this.count++;
    this.ctx.counters.late++;
    const partition = Number(change.row[this.partitionColumn] ?? -1);
    const offset = Number(change.row[this.offsetColumn] ?? -1);
    this.ctx.processingLog.log({
      queryId: this.ctx.queryId,
      topic: this.topic,
      partition,
      offset,
      message: `late record dropped: ${reason}`,
      record: null,
    });
  }

  /** Adds this batch's drops to the query's persisted count (in the batch's transaction). */
  save(): void {
    if (this.count === 0) return;
    const metrics = this.ctx.state.keyValue('metrics');
    metrics.put(LATE_RECORDS_METRIC, Number(metrics.get(LATE_RECORDS_METRIC) ?? 0) + this.count);
    this.count = 0;
  }
}
