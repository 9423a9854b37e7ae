// Unit tests for the ASSERT statements of SQL test files: parsing and formatting round trips.
import { describe, expect, it } from 'vitest';
import { formatSql, parse } from '../../../src/sql/index.js';

describe('ASSERT statements', () => {
  it.each([
    "ASSERT VALUES HOT (SENSOR, TEMP) VALUES ('s1', 31.5)",
    'ASSERT VALUES HOT VALUES (1, 2)',
    "ASSERT NULL VALUES T (ID) KEY ('k')",
    'ASSERT STREAM HOT (SENSOR STRING KEY, TEMP DOUBLE) WITH (KAFKA_TOPIC=\'HOT\', VALUE_FORMAT=\'JSON\')',
    'ASSERT TABLE T',
  ])('%s round-trips through formatSql', (sql) => {
    const [first] = parse(sql);
    expect(first).toBeDefined();
    expect(formatSql(first!.statement)).toBe(sql);
  });

  it('parses each kind with its parts', () => {
    const kinds = parse("assert values s (a) values (1); assert null values s key (2); assert stream s;").map((p) => p.statement.kind);
    expect(kinds).toEqual(['AssertValues', 'AssertNullValues', 'AssertSource']);
  });

  it('reports a located syntax error in an ASSERT', () => {
    expect(() => parse('ASSERT VALUES s (a) (1)')).toThrow(/Expected .*VALUES/);
  });
});
