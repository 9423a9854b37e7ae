// EMIT FINAL across a restart: windows still open when the process stops are kept in SQLite and fire after it restarts.

import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { makeTempDir, removeDir } from './cli-process.js';

const quiet = { info: () => undefined, warn: () => undefined };

async function run(dataDir: string, sql: string): Promise<Engine> {
  const engine = Engine.open({ dataDir, logger: quiet });
  for (const statement of engine.parse(sql)) await engine.execute(statement);
  await engine.drain();
  return engine;
}

async function sink(engine: Engine): Promise<string[]> {
  return (await engine.topicRecords('TOTALS')).map((r) => `${r.key === null ? 'null' : Buffer.from(r.key).toString('hex')} ${r.value === null ? 'null' : Buffer.from(r.value).toString('utf8')} t=${r.timestamp}`);
}

describe('EMIT FINAL across a restart', () => {
  const dir = makeTempDir('eddy-emit-final-');
  afterAll(() => removeDir(dir));

  it('emits each window once, with the records from before and after the restart', async () => {
    const first = await run(
      dir,
      `CREATE STREAM t (s VARCHAR KEY, q INT) WITH (KAFKA_TOPIC='t', PARTITIONS=1, VALUE_FORMAT='JSON');
       CREATE TABLE totals AS SELECT s, SUM(q) AS total, COUNT(*) AS n FROM t
         WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY s EMIT FINAL;
       INSERT INTO t (s, q, ROWTIME) VALUES ('a', 1, 1000);
       INSERT INTO t (s, q, ROWTIME) VALUES ('a', 2, 2000);
       INSERT INTO t (s, q, ROWTIME) VALUES ('b', 5, 3000);`,
    );
    // Nothing has closed: the sink is empty and the pending windows are in SQLite.
    expect(await sink(first)).toEqual([]);
    expect(first.materializedTable('TOTALS')?.rows).toEqual([]);
    await first.close();

    const second = await run(
      dir,
      `INSERT INTO t (s, q, ROWTIME) VALUES ('a', 4, 9000);
       INSERT INTO t (s, q, ROWTIME) VALUES ('c', 1, 10000);`,
    );
    try {
      const key = (s: string, start: number) => Buffer.concat([Buffer.from(s), Buffer.from(start.toString(16).padStart(16, '0'), 'hex')]).toString('hex');
      expect(await sink(second)).toEqual([`${key('a', 0)} {"TOTAL":7,"N":3} t=9000`, `${key('b', 0)} {"TOTAL":5,"N":1} t=3000`]);
      expect(second.materializedTable('TOTALS')?.rows.map((r) => r.map(String).join('|'))).toEqual(['a|0|10000|7|3|9000', 'b|0|10000|5|1|3000']);
    } finally {
      await second.close();
    }
  });
});
