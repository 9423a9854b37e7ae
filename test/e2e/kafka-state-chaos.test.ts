// Chaos on Kafka with state: two `eddy serve` processes run a windowed aggregation; the owner is killed with kill -9 mid-stream.

import { describe, expect, it } from 'vitest';
import type { SinkRecord } from '../../src/exec/index.js';
import type { CliProcess } from './cli-process.js';
import { committedInput, groupMembers, kafkaTestContext, runOnKafka, serveOnKafka, waitUntil } from './kafka-group.js';
import { NO_KAFKA, unique } from './kafka-test-broker.js';

const COUNT = 300_000;
const KEYS = 50;
/** Event time n·10 ms and one-minute windows: 6 000 records per window, 120 per key and window. */
const WINDOW_MS = 60_000;
const STEP_MS = 10;

function bigintKey(n: number): Uint8Array {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return new Uint8Array(b);
}

/** What an uninterrupted run ends with: per `key@windowStart`, the count and sum of its records. */
function expectedTable(): Map<string, { c: number; s: number }> {
  const table = new Map<string, { c: number; s: number }>();
  for (let n = 0; n < COUNT; n++) {
    const id = `${n % KEYS}@${Math.floor((n * STEP_MS) / WINDOW_MS) * WINDOW_MS}`;
    const entry = table.get(id) ?? { c: 0, s: 0 };
    entry.c++;
    entry.s += n;
    table.set(id, entry);
  }
  return table;
}

describe.skipIf(NO_KAFKA)('a windowed aggregation on Kafka survives kill -9 of its owner (real broker)', () => {
  const kafka = kafkaTestContext('eddy-kafka-state-chaos-');

  const run = async (serviceId: string, script: string): Promise<string> => (await runOnKafka(kafka.dir, serviceId, script, { timeoutMs: 180_000 })).stdout;
  const serve = (serviceId: string): CliProcess => serveOnKafka(kafka.dir, serviceId);

  it('rebuilds the state from the changelog on the survivor: every update exactly once, the final table as an uninterrupted run', async () => {
    const serviceId = unique('state-chaos');
    const src = unique('chaos_src');
    const dst = unique('chaos_counts');
    await run(
      serviceId,
      `CREATE STREAM src (id BIGINT KEY, k INT, v BIGINT, ts BIGINT) WITH (KAFKA_TOPIC='${src}', PARTITIONS=4, VALUE_FORMAT='JSON', TIMESTAMP='ts');
       -- Every update is checked below: a table's topic is compacted by default, which would keep only each key's last.
       CREATE TABLE counts WITH (KAFKA_TOPIC='${dst}', CLEANUP_POLICY='delete') AS
         SELECT k, AS_VALUE(k) AS kk, WINDOWSTART AS ws, COUNT(*) AS c, SUM(v) AS s
         FROM src WINDOW TUMBLING (SIZE 60 SECONDS, GRACE PERIOD 2 HOURS) GROUP BY k EMIT CHANGES;`,
    );
    // The query's consumer group (its application id).
    const group = `eddy-${serviceId}-query-CTAS_COUNTS_1`;

    // The first process joins first and owns every partition; the second stands by.
    const owner = serve(serviceId);
    await waitUntil('the first process owning all four partitions', async () => (await groupMembers(kafka.admin, group)).join() === '4', 90_000, [owner]);
    const standby = serve(serviceId);
    await waitUntil('a stand-by member next to the owner', async () => (await groupMembers(kafka.admin, group)).sort().join() === '0,4', 90_000, [owner, standby]);

    // Appending goes on while the owner runs, so the kill lands mid-stream however fast the machine.
    const appending = (async () => {
      for (let from = 0; from < COUNT; from += 10_000) {
        const records: SinkRecord[] = [];
        for (let n = from; n < from + 10_000; n++) {
          records.push({ topic: src, timestamp: n * STEP_MS, key: bigintKey(n), value: new Uint8Array(Buffer.from(`{"K":${n % KEYS},"V":${n},"TS":${n * STEP_MS}}`)) });
        }
        await kafka.inspector.append(records);
      }
    })();
    appending.catch(() => undefined);
    await waitUntil('a quarter of the input committed', async () => (await committedInput(kafka.admin, group, src)) >= COUNT / 4, 240_000, [owner, standby]);
    const before = await committedInput(kafka.admin, group, src);
    await owner.kill9();
    await appending;
    expect(before).toBeLessThan(COUNT);
    await waitUntil('the stand-by owning all four partitions', async () => (await groupMembers(kafka.admin, group)).join() === '4', 90_000, [standby]);
    await waitUntil('every input committed', async () => (await committedInput(kafka.admin, group, src)) === COUNT, 400_000, [standby]);
    expect(standby.stderr).toMatch(/Query CTAS_COUNTS_1 runs here now, on state rebuilt from changelog topic \S+ \(\d+ records\)/);

    // read_committed: per key and window, the updates count 1, 2, … n — none repeated, none missing.
    const updates = new Map<string, { c: number[]; s: number }>();
    for (const r of await kafka.inspector.readAll(dst)) {
      const v = JSON.parse(Buffer.from(r.value!).toString('utf8')) as { KK: number; WS: number; C: number; S: number };
      const id = `${v.KK}@${v.WS}`;
      const entry = updates.get(id) ?? { c: [], s: 0 };
      entry.c.push(v.C);
      entry.s = v.S;
      updates.set(id, entry);
    }
    const expected = expectedTable();
    const wrong: string[] = [];
    for (const [id, want] of expected) {
      const got = updates.get(id);
      const counts = got?.c ?? [];
      if (counts.length !== want.c || counts.some((c, i) => c !== i + 1)) wrong.push(`${id}: counts ${counts.slice(0, 5).join(',')}… (${counts.length}, want 1…${want.c})`);
      else if (got?.s !== want.s) wrong.push(`${id}: final sum ${got?.s} (want ${want.s})`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(updates.size).toBe(expected.size);

    // The table as a pull query sees it (from the changelog, in a third process): the uninterrupted run's table.
    const pulled = (await run(serviceId, 'SELECT kk, ws, c, s FROM counts;'))
      .split('\n')
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split('|').slice(1, 5).map((x) => Number(x.trim())));
    const pulledTable = new Map(pulled.map(([k, ws, c, s]) => [`${k}@${ws}`, { c: c!, s: s! }]));
    expect(pulledTable).toEqual(expected);
    process.stderr.write(`state chaos: killed the owner at ${before}/${COUNT} inputs committed; ${expected.size} windows, every update exactly once\n`);

    standby.signal('SIGTERM');
    expect((await standby.waitForExit(60_000)).code, standby.describe()).toBe(0);
  }, 900_000);
});
