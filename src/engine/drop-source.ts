// executeDropSource: DROP STREAM|TABLE [DELETE TOPIC] — refused while a persistent query uses it; a table's SQLite table and its CT query go too.

import type { BoundDropSource } from '../analyze/index.js';
import { queriesUsing } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import { dropMaterializedTable, dropQueryState } from '../state/index.js';
import type { EngineContext } from './engine-context.js';
import type { PersistentQueries } from './persistent-queries.js';
import type { StatementResult } from './statement-result.js';

export async function executeDropSource(ctx: EngineContext, queries: PersistentQueries, bound: BoundDropSource): Promise<StatementResult> {
  const source = bound.source;
  if (source === null) return { kind: 'message', text: 'Nothing to drop.' };
  // A table's own materialization query (CT_…) ends with it.
  const own = queriesUsing(ctx.catalog(), source.name).filter((q) => q.kind === 'CT' && q.sink === source.name);
  const others = queriesUsing(ctx.catalog(), source.name).filter((q) => !own.includes(q));
  if (others.length === 0) for (const q of own) await queries.stop(q.id);
  let topicToDelete: string | null = null;
  let forget: string[] = [];
  const result = ctx.catalogStore.transaction((): StatementResult => {
    const catalog = ctx.catalog();
    const current = catalog.sources.get(source.name);
    if (current === undefined) return { kind: 'message', text: `${source.name} does not exist any more.` };
    const users = queriesUsing(catalog, source.name).filter((q) => !(q.kind === 'CT' && q.sink === source.name));
    if (users.length > 0) {
      const readers = users.filter((q) => q.sources.includes(source.name)).map((q) => q.id);
      const writers = users.filter((q) => q.sink === source.name).map((q) => q.id);
      const parts = [
        readers.length > 0 ? `read by ${readers.join(', ')}` : null,
        writers.length > 0 ? `written by ${writers.join(', ')}` : null,
      ].filter((p) => p !== null);
      throw new EngineError(
        'SOURCE_IN_USE',
        `Cannot drop ${source.name}: it is ${parts.join(' and ')}. TERMINATE ${users.map((q) => q.id).join(', ')} first.`,
      );
    }
    forget = queriesUsing(catalog, source.name).map((q) => q.id);
    for (const id of forget) {
      ctx.catalogStore.deleteQuery(id);
      ctx.leases.revoke(id);
      dropQueryState(ctx.db, id);
    }
    ctx.catalogStore.deleteSource(source.name);
    if (current.kind === 'TABLE') dropMaterializedTable(ctx.db, current.name);
    const shared = [...catalog.sources.values()].some((s) => s.name !== source.name && s.topic === current.topic);
    if (bound.deleteTopic && !shared) topicToDelete = current.topic;
    const noun = current.kind === 'STREAM' ? 'Stream' : 'Table';
    return { kind: 'message', text: `${noun} ${source.name} dropped${bound.deleteTopic ? `, and topic '${current.topic}' deleted` : ''}.` };
  });
  // Topics and consumer offsets may live outside the catalog's database (on Kafka): after the commit.
  for (const id of forget) await ctx.topics.forgetQuery(id);
  if (topicToDelete !== null) await ctx.topics.deleteTopic(topicToDelete);
  return result;
}
