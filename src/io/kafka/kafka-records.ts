// Records between Eddy and kafkajs: SinkRecord → message (partitioned like the embedded log), batch message → SourceRecord.

import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { RecordHeader, SinkRecord, SourceRecord } from '../../exec/index.js';
import { partitionForKey } from '../log/index.js';

/** A Buffer as it is (the changelog's records and most encoders make Buffers), other bytes viewed as one without a copy. */
const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** The partition the embedded log would pick: murmur2 of the key (or of the value when there is no key). */
export function partitionOf(record: SinkRecord, partitions: number): number {
  const basis = record.key ?? record.value;
  return partitions === 1 || basis === null ? 0 : partitionForKey(basis, partitions);
}

export function toMessage(record: SinkRecord, partitions: number): Message {
  const message: Message = {
    key: record.key === null ? null : asBuffer(record.key),
    value: record.value === null ? null : asBuffer(record.value),
    partition: partitionOf(record, partitions),
    timestamp: String(record.timestamp),
  };
  if (record.headers !== undefined && record.headers.length > 0) message.headers = toHeaders(record.headers);
  return message;
}

function toHeaders(headers: readonly RecordHeader[]): IHeaders {
  const out: IHeaders = {};
  for (const h of headers) {
    const value = h.value === null ? Buffer.alloc(0) : asBuffer(h.value);
    const existing = out[h.key];
    if (existing === undefined) out[h.key] = value;
    else out[h.key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export function fromMessage(topic: string, partition: number, message: KafkaMessage): SourceRecord {
  const record: SourceRecord = {
    topic,
    partition,
    offset: Number(message.offset),
    timestamp: Number(message.timestamp),
    key: message.key ?? null,
    value: message.value ?? null,
  };
  const headers = fromHeaders(message.headers);
  return headers.length === 0 ? record : { ...record, headers };
}

function fromHeaders(headers: IHeaders | undefined): RecordHeader[] {
  if (headers === undefined) return [];
  const out: RecordHeader[] = [];
  for (const [key, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined) continue;
      out.push({ key, value: typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'utf8')) : v });
    }
  }
  return out;
}
