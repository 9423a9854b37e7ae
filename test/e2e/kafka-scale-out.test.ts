// Several `eddy serve` processes on one service id: a shared catalog (the command topic), split partitions, kill -9 takeover, exactly-once output.

import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../src/exec/index.js';
import { compareExactlyOnce, type CliProcess } from './cli-process.js';
import { bigintKey, committedInput, groupMembers, kafkaTestContext, keyNumber, runOnKafka, serveOnKafka, utf8, utf8Text as text, waitUntil } from './kafka-group.js';
import { NO_KAFKA, unique } from './kafka-test-broker.js';

describe.skipIf(NO_KAFKA)('eddy serve scale-out on one service id (real broker)', () => {
  const kafka = kafkaTestContext('eddy-kafka-scale-');

  const run = async (serviceId: string, script: string): Promise<string> => (await runOnKafka(kafka.dir, serviceId, script)).stdout;
  const serve = (serviceId: string): CliProcess => serveOnKafka(kafka.dir, serviceId);

  const members = (group: string) => groupMembers(kafka.admin, group);
  const committed = (group: string, topic: string) => committedInput(kafka.admin, group, topic);

  function rows(topic: string, from: number, to: number): SinkRecord[] {
    return Array.from({ length: to - from }, (_, k) => ({ topic, timestamp: 1_000 + from + k, key: bigintKey(from + k), value: utf8(`{"N":${from + k}}`) }));
  }

  async function appendRows(topic: string, count: number): Promise<void> {
    for (let from = 0; from < count; from += 10_000) await kafka.inspector.append(rows(topic, from, Math.min(count, from + 10_000)));
  }

  /** What the query must produce for inputs 0 … count−1: `id|{"TWICE":2n}` for n % 7 ≠ 3. */
  function expected(count: number): string[] {
    return Array.from({ length: count }, (_, n) => n)
      .filter((n) => n % 7 !== 3)
      .map((n) => `${n}|{"TWICE":${2 * n}}`);
  }

  async function defineQuery(serviceId: string, partitions: number): Promise<{ src: string; dst: string; group: string }> {
    const src = unique('scale_src');
    const dst = unique('scale_dst');
    await run(
      serviceId,
      `CREATE STREAM src (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=${partitions}, VALUE_FORMAT='JSON');
       CREATE STREAM dst WITH (KAFKA_TOPIC='${dst}') AS SELECT id, n * 2 AS twice FROM src WHERE n % 7 <> 3 EMIT CHANGES;`,
    );
    // The query's consumer group (its application id).
    const group = `eddy-${serviceId}-query-CSAS_DST_1`;
    return { src, dst, group };
  }

  async function sinkRows(dst: string): Promise<string[]> {
    // readAll reads read_committed: records of aborted transactions never show.
    return (await kafka.inspector.readAll(dst)).map((r) => `${keyNumber(r.key)}|${text(r.value)}`);
  }

  it('shares the catalog through the command topic and splits a query’s partitions between two processes', async () => {
    const serviceId = unique('scale');
    const { src, dst, group } = await defineQuery(serviceId, 4);
    // Neither server ever saw the definitions: both learn them from the command topic.
    const a = serve(serviceId);
    const b = serve(serviceId);
    await waitUntil('two members sharing the four partitions', async () => {
      const m = await members(group);
      return m.length === 2 && m.every((n) => n > 0);
    }, 90_000, [a, b]);
    expect((await members(group)).reduce((x, y) => x + y, 0)).toBe(4);

    const count = 2_000;
    await appendRows(src, count);
    await waitUntil('every input committed', async () => (await committed(group, src)) === count, 90_000, [a, b]);
    expect(compareExactlyOnce(expected(count), await sinkRows(dst))).toEqual({ missing: [], duplicated: [], unexpected: [] });

    // A third process (another data directory) sees the same streams and query.
    const shown = await run(serviceId, 'SHOW QUERIES;\nSHOW STREAMS;');
    expect(shown).toContain('CSAS_DST_1');
    expect(shown).toMatch(/\bSRC\b/);

    // TERMINATE from that third process: both servers follow the command and leave the group.
    await run(serviceId, 'TERMINATE CSAS_DST_1;');
    await waitUntil('both servers stopping the terminated query', async () => (await kafka.admin.describeGroups([group])).groups[0]?.members.length === 0, 60_000, [a, b]);
    expect(await run(serviceId, 'SHOW QUERIES;')).not.toContain('CSAS_DST_1');

    for (const p of [a, b]) p.signal('SIGTERM');
    for (const p of [a, b]) expect((await p.waitForExit(60_000)).code, p.describe()).toBe(0);
  }, 300_000);

  it('survives kill -9 of one of two processes mid-stream: every output exactly once (read_committed)', async () => {
    // A stateless stream query, whose partitions the two processes split (kafka-state-chaos covers a query with state).
    const serviceId = unique('chaos');
    const { src, dst, group } = await defineQuery(serviceId, 4);
    const a = serve(serviceId);
    const b = serve(serviceId);
    await waitUntil('two members sharing the partitions', async () => {
      const m = await members(group);
      return m.length === 2 && m.every((n) => n > 0);
    }, 90_000, [a, b]);

    const count = 300_000;
    // Appending goes on while the processes run, so the kill lands mid-stream however fast the machine.
    const appending = appendRows(src, count);
    appending.catch(() => undefined);
    await waitUntil('a quarter of the input committed', async () => (await committed(group, src)) >= count / 4, 240_000, [a, b]);
    const before = await committed(group, src);
    await b.kill9();
    await appending;
    expect(before).toBeLessThan(count);
    // The survivor takes over the dead member's partitions once the group rebalances.
    await waitUntil('the survivor owning all four partitions', async () => {
      const m = await members(group);
      return m.length === 1 && m[0] === 4;
    }, 90_000, [a]);
    await waitUntil('every input committed', async () => (await committed(group, src)) === count, 300_000, [a]);

    const outcome = compareExactlyOnce(expected(count), await sinkRows(dst));
    expect(outcome.missing.slice(0, 5)).toEqual([]);
    expect(outcome.duplicated.slice(0, 5)).toEqual([]);
    expect(outcome.unexpected.slice(0, 5)).toEqual([]);
    process.stderr.write(`chaos: killed one of two processes at ${before}/${count} inputs committed; ${expected(count).length} outputs, each exactly once\n`);

    a.signal('SIGTERM');
    expect((await a.waitForExit(60_000)).code, a.describe()).toBe(0);
  }, 600_000);
});
