import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { SqliteSourceStore } from './sources-repository.js';

let store: SqliteStore;
let sources: SqliteSourceStore;
const T0 = '2025-03-01T00:00:00.000Z';

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  sources = new SqliteSourceStore(store.database);
});
afterEach(async () => {
  await store.close();
});

describe('SqliteSourceStore', () => {
  it('adds a source with default settings, due at once; the same feed URL is not added twice', async () => {
    const first = await sources.addSource({ feedUrl: 'https://a.example/feed', title: 'A', settings: { tags: ['Tech'] } }, T0);
    expect(first.added).toBe(true);
    expect(first.source).toMatchObject({
      feedUrl: 'https://a.example/feed',
      title: 'A',
      nextCheckAt: T0,
      errorCount: 0,
      consecutiveFailures: 0,
      settings: { fullText: 'auto', minPollMinutes: 15, maxPollMinutes: 1440, tags: ['Tech'] },
    });
    const again = await sources.addSource({ feedUrl: 'https://a.example/feed', title: 'Other' }, '2025-03-02T00:00:00.000Z');
    expect(again).toEqual({ source: first.source, added: false });
    expect(await sources.listSources()).toHaveLength(1);
  });

  it('finds by id and by URL, removes', async () => {
    const { source } = await sources.addSource({ feedUrl: 'https://a.example/feed' }, T0);
    expect((await sources.getSource(source.id))?.feedUrl).toBe('https://a.example/feed');
    expect((await sources.getSource('https://a.example/feed'))?.id).toBe(source.id);
    expect(await sources.getSource('https://b.example/feed')).toBeNull();
    expect(await sources.removeSource(source.id)).toBe(true);
    expect(await sources.removeSource(source.id)).toBe(false);
  });

  it('refuses invalid settings', async () => {
    await expect(sources.addSource({ feedUrl: 'https://a.example/f', settings: { fullText: 'sometimes' as 'auto' } }, T0)).rejects.toThrow();
  });

  it('records successes and failures: counters, validators, history kept', async () => {
    const { source } = await sources.addSource({ feedUrl: 'https://a.example/feed' }, T0);
    let s = await sources.recordPoll(source.id, { ok: false, checkedAt: T0, nextCheckAt: '2025-03-01T00:30:00.000Z', error: 'FETCH_FAILED HTTP 500' });
    s = await sources.recordPoll(source.id, { ok: false, checkedAt: T0, nextCheckAt: '2025-03-01T01:00:00.000Z', error: 'x'.repeat(2000) });
    expect(s).toMatchObject({ errorCount: 2, consecutiveFailures: 2, lastSuccessAt: null, nextCheckAt: '2025-03-01T01:00:00.000Z' });
    expect(s.lastError).toHaveLength(500);
    s = await sources.recordPoll(source.id, {
      ok: true, checkedAt: '2025-03-01T02:00:00.000Z', nextCheckAt: '2025-03-01T02:15:00.000Z',
      changed: false, etag: '"v1"', lastModified: 'Sat, 01 Mar 2025 00:00:00 GMT', title: 'Feed A', siteUrl: 'https://a.example/',
    });
    expect(s).toMatchObject({
      errorCount: 2, // history stays visible in `sources list`
      consecutiveFailures: 0,
      consecutiveUnchanged: 1,
      etag: '"v1"',
      lastSuccessAt: '2025-03-01T02:00:00.000Z',
      title: 'Feed A',
      siteUrl: 'https://a.example/',
    });
    s = await sources.recordPoll(source.id, {
      ok: true, checkedAt: T0, nextCheckAt: T0, changed: true, etag: null, lastModified: null, title: 'Renamed',
    });
    expect(s).toMatchObject({ consecutiveUnchanged: 0, title: 'Feed A', etag: null });
    await expect(sources.recordPoll(999, { ok: false, checkedAt: T0, nextCheckAt: T0, error: 'x' })).rejects.toThrow(/source 999/);
  });

  it('lists due sources, most overdue first, up to the limit', async () => {
    const a = (await sources.addSource({ feedUrl: 'https://a.example/f' }, '2025-03-01T00:00:03.000Z')).source;
    const b = (await sources.addSource({ feedUrl: 'https://b.example/f' }, '2025-03-01T00:00:01.000Z')).source;
    const c = (await sources.addSource({ feedUrl: 'https://c.example/f' }, '2025-03-01T00:00:02.000Z')).source;
    await sources.recordPoll(c.id, { ok: false, checkedAt: T0, nextCheckAt: '2025-03-02T00:00:00.000Z', error: 'e' });
    expect((await sources.dueSources('2025-03-01T12:00:00.000Z', 10)).map((s) => s.id)).toEqual([b.id, a.id]);
    expect((await sources.dueSources('2025-03-01T12:00:00.000Z', 1)).map((s) => s.id)).toEqual([b.id]);
    expect((await sources.dueSources('2025-03-03T00:00:00.000Z', 10)).map((s) => s.id)).toEqual([b.id, a.id, c.id]);
  });

  it('reads a corrupted settings blob as the defaults instead of failing', async () => {
    const { source } = await sources.addSource({ feedUrl: 'https://a.example/f' }, T0);
    store.database.prepare(`UPDATE sources SET settings_json = '{"fullText":"bogus"}' WHERE id = ?`).run(source.id);
    expect((await sources.getSource(source.id))?.settings.fullText).toBe('auto');
  });
});
