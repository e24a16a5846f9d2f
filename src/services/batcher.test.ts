import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../core/article.js';
import { createKeyRing, generateKey } from '../secure/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingestItems } from './ingest-items.js';

const ring = createKeyRing([generateKey()]);
const items = (n: number): IncomingItem[] =>
  Array.from({ length: n }, (_, i) => ({
    record: { title: `Item ${i}`, webUrl: `https://news.example.org/item-${i}` },
    text: `Body of item ${i}.`,
    origin: 'batcher.test',
  }));

/** Runs ingestItems and returns the size of every batch the afterStore hook saw. */
async function batchSizes(n: number, options: { batchSize?: number; maxBatchAgeMs?: number }): Promise<number[]> {
  const store = await openSqliteStore(':memory:');
  const sizes: number[] = [];
  try {
    const summary = await ingestItems(items(n), {
      store,
      ring,
      now: () => new Date('2026-11-23T12:00:00Z'),
      afterStore: async (writes) => {
        sizes.push(writes.length);
      },
      ...options,
    });
    expect(summary.new).toBe(n);
    expect(await store.countArticles()).toBe(n);
  } finally {
    await store.close();
  }
  return sizes;
}

describe('Batcher (through ingestItems)', () => {
  it('stores full batches of batchSize writes, then the rest', async () => {
    expect(await batchSizes(7, { batchSize: 3, maxBatchAgeMs: 60_000 })).toEqual([3, 3, 1]);
  });

  it('stores a batch once it is older than maxBatchAgeMs, full or not', async () => {
    expect(await batchSizes(4, { batchSize: 100, maxBatchAgeMs: 0 })).toEqual([1, 1, 1, 1]);
  });

  it('keeps everything in one batch by default when items are quick', async () => {
    expect(await batchSizes(50, {})).toEqual([50]);
  });
});
