// Benchmark (run by hand, after `npm run build`): how long `eddy test --cases` takes for N generated cases.
//   node test/bench/eddy-test-cases.mjs [cases=100] [records-per-case=10]

/* global process, performance, console */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaseFolders } from '../../dist/testing/index.js';

const cases = Number(process.argv[2] ?? 100);
const perCase = Number(process.argv[3] ?? 10);
const root = mkdtempSync(join(tmpdir(), 'eddy-bench-cases-'));

for (let c = 0; c < cases; c++) {
  const dir = join(root, `case-${String(c).padStart(4, '0')}`);
  mkdirSync(dir);
  const partitions = 1 + (c % 3);
  writeFileSync(
    join(dir, 'statements.sql'),
    `CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE, price DECIMAL(8,2))
       WITH (KAFKA_TOPIC='readings', PARTITIONS=${partitions}, VALUE_FORMAT='JSON');
     CREATE STREAM hot AS SELECT sensor, temp * 2 AS t2, price FROM readings WHERE temp > ${c % 50};\n`,
  );
  const inputs = [];
  const outputs = [];
  for (let i = 0; i < perCase; i++) {
    const temp = (i * 7 + c) % 100;
    inputs.push(`{"topic": "readings", "key": "s${i}", "value": {"temp": ${temp}.5, "price": ${i}.25}, "timestamp": ${i}}`);
    if (temp + 0.5 > c % 50) outputs.push(`{"topic": "HOT", "key": "s${i}", "value": {"T2": ${temp * 2 + 1}.0, "PRICE": ${i}.25}, "timestamp": ${i}}`);
  }
  writeFileSync(join(dir, 'input.json'), `{"inputs": [${inputs.join(',\n')}]}`);
  writeFileSync(join(dir, 'output.json'), `{"outputs": [${outputs.join(',\n')}]}`);
}

const started = performance.now();
const results = await runCaseFolders(root);
const wall = performance.now() - started;
rmSync(root, { recursive: true, force: true });
const failed = results.filter((r) => r.status !== 'passed');
const sorted = results.map((r) => r.durationMs).sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
console.log(`${results.length} cases × ${perCase} input records: ${(wall / 1000).toFixed(2)} s wall, ${(wall / results.length).toFixed(1)} ms/case (p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms); ${failed.length} not passed`);
for (const r of failed.slice(0, 3)) console.log(`${r.name}: ${r.status}\n${r.report}`);
