// EngineContext: the open data directory's parts, shared by the engine's statement handlers.

import type Database from 'better-sqlite3';
import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../common/index.js';
import type { CodecFactory, ProcessingLogger } from '../exec/index.js';
import type { Topics } from '../io/index.js';
import type { CatalogStore, OffsetStore, ProcessingLogStore, QueryLeases } from '../state/index.js';
import type { SessionProperties } from './session-properties.js';

export interface EngineLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface EngineContext {
  readonly db: Database.Database;
  /** The topics: the embedded log, or a Kafka cluster (`--brokers`). */
  readonly topics: Topics;
  readonly catalogStore: CatalogStore;
  readonly offsets: OffsetStore;
  readonly leases: QueryLeases;
  readonly processingLogStore: ProcessingLogStore;
  readonly processingLogger: ProcessingLogger;
  /** The topic of the built-in EDDY_PROCESSING_LOG stream (per service id on Kafka). */
  readonly processingLogTopic: string;
  /** Waits until every processing log entry logged so far can be read from its topic. */
  flushProcessingLog(): Promise<void>;
  readonly codecs: CodecFactory;
  readonly clock: Clock;
  readonly properties: SessionProperties;
  /** DEFINE'd variables of this session, by upper-cased name. */
  readonly variables: Map<string, string>;
  readonly logger: EngineLogger;
  /** The catalog as committed now (re-read each time: another process may have changed it). */
  catalog(): Catalog;
}
