// Self-tests of the ksql-test-runner compatible runner: a right expected file passes, a wrong one fails with the right diff.
import { describe, expect, it } from 'vitest';
import { formatRecordFile, parseRecordFile, runKsqlTest, type KsqlTestCase } from '../../../src/testing/index.js';

const STATEMENTS = `CREATE STREAM readings (sensor VARCHAR KEY, temp DOUBLE, price DECIMAL(6,2), big BIGINT)
  WITH (KAFKA_TOPIC='readings', PARTITIONS=3, VALUE_FORMAT='JSON');
CREATE STREAM hot AS SELECT sensor, temp * 1.8 + 32 AS f, price, big FROM readings WHERE temp > 30;
`;

const INPUTS = `{"inputs": [
  {"topic": "readings", "key": "s1", "value": {"temp": 31.5, "price": 10.50, "big": 1234567890123456789}, "timestamp": 10},
  {"topic": "readings", "key": "s2", "value": {"TEMP": 20, "price": 1.00, "big": 1}, "timestamp": 20},
  {"topic": "readings", "key": "s3", "value": {"temp": 40, "price": 2.25, "big": 9223372036854775807}, "timestamp": 30},
  {"topic": "readings", "key": "s4", "value": {"temp": 35.1, "price": 0.01, "big": -5}, "timestamp": 40}
]}`;

const HOT = [
  '{"topic": "HOT", "key": "s1", "value": {"F": 88.7, "PRICE": 10.50, "BIG": 1234567890123456789}, "timestamp": 10}',
  '{"topic": "HOT", "key": "s3", "value": {"F": 104.0000001, "PRICE": 2.25, "BIG": 9223372036854775807}, "timestamp": 30}',
  '{"topic": "HOT", "key": "s4", "value": {"F": 95.18, "PRICE": 0.01, "BIG": -5}}',
];

function kase(outputs: readonly string[] | null, statements = STATEMENTS, inputs = INPUTS): KsqlTestCase {
  return {
    name: 'case',
    statementsFile: 'statements.sql',
    statements,
    inputs: parseRecordFile(inputs, 'inputs', 'input.json'),
    outputs: outputs === null ? null : parseRecordFile(`{"outputs": [${outputs.join(',')}]}`, 'outputs', 'output.json'),
  };
}

