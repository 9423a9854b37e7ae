// takeQueryNumber: the number in a new persistent query's id — claimed in the command topic on Kafka, counted in SQLite otherwise.

import { DryRunTopics } from './dry-run-topics.js';
import type { EngineContext } from './engine-context.js';
import { ReplicatedCatalogStore } from './replicated-catalog-store.js';

/** The replicated catalog when this statement's changes will be published (not in dry runs). */
function publishing(ctx: EngineContext): ReplicatedCatalogStore | null {
  return ctx.catalogStore instanceof ReplicatedCatalogStore && !(ctx.topics instanceof DryRunTopics) ? ctx.catalogStore : null;
}

/**
 * The next query number. With a shared command topic two processes may ask at the same moment, so
 * the number is claimed there (with the sink it will write, so only one of them creates it); in a
 * data directory of its own, SQLite's write lock already makes the counter safe.
 */
export async function takeQueryNumber(ctx: EngineContext, sink: string | null): Promise<number> {
  const replica = publishing(ctx);
  if (replica !== null) return replica.claimQueryNumber(sink, ctx.clock.now());
  return ctx.catalogStore.transaction(() => ctx.catalogStore.nextNumber('query'));
}

/** Runs the rest of a statement that claimed `sink`; when it fails, the name is given back. */
export async function withClaimedSink<T>(ctx: EngineContext, sink: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    await publishing(ctx)?.releaseSink(sink).catch(() => undefined);
    throw e;
  }
}
