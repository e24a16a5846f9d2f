import { describe, expect, it } from 'vitest';
import { makeArticleWrite as make } from '../../../test/fixtures/store/make-article-write.js';
import type { ArticleWrite } from '../store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

const NOW = '2024-05-01T08:00:00.000Z';

async function storeWith(writes: ArticleWrite[], options: SqliteStoreOptions['search']) {
  const store = await openSqliteStore(':memory:', { search: options });
  await store.upsertArticles(writes, NOW);
  return store;
}

const plain = (slug: string, title: string, excerpt: string, text: string): ArticleWrite =>
  make(slug, { title, excerpt, textForIndex: text });

describe('search plan (SQLite)', () => {
  it('ranks an all-common query by recency: every word in the title first, then other fields, then text', async () => {
    const store = await storeWith(
      [
        plain('t-old', 'Robot arms at the port', 'Cranes.', 'Nothing.'),
        plain('e-old', 'Harbour news', 'A robot moved crates.', 'Nothing.'),
        plain('x-only', 'Harbour news', 'Cranes.', 'One robot, briefly.'),
        plain('t-new', 'New robot for the docks', 'Cranes.', 'Nothing.'),
        plain('e-new', 'Harbour news', 'The robot sleeps.', 'Nothing.'),
      ],
      // "robot" is in 5 articles > 3: common, so no bm25 scan over its matches.
      { commonTermDocs: 3 },
    );
    const hits = await store.search('robot');
    expect(hits.map((h) => h.id)).toEqual(['art-t-new', 'art-t-old', 'art-e-new', 'art-e-old', 'art-x-only']);
    expect(hits.map((h) => h.score)).toEqual([2, 2, 1, 1, 0.5]);
    await store.close();
  });

  it('scores the uncommon words with bm25 and lets the common ones filter', async () => {
    const writes = [
      plain('c1', 'Robot news one', 'Filler.', 'Filler.'),
      plain('c2', 'Robot news two', 'Filler.', 'Filler.'),
      plain('w-excerpt', 'Robot news three', 'A walrus nearby.', 'Filler.'),
      plain('w-title', 'Walrus meets robot', 'Filler.', 'Filler.'),
      plain('w-no-robot', 'Walrus alone', 'Filler.', 'Filler.'),
    ];
    const store = await storeWith(writes, { commonTermDocs: 3 });
    const hits = await store.search('robot walrus');
    expect(hits.map((h) => h.id)).toEqual(['art-w-title', 'art-w-excerpt']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThanOrEqual(1);
    await store.close();
  });

  it('bounds the work: only the newest rankWindow matches are scored', async () => {
    // One old article with the word in its title, then 150 newer ones with it in the excerpt.
    const writes = [
      plain('old-title', 'Narwhal', 'Filler.', 'Filler.'),
      ...Array.from({ length: 150 }, (_, i) => plain(`n${i}`, `Report ${i}`, 'Seen: a narwhal, far away, in the fog.', 'Filler.')),
    ];
    const bounded = await storeWith(writes, { rankWindow: 100, commonTermDocs: 10_000 });
    const hitsBounded = (await bounded.search('narwhal', { limit: 5 })).map((h) => h.id);
    expect(hitsBounded).not.toContain('art-old-title');
    expect(hitsBounded).toHaveLength(5);
    await bounded.close();

    const wide = await storeWith(writes, { rankWindow: 1000, commonTermDocs: 10_000 });
    expect((await wide.search('narwhal', { limit: 5 }))[0]?.id).toBe('art-old-title');
    await wide.close();
  });

  it('caps and defaults the limit', async () => {
    const writes = Array.from({ length: 130 }, (_, i) => plain(`l${i}`, `Pelican ${i}`, 'Filler.', 'Filler.'));
    const store = await storeWith(writes, {});
    expect(await store.search('pelican')).toHaveLength(20);
    expect(await store.search('pelican', { limit: 1000 })).toHaveLength(100);
    expect(await store.search('pelican', { limit: 0 })).toHaveLength(20);
    await store.close();
  });
});