describe('runKsqlTest', () => {
  it('passes: file order across 3 partitions, exact BIGINT and DECIMAL, DOUBLE within 1e-6, any timestamp when none is expected', async () => {
    const result = await runKsqlTest(kase(HOT));
    expect(result.report).toBe('');
    expect(result.status).toBe('passed');
  });

  it('fails on a wrong value with a per-record diff', async () => {
    const wrong = [HOT[0]!, HOT[1]!.replace('"PRICE": 2.25', '"PRICE": 2.250'), HOT[2]!];
    const result = await runKsqlTest(kase(wrong));
    expect(result.status).toBe('failed');
    expect(result.report).toBe(
      [
        "topic 'HOT': 3 records",
        '  #1    ok        {"topic": "HOT", "key": "s1", "value": {"F":88.7,"PRICE":10.50,"BIG":1234567890123456789}, "timestamp": 10}',
        '  #2    expected  {"topic": "HOT", "key": "s3", "value": {"F":104.0000001,"PRICE":2.250,"BIG":9223372036854775807}, "timestamp": 30}',
        '        actual    {"topic": "HOT", "key": "s3", "value": {"F":104.0,"PRICE":2.25,"BIG":9223372036854775807}, "timestamp": 30}',
        '                  ↳ value.PRICE: expected 2.250 but was 2.25 (DECIMAL compares exactly, scale included)',
        '  #3    ok        {"topic": "HOT", "key": "s4", "value": {"F":95.18,"PRICE":0.01,"BIG":-5}}',
      ].join('\n'),
    );
  });

  it('fails when the count differs, listing the missing record', async () => {
    const result = await runKsqlTest(kase([...HOT, '{"topic": "HOT", "key": "s9", "value": {"F": 1.0, "PRICE": 1.00, "BIG": 1}}']));
    expect(result.status).toBe('failed');
    expect(result.report).toContain("topic 'HOT': expected 4 records, got 3");
    expect(result.report).toContain('  #4    expected  {"topic": "HOT", "key": "s9"');
    expect(result.report).toContain('        actual    (no record)');
  });

  it('fails when the order differs, and on a wrong key or timestamp', async () => {
    const reordered = await runKsqlTest(kase([HOT[1]!, HOT[0]!, HOT[2]!]));
    expect(reordered.status).toBe('failed');
    expect(reordered.report).toContain('↳ key: expected "s3" but was "s1"');
    const late = await runKsqlTest(kase([HOT[0]!.replace('"timestamp": 10', '"timestamp": 11'), HOT[1]!, HOT[2]!]));
    expect(late.report).toContain('↳ timestamp: expected 11 but was 10');
  });

  it('compares BIGINT beyond 2^53 exactly and DOUBLE outside the tolerance as different', async () => {
    const result = await runKsqlTest(kase([HOT[0]!.replace('1234567890123456789', '1234567890123456788'), HOT[1]!.replace('104.0000001', '104.00001'), HOT[2]!]));
    expect(result.report).toContain('↳ value.BIG: expected 1234567890123456788 but was 1234567890123456789');
    expect(result.report).toContain('↳ value.F: expected 104.00001 but was 104.0 (DOUBLE tolerance is 0.000001)');
  });

  it('without inputs (INSERT … VALUES), an expected timestamp of 0 matches any; a missing key means a null key', async () => {
    const statements = `CREATE STREAM s (v INT) WITH (KAFKA_TOPIC='s', PARTITIONS=1, VALUE_FORMAT='JSON');
CREATE STREAM t AS SELECT v * 2 AS w FROM s;
INSERT INTO s (ROWTIME, v) VALUES (5000, 21);`;
    const pass = await runKsqlTest(kase(['{"topic": "T", "value": {"W": 42}, "timestamp": 0}'], statements, '{"inputs": []}'));
    expect(pass.status).toBe('passed');
    const keyed = await runKsqlTest(kase(['{"topic": "T", "key": 1, "value": {"W": 42}}'], statements, '{"inputs": []}'));
    expect(keyed.report).toContain('↳ key: expected 1 but was null');
    const stamped = await runKsqlTest(kase(['{"topic": "T", "value": {"W": 42}, "timestamp": 4000}'], statements, '{"inputs": []}'));
    expect(stamped.report).toContain('↳ timestamp: expected 4000 but was 5000');
  });

  it('a failing statement is an error with file, line, column and caret', async () => {
    const result = await runKsqlTest(kase(HOT, STATEMENTS.replace('temp * 1.8', 'tmp * 1.8')));
    expect(result.status).toBe('error');
    expect(result.report).toBe(
      [
        'statements.sql:3:37: Column TMP cannot be resolved. Did you mean TEMP?',
        '  |',
        '3 | CREATE STREAM hot AS SELECT sensor, tmp * 1.8 + 32 AS f, price, big FROM readings WHERE temp > 30;',
        '  |                                     ^^^',
      ].join('\n'),
    );
  });

  it('input for a topic no stream reads is an error', async () => {
    const result = await runKsqlTest(kase(HOT, STATEMENTS, '{"inputs": [{"topic": "nope", "key": "a", "value": {}}]}'));
    expect(result.status).toBe('error');
    expect(result.report).toContain("Input topic 'nope' is not the topic of any stream or table.");
  });

  it('--write-actual output, read back as the expected file, passes (numbers keep their exact text)', async () => {
    const first = await runKsqlTest(kase(null));
    expect(first.status).toBe('passed');
    const written = formatRecordFile('outputs', first.actual);
    expect(written).toBe(
      [
        '{"outputs": [',
        '  {"topic": "HOT", "key": "s1", "value": {"F":88.7,"PRICE":10.50,"BIG":1234567890123456789}, "timestamp": 10},',
        '  {"topic": "HOT", "key": "s3", "value": {"F":104.0,"PRICE":2.25,"BIG":9223372036854775807}, "timestamp": 30},',
        '  {"topic": "HOT", "key": "s4", "value": {"F":95.18,"PRICE":0.01,"BIG":-5}, "timestamp": 40}',
        ']}',
        '',
      ].join('\n'),
    );
    const again = await runKsqlTest({ ...kase(null), outputs: parseRecordFile(written, 'outputs', 'actual.json') });
    expect(again.status).toBe('passed');
  });
});
