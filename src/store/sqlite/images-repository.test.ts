import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticleWrite } from '../../../test/fixtures/store/make-article-write.js';
import type { NewsRecord } from '../../core/record.js';
import type { CachedImage } from '../images.js';
import { SqliteImageStore } from './images-repository.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

const NOW = '2025-02-01T12:00:00.000Z';
const SHA = 'c'.repeat(64);

function withImage(slug: string, url: string | null, extended: Record<string, unknown> = {}) {
  const record: NewsRecord = { title: `Story ${slug}`, webUrl: `https://news.test/${slug}`, ...(url ? { images: [{ url, isCached: false }] } : {}) };
  return makeArticleWrite(slug, { record, extended });
}

function cached(url: string, sha = SHA): CachedImage {
  return { sourceUrl: url, sha256: sha, ext: 'png', contentType: 'image/png', bytes: 73, width: 3, height: 2, fetchedAt: NOW };
}

describe('SqliteImageStore', () => {
  let store: SqliteStore;
  let images: SqliteImageStore;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    images = new SqliteImageStore(store.database);
    await store.upsertArticles(
      [
        withImage('one', 'https://cdn.test/1.png'),
        withImage('two', 'https://cdn.test/shared.png'),
        withImage('three', 'https://cdn.test/shared.png'),
        withImage('four', null, { leadImage: { url: 'https://cdn.test/extracted.jpg' } }),
        withImage('five', null),
        withImage('six', 'data:image/png;base64,AAAA'),
      ],
      NOW,
    );
  });
  afterEach(() => store.close());

  it('lists articles with a fetchable lead image, newest first, honouring limit', async () => {
    expect(await images.listCandidates({ now: NOW })).toEqual([
      { articleId: 'art-four', url: 'https://cdn.test/extracted.jpg' },
      { articleId: 'art-three', url: 'https://cdn.test/shared.png' },
      { articleId: 'art-two', url: 'https://cdn.test/shared.png' },
      { articleId: 'art-one', url: 'https://cdn.test/1.png' },
    ]);
    expect(await images.listCandidates({ now: NOW, limit: 2 })).toHaveLength(2);
  });

  it('records a cached image, links articles, and drops them from the candidates', async () => {
    await images.recordCached(cached('https://cdn.test/shared.png'), ['art-two', 'art-three', 'art-missing']);
    const state = await images.getImage('https://cdn.test/shared.png');
    expect(state).toEqual({ sourceUrl: 'https://cdn.test/shared.png', cached: cached('https://cdn.test/shared.png'), error: null, attempts: 1, nextAttemptAt: null });
    expect(await images.findBySha256(SHA)).toEqual(cached('https://cdn.test/shared.png'));
    expect((await images.listCandidates({ now: NOW })).map((c) => c.articleId)).toEqual(['art-four', 'art-one']);
    expect([...(await images.cachedByUrl(['https://cdn.test/shared.png', 'https://cdn.test/1.png'])).keys()]).toEqual(['https://cdn.test/shared.png']);
    expect((await images.allCached()).size).toBe(1);
  });

  it('records failures with attempts; a failed image returns as a candidate only when due', async () => {
    const later = '2025-02-01T13:00:00.000Z';
    await images.recordFailure('https://cdn.test/1.png', { error: 'FETCH_FAILED HTTP 503', nextAttemptAt: later }, ['art-one'], NOW);
    await images.recordFailure('https://cdn.test/extracted.jpg', { error: 'IMAGE_REFUSED svg', nextAttemptAt: null }, ['art-four'], NOW);
    expect(await images.getImage('https://cdn.test/1.png')).toMatchObject({ cached: null, error: 'FETCH_FAILED HTTP 503', attempts: 1, nextAttemptAt: later });
    const ids = async (now: string) => (await images.listCandidates({ now })).map((c) => c.articleId);
    expect(await ids(NOW)).toEqual(['art-three', 'art-two']);
    expect(await ids(later)).toEqual(['art-three', 'art-two', 'art-one']);
    await images.recordFailure('https://cdn.test/1.png', { error: 'FETCH_TIMEOUT', nextAttemptAt: null }, ['art-one'], later);
    expect((await images.getImage('https://cdn.test/1.png'))?.attempts).toBe(2);
    expect(await images.countImages()).toEqual({ cached: 0, failed: 0, givenUp: 2 });
  });

  it('a later failure never erases a cached image', async () => {
    await images.recordCached(cached('https://cdn.test/1.png'), ['art-one']);
    await images.recordFailure('https://cdn.test/1.png', { error: 'FETCH_FAILED', nextAttemptAt: null }, ['art-one'], NOW);
    expect((await images.getImage('https://cdn.test/1.png'))?.cached?.sha256).toBe(SHA);
    expect(await images.countImages()).toEqual({ cached: 1, failed: 0, givenUp: 0 });
  });

  it('deleting an article removes its links (foreign key)', async () => {
    await images.recordCached(cached('https://cdn.test/1.png'), ['art-one']);
    store.database.prepare("DELETE FROM articles WHERE id = 'art-one'").run();
    expect(store.database.prepare('SELECT count(*) AS n FROM article_images').get()).toEqual({ n: 0 });
  });
});
