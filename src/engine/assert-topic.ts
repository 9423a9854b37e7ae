// assertTopic: ASSERT [NOT EXISTS] TOPIC — waits up to the timeout for the topic to (not) exist.

import type { BoundAssertTopic } from '../analyze/index.js';
import { EngineError, type SourceSpan } from '../common/index.js';
import type { EngineContext } from './engine-context.js';
import type { StatementResult } from './statement-result.js';

const POLL_MS = 50;

export async function assertTopic(ctx: EngineContext, bound: BoundAssertTopic, span: SourceSpan): Promise<StatementResult> {
  const deadline = Date.now() + bound.timeoutMs;
  for (;;) {
    const problem = await check(ctx, bound);
    if (problem === null) {
      return { kind: 'message', text: `Topic '${bound.topic}' ${bound.exists ? 'exists' : 'does not exist'}${bound.partitions === null ? '' : ` with ${bound.partitions} partition(s)`}.` };
    }
    if (Date.now() >= deadline) {
      throw new EngineError('INVALID_STATEMENT', `Assertion failed after ${bound.timeoutMs} ms: ${problem}`, span);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function check(ctx: EngineContext, bound: BoundAssertTopic): Promise<string | null> {
  const topic = await ctx.topics.describeTopic(bound.topic);
  if (!bound.exists) return topic === undefined ? null : `topic '${bound.topic}' exists.`;
  if (topic === undefined) return `topic '${bound.topic}' does not exist.`;
  if (bound.partitions !== null && topic.partitions !== bound.partitions) {
    return `topic '${bound.topic}' has ${topic.partitions} partition(s), not ${bound.partitions}.`;
  }
  return null;
}
