// QueryNumberClaim: claims of query numbers in a command log — the first claim of a number, in log order, wins.

import type { CatalogCommand } from '../io/index.js';
import type { CatalogStore } from '../state/index.js';

/** How a claim turned out, as every process following the log sees it. */
export type ClaimOutcome = 'won' | 'number-taken' | 'sink-taken';

/** Sink name → the time of the accepted claim that named it (until its definition is in the log). */
export type PendingSinks = Map<string, number>;

/** A claim blocks its sink name for others this long, even when its process died before defining it. */
const PENDING_SINK_MS = 5 * 60_000;

interface ClaimValue {
  readonly token: string;
  readonly sink: string | null;
  readonly at: number;
}

export function claimCommand(number: number, token: string, sink: string | null, now: number): CatalogCommand {
  const value: ClaimValue = { token, sink, at: now };
  return { key: `claim:query:${number}`, value: JSON.stringify(value) };
}

/** Frees a sink name a failed statement claimed. */
export function releaseCommand(sink: string): CatalogCommand {
  return { key: `claim:release:${sink}`, value: null };
}

/**
 * Applies one claim (or release): it wins when its number is above every number claimed (or counted) before it
 * and its sink is neither defined nor named by a recent winning claim. The counter rises either
 * way, so every replica agrees on the next free number whatever its cache holds.
 */
export function applyClaim(cache: CatalogStore, command: CatalogCommand, outcomes: Map<string, ClaimOutcome>, pending: PendingSinks): void {
  const [, name = 'query', numberText = '0'] = command.key.split(':');
  if (name === 'release') {
    pending.delete(command.key.slice('claim:release:'.length));
    return;
  }
  const number = Number(numberText);
  if (command.value === null || !Number.isSafeInteger(number)) return;
  const claim = JSON.parse(command.value) as ClaimValue;
  const free = cache.currentNumber(name) < number;
  cache.raiseNumber(name, number);
  let outcome: ClaimOutcome = free ? 'won' : 'number-taken';
  if (outcome === 'won' && claim.sink !== null) {
    const claimedAt = pending.get(claim.sink);
    const recentClaim = claimedAt !== undefined && claim.at - claimedAt < PENDING_SINK_MS;
    if (recentClaim || cache.load().sources.has(claim.sink)) outcome = 'sink-taken';
    else pending.set(claim.sink, claim.at);
  }
  outcomes.set(claim.token, outcome);
}
