// Unit tests for OffsetStore: committed positions per consumer group, topic and partition.

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffsetStore, openDataDirectory } from '../../../src/state/index.js';

let db: Database.Database;
let offsets: OffsetStore;

beforeEach(() => {
  db = openDataDirectory(':memory:');
  offsets = new OffsetStore(db);
});

afterEach(() => {
  db.close();
});

describe('OffsetStore', () => {
  it('has nothing for a group that never committed', () => {
    expect(offsets.load('CSAS_A_1', 'orders')).toBeNull();
  });

  it('round-trips the positions of every partition', () => {
    offsets.save('CSAS_A_1', 'orders', new Map([[0, 5], [1, 0], [2, 12]]));
    expect(offsets.load('CSAS_A_1', 'orders')).toEqual(new Map([[0, 5], [1, 0], [2, 12]]));
  });

  it('overwrites saved partitions and keeps the others', () => {
    offsets.save('G', 't', new Map([[0, 5], [1, 7]]));
    offsets.save('G', 't', new Map([[1, 9]]));
    expect(offsets.load('G', 't')).toEqual(new Map([[0, 5], [1, 9]]));
  });

  it('keeps groups and topics apart', () => {
    offsets.save('G1', 't', new Map([[0, 1]]));
    offsets.save('G2', 't', new Map([[0, 2]]));
    offsets.save('G1', 'u', new Map([[0, 3]]));
    expect(offsets.load('G1', 't')).toEqual(new Map([[0, 1]]));
    expect(offsets.load('G2', 't')).toEqual(new Map([[0, 2]]));
    expect(offsets.load('G1', 'u')).toEqual(new Map([[0, 3]]));
    expect(offsets.load('G2', 'u')).toBeNull();
  });

  it('drop forgets every topic of one group only', () => {
    offsets.save('G1', 't', new Map([[0, 1]]));
    offsets.save('G1', 'u', new Map([[0, 1]]));
    offsets.save('G2', 't', new Map([[0, 2]]));
    offsets.drop('G1');
    expect(offsets.load('G1', 't')).toBeNull();
    expect(offsets.load('G1', 'u')).toBeNull();
    expect(offsets.load('G2', 't')).toEqual(new Map([[0, 2]]));
  });

  it('commits with the surrounding transaction', () => {
    expect(() =>
      db.transaction(() => {
        offsets.save('G', 't', new Map([[0, 10]]));
        throw new Error('batch failed');
      })(),
    ).toThrow('batch failed');
    expect(offsets.load('G', 't')).toBeNull();
  });

  it('stores offsets beyond 2^31', () => {
    offsets.save('G', 't', new Map([[0, 2 ** 40]]));
    expect(offsets.load('G', 't')?.get(0)).toBe(2 ** 40);
  });
});
