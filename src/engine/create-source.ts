// executeCreateSource: CREATE STREAM over a topic — creates the topic if asked, records the stream.

import type { BoundCreateSource } from '../analyze/index.js';
import { EngineError } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';
import { topicSettings } from './topic-settings.js';

export async function executeCreateSource(ctx: EngineContext, bound: BoundCreateSource): Promise<StatementResult> {
  const { source } = bound;
  const noun = source.kind === 'STREAM' ? 'Stream' : 'Table';
  // Topics live outside the catalog's database (on Kafka), so the topic is created before the definition is recorded.
  const creates = bound.createTopic !== null && !(bound.exists && bound.ifNotExists);
  if (creates && bound.createTopic !== null && (await ctx.topics.describeTopic(bound.createTopic.name)) === undefined) {
    await ctx.topics.createTopic(bound.createTopic.name, topicSettings(bound.createTopic));
  }
  return ctx.catalogStore.transaction(() => {
    // Re-checked under the write lock: another process may have created it since analysis.
    const existing = ctx.catalog().sources.get(source.name);
    if (existing !== undefined && bound.ifNotExists) return { kind: 'message', text: `${noun} ${source.name} already exists.` };
    if (existing !== undefined && !bound.orReplace) throw new EngineError('SOURCE_EXISTS', `A ${existing.kind.toLowerCase()} named ${source.name} already exists.`);
    if (existing?.writtenBy !== null && existing?.writtenBy !== undefined) {
      throw new EngineError('SOURCE_IN_USE', `${source.name} is written by query ${existing.writtenBy}; TERMINATE it before replacing ${source.name}.`);
    }
    ctx.catalogStore.putSource(source);
    return { kind: 'message', text: `${noun} ${source.name} ${existing === undefined ? 'created' : 'replaced'}.` };
  });
}
