// AnalysisContext: everything analysis may consult, fetched by the engine beforehand (no I/O here).

import type { Catalog } from '../catalog/index.js';

export interface TopicInfo {
  readonly name: string;
  readonly partitions: number;
}

export interface AnalysisContext {
  readonly catalog: Catalog;
  readonly topics: ReadonlyMap<string, TopicInfo>;
}
