// SourceOperator: decodes a topic's records into changes (key, value, header and pseudo columns, event time).

import type { Change, Value, WindowBounds } from '../../common/index.js';
import type { PhysicalSource } from '../../plan/index.js';
import type { Emit, OperatorContext } from '../operator.js';
import type { RecordHeader, SourceRecord } from '../ports/records.js';
import type { CodecFactory, RowDecoder } from '../ports/row-codec.js';
import { eventTimeParser } from '../event-time-format.js';
import { decodeWindowedKey } from '../windowed-key.js';

const MAX_LOGGED_RECORD = 1000;

export interface SourceOptions {
  /** A table's topic: a record with a null value is a tombstone (a `delete` of its key). */
  readonly tombstones?: boolean;
}

export class SourceOperator {
  readonly name = 'source';
  readonly topic: string;
  private readonly decoder: RowDecoder;
  private readonly width: number;
  private readonly timestampColumn: number | null;
  private readonly window: PhysicalSource['window'];
  private readonly tombstones: boolean;
  private readonly parseTime: ((text: string) => number) | null;
  /** The row positions of header columns, and the header each reads (undefined: all of them). */
  private readonly headerSlots: readonly { readonly index: number; readonly key: string | undefined }[];

  constructor(node: PhysicalSource, codecs: CodecFactory, options: SourceOptions = {}) {
    this.topic = node.topic;
    const stored = { columns: node.schema.columns.filter((c) => c.namespace !== 'pseudo') };
    this.width = stored.columns.length;
    this.decoder = codecs.decoder(stored, node.formats, node.readColumns?.filter((i) => i < this.width) ?? null);
    this.timestampColumn = node.timestampColumn;
    this.window = node.window;
    this.tombstones = options.tombstones === true;
    this.parseTime = node.timestampFormat === undefined ? null : eventTimeParser(node.timestampFormat);
    this.headerSlots = stored.columns.flatMap((c, index) => (c.namespace === 'header' ? [{ index, key: c.headerKey }] : []));
  }

  /** Decodes the batch; a record that cannot be read is skipped, counted and logged. */
  onRecords(records: readonly SourceRecord[], ctx: OperatorContext, emit: Emit): void {
    const out: Change[] = [];
    const pseudo = this.window === undefined ? 3 : 5;
    for (const source of records) {
      ctx.counters.recordsIn++;
      let record = source;
      let window: WindowBounds | undefined;
      if (this.window !== undefined && source.key !== null) {
        const split = decodeWindowedKey(source.key, this.window.kind, this.window.sizeMs);
        if (split === null) {
          this.skip(source, 'key: too short to hold a window', ctx);
          continue;
        }
        record = withKey(source, split.key);
        window = split.window;
      }
      const row: Value[] = new Array<Value>(this.width + pseudo);
      const error = this.decoder.decode(record, row);
      if (error !== null) {
        this.skip(record, error, ctx);
        continue;
      }
      if (this.headerSlots.length > 0) for (const slot of this.headerSlots) row[slot.index] = headerValue(record.headers, slot.key);
      const tombstone = this.tombstones && record.value === null;
      let timestamp = record.timestamp;
      // ROWTIME: the event-time column's BIGINT itself when it is exactly the event time (no second BigInt per record).
      let rowtime: bigint | null = null;
      if (this.timestampColumn !== null && !tombstone) {
        const t = row[this.timestampColumn];
        if (t === null || t === undefined) {
          this.skip(record, `the event-time column is NULL`, ctx);
          continue;
        }
        if (this.parseTime === null) {
          timestamp = Number(t);
          if (typeof t === 'bigint' && Number.isSafeInteger(timestamp)) rowtime = t;
        } else {
          try {
            timestamp = this.parseTime(t as string);
          } catch (e) {
            this.skip(record, `the event-time column cannot be read with TIMESTAMP_FORMAT: ${(e as Error).message}`, ctx);
            continue;
          }
        }
      }
      ctx.counters.lastRecordTime = timestamp;
      if (timestamp > ctx.counters.streamTime) ctx.counters.streamTime = timestamp;
      row[this.width] = rowtime ?? BigInt(timestamp);
      row[this.width + 1] = record.partition;
      row[this.width + 2] = BigInt(record.offset);
      if (window !== undefined) {
        row[this.width + 3] = BigInt(window.start);
        row[this.width + 4] = BigInt(window.end);
      }
      const change: Change = { op: tombstone ? 'delete' : 'insert', row, timestamp };
      out.push(window === undefined ? change : { ...change, window });
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

/**
 * A header column's value: `HEADERS` is every header in order as STRUCT<KEY, VALUE> (an empty
 * array when there are none, never NULL); `HEADER('k')` the bytes of the last header `k`, or NULL.
 */
function headerValue(headers: readonly RecordHeader[] | undefined, key: string | undefined): Value {
  if (key === undefined) return (headers ?? []).map((h): Value => ({ kind: 'struct', fields: { KEY: h.key, VALUE: h.value } }));
  if (headers === undefined) return null;
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]!.key === key) return headers[i]!.value;
  return null;
}

/** The record with another key (spelled out: a reader's record may compute `value` in a getter, which a spread would drop). */
function withKey(r: SourceRecord, key: Uint8Array): SourceRecord {
  return {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    timestamp: r.timestamp,
    key,
    value: r.value,
    ...(r.valueText === undefined ? {} : { valueText: r.valueText }),
    ...(r.headers === undefined ? {} : { headers: r.headers }),
  };
}
