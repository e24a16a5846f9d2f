import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../core/article.js';
import { HeatwireError } from '../core/errors.js';
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
async function batchSizes(
  n: number,
  options: { batchSize?: number; maxBatchAgeMs?: number; maxBatchTextChars?: number },
): Promise<number[]> {
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

  it('stores a batch once its texts reach maxBatchTextChars, however few items it has', async () => {
    // Each text is 15 characters ("Body of item 0."): the third reaches 40.
    expect(await batchSizes(5, { batchSize: 100, maxBatchAgeMs: 60_000, maxBatchTextChars: 40 })).toEqual([3, 2]);
  });

  it('fails only the item that cannot be prepared; the rest of its batch is stored', async () => {
    // A key ring that loses its key for the third encryption: that item alone must fail.
    let calls = 0;
    const flaky = { ...ring, get: (id: string) => (++calls === 3 ? undefined : ring.get(id)) };
    const store = await openSqliteStore(':memory:');
    try {
      const summary = await ingestItems(items(5), {
        store,
        ring: flaky,
        now: () => new Date('2026-11-23T12:00:00Z'),
      });
      expect(summary.new).toBe(4);
      expect(summary.failed).toEqual([
        expect.objectContaining({ code: 'KEY_MISSING', input: 'batcher.test' }),
      ]);
      expect(await store.countArticles()).toBe(4);
      expect(await store.findIdByUrl('https://news.example.org/item-2')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('reports every item of a rolled-back batch, also those the store never reached', async () => {
    const store = await openSqliteStore(':memory:');
    // The store's transaction fails at the second write: it never reads the writes after it.
    const failing = Object.assign(Object.create(store) as typeof store, {
      upsertArticles: async (batch: Iterable<unknown>) => {
        let n = 0;
        for (const _ of batch) if (++n === 2) throw new HeatwireError('STORE_FAILED', 'disk full');
        return [];
      },
    });
    try {
      // More items than one prepare chunk (256), so some were never prepared when it failed.
      const summary = await ingestItems(items(300), {
        store: failing,
        ring,
        now: () => new Date('2026-11-23T12:00:00Z'),
      });
      expect(summary.new).toBe(0);
      expect(summary.failed).toHaveLength(300);
      expect(new Set(summary.failed.map((f) => f.code))).toEqual(new Set(['STORE_FAILED']));
    } finally {
      await store.close();
    }
  });

  it('keeps everything in one batch by default when items are quick', async () => {
    expect(await batchSizes(50, {})).toEqual([50]);
  });
});
