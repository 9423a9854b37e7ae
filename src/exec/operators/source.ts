// SourceOperator: decodes a topic's records into changes (key, value and pseudo columns, event time).

import type { Change, Value } from '../../common/index.js';
import type { PhysicalSource } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { SourceRecord } from '../ports/records.js';
import type { CodecFactory, RowDecoder } from '../ports/row-codec.js';

const MAX_LOGGED_RECORD = 1000;

export class SourceOperator {
  readonly name = 'source';
  readonly topic: string;
  private readonly decoder: RowDecoder;
  private readonly width: number;
  private readonly timestampColumn: number | null;

  constructor(node: PhysicalSource, codecs: CodecFactory) {
    this.topic = node.topic;
    const stored = { columns: node.schema.columns.filter((c) => c.namespace !== 'pseudo') };
    this.width = stored.columns.length;
    this.decoder = codecs.decoder(stored, node.formats, node.readColumns?.filter((i) => i < this.width) ?? null);
    this.timestampColumn = node.timestampColumn;
  }

  /** Decodes the batch; a record that cannot be read is skipped, counted and logged. */
  onRecords(records: readonly SourceRecord[], ctx: OperatorContext, emit: Emit): void {
    const out: Change[] = [];
    for (const record of records) {
      ctx.counters.recordsIn++;
      const row: Value[] = new Array<Value>(this.width + 3);
      const error = this.decoder.decode(record, row);
      if (error !== null) {
        this.skip(record, error, ctx);
        continue;
      }
      let timestamp = record.timestamp;
      if (this.timestampColumn !== null) {
        const t = row[this.timestampColumn];
        if (t === null || t === undefined) {
          this.skip(record, `the event-time column is NULL`, ctx);
          continue;
        }
        timestamp = Number(t);
      }
      row[this.width] = BigInt(timestamp);
      row[this.width + 1] = record.partition;
      row[this.width + 2] = BigInt(record.offset);
      out.push({ op: 'insert', row, timestamp });
    }
    if (out.length > 0) emit(out);
  }

  private skip(record: SourceRecord, message: string, ctx: OperatorContext): void {
    ctx.counters.errors++;
    const text = record.value === null ? null : Buffer.from(record.value).toString('utf8');
    ctx.processingLog.log({
      queryId: ctx.queryId,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      message,
      record: text === null ? null : text.length > MAX_LOGGED_RECORD ? `${text.slice(0, MAX_LOGGED_RECORD)}…` : text,
    });
  }
}
