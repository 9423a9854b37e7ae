// executeDropSource: DROP STREAM [DELETE TOPIC] — refused while a persistent query uses the stream.

import type { BoundDropSource } from '../analyze/index.js';
import { queriesUsing } from '../catalog/index.js';
import { EngineError } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';

export async function executeDropSource(ctx: EngineContext, bound: BoundDropSource): Promise<StatementResult> {
  const source = bound.source;
  if (source === null) return { kind: 'message', text: 'Nothing to drop.' };
  let topicToDelete: string | null = null;
  const result = ctx.catalogStore.transaction((): StatementResult => {
    const catalog = ctx.catalog();
    const current = catalog.sources.get(source.name);
    if (current === undefined) return { kind: 'message', text: `${source.name} does not exist any more.` };
    const users = queriesUsing(catalog, source.name);
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
    ctx.catalogStore.deleteSource(source.name);
    const shared = [...catalog.sources.values()].some((s) => s.name !== source.name && s.topic === current.topic);
    if (bound.deleteTopic && !shared) topicToDelete = current.topic;
    const noun = current.kind === 'STREAM' ? 'Stream' : 'Table';
    return { kind: 'message', text: `${noun} ${source.name} dropped${bound.deleteTopic ? `, and topic '${current.topic}' deleted` : ''}.` };
  });
  if (topicToDelete !== null) await ctx.topics.deleteTopic(topicToDelete);
  return result;
}
