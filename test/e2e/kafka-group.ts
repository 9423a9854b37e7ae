// Driving `eddy` against the real test broker: running scripts and servers on a service id, watching a query's consumer group.

import kafkajs from 'kafkajs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { KafkaTopics } from '../../src/io/index.js';
import { killAll, makeTempDir, removeDir, runCli, sleep, startCli, type CliProcess } from './cli-process.js';
import { BROKERS, brokerList, unique } from './kafka-test-broker.js';

/** What a multi-process Kafka test works with: a temporary directory, an admin client, and a KafkaTopics to append and read back. */
export interface KafkaTestContext {
  readonly dir: string;
  readonly admin: kafkajs.Admin;
  readonly inspector: KafkaTopics;
}

/**
 * Registers the describe block's setup and teardown (which also kills every CLI process the tests
 * started) and returns the context its tests use once setup ran.
 */
export function kafkaTestContext(prefix: string): KafkaTestContext {
  let context: KafkaTestContext | undefined;
  beforeAll(async () => {
    const admin = new kafkajs.Kafka({ brokers: brokerList(), logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    context = { dir: makeTempDir(prefix), admin, inspector: new KafkaTopics({ brokers: brokerList(), serviceId: unique('inspect') }) };
  });
  afterAll(async () => {
    await killAll();
    await context?.admin.disconnect();
    await context?.inspector.close();
    removeDir(context?.dir);
  });
  const current = (): KafkaTestContext => {
    if (context === undefined) throw new Error('the Kafka test context is used before its setup ran');
    return context;
  };
  return {
    get dir() {
      return current().dir;
    },
    get admin() {
      return current().admin;
    },
    get inspector() {
      return current().inspector;
    },
  };
}

export const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
/** Bytes as UTF-8 text ('' for none). */
export const utf8Text = (b: Uint8Array | null): string => (b === null ? '' : Buffer.from(b).toString('utf8'));

/** A BIGINT key in the KAFKA format: 8 bytes, big-endian. */
export function bigintKey(n: number): Uint8Array {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return new Uint8Array(b);
}

/** A BIGINT key of the KAFKA format read back, as text ('null' for none). */
export const keyNumber = (b: Uint8Array | null): string => (b === null ? 'null' : Buffer.from(b).readBigInt64BE().toString());

/** The data rows of the result tables in `eddy run` output, whitespace squeezed. */
export function tableRows(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\| [A-Z_]+ +\|/.test(l))
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

/**
 * `eddy run` of `script` on `serviceId` (written to a file under `dir`); each run gets a data
 * directory of its own unless `dataDir` names one (under `dir`). Fails the test unless it exits 0.
 */
export async function runOnKafka(dir: string, serviceId: string, script: string, options: { dataDir?: string; timeoutMs?: number } = {}) {
  const file = path.join(dir, `${unique('script')}.sql`);
  fs.writeFileSync(file, script);
  const dataDir = path.join(dir, options.dataDir ?? unique('data'));
  const result = await runCli(['run', file, '--data-dir', dataDir, '--brokers', BROKERS!, '--service-id', serviceId], options.timeoutMs ?? 120_000);
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** `eddy serve` on `serviceId` with a data directory of its own under `dir`. */
export function serveOnKafka(dir: string, serviceId: string): CliProcess {
  return startCli(['serve', '--data-dir', path.join(dir, unique('data')), '--brokers', BROKERS!, '--service-id', serviceId]);
}

/** The partitions each member of a Stable group was assigned (empty while it rebalances). */
export async function groupMembers(admin: kafkajs.Admin, group: string): Promise<number[]> {
  const described = await admin.describeGroups([group]);
  const g = described.groups[0];
  if (g === undefined || g.state !== 'Stable') return [];
  return g.members.map((m) => {
    const assignment = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
    return Object.values(assignment?.assignment ?? {}).reduce((n, ps) => n + ps.length, 0);
  });
}

/** How many input records of `topic` the group has committed, over all partitions. */
export async function committedInput(admin: kafkajs.Admin, group: string, topic: string): Promise<number> {
  const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return (offsets[0]?.partitions ?? []).reduce((n, p) => n + Math.max(Number(p.offset), 0), 0);
}

/** Polls `probe` until true; fails at once if one of `procs` died, or after `timeoutMs` with their output. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, procs: readonly CliProcess[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    for (const p of procs) p.assertRunning('eddy serve');
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${procs.map((p) => p.describe()).join('\n')}`);
    await sleep(250);
  }
}
