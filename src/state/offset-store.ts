// OffsetStore: the committed input positions of each consumer group (persistent query) per partition.

import type Database from 'better-sqlite3';
import type { Positions } from '../exec/index.js';

export class OffsetStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      load: db.prepare<[string, string], { partition: number; next_offset: number }>(
        'SELECT partition, next_offset FROM consumer_offsets WHERE group_id = ? AND topic = ?',
      ),
      save: db.prepare<[string, string, number, number]>(
        'INSERT INTO consumer_offsets (group_id, topic, partition, next_offset) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT(group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset',
      ),
      drop: db.prepare<[string]>('DELETE FROM consumer_offsets WHERE group_id = ?'),
      groups: db.prepare<[], { group_id: string; topic: string }>('SELECT DISTINCT group_id, topic FROM consumer_offsets ORDER BY group_id, topic'),
    };
  }

  /** The committed positions, or null when the group has never committed on this topic. */
  load(group: string, topic: string): Positions | null {
    const rows = this.statements.load.all(group, topic);
    return rows.length === 0 ? null : new Map(rows.map((r) => [r.partition, r.next_offset]));
  }

  save(group: string, topic: string, positions: Positions): void {
    for (const [partition, offset] of positions) this.statements.save.run(group, topic, partition, offset);
  }

  /** Every group and topic with committed positions. */
  groups(): { group: string; topic: string }[] {
    return this.statements.groups.all().map((r) => ({ group: r.group_id, topic: r.topic }));
  }

  drop(group: string): void {
    this.statements.drop.run(group);
  }
}
