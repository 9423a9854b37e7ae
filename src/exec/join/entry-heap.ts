// EntryHeap: window entries by end, then start, then key (in SQLite's text order) — the next to close first.

import { compareText } from '../text-order.js';

export interface Entry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** A binary min-heap of entries in the order a window store's `endingBy` returns them. */
export class EntryHeap<E extends Entry> {
  private readonly items: E[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): E | undefined {
    return this.items[0];
  }

  push(entry: E): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as E;
      if (compareByEnd(p, entry) <= 0) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): E | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && compareByEnd(items[r] as E, items[l] as E) < 0 ? r : l;
      const c = items[child] as E;
      if (compareByEnd(last, c) <= 0) break;
      items[i] = c;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

export function compareByEnd(a: Entry, b: Entry): number {
  return a.end - b.end || a.start - b.start || compareText(a.key, b.key);
}
