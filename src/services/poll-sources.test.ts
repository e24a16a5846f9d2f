import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/sources/load-fixture.js';
import { makeTestFetcher } from '../../test/fixtures/fetcher/test-fetcher.js';
import { hang, redirectTo, sequence, startFixtureServer, type FixtureServer } from '../../test/support/fixture-server.js';
import { createKeyRing, decryptText, type KeyRing } from '../secure/index.js';
import { SqliteSourceStore } from '../store/sqlite/sources-repository.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import type { ArticleRow } from '../store/store.js';
import { pollSource, pollSources, type PollSourcesDeps } from './poll-sources.js';

let server: FixtureServer;
let store: SqliteStore;
let sources: SqliteSourceStore;
let deps: PollSourcesDeps;
const ring: KeyRing = createKeyRing([randomBytes(32)]);
let clock = Date.UTC(2025, 2, 10, 12);
const rss = { 'content-type': 'application/rss+xml; charset=utf-8' };
const html = { 'content-type': 'text/html; charset=utf-8' };

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  const o = server.origin;
  server.route('/feed.xml', { headers: rss, body: loadFixture('teaser-feed.xml', o) });
  server.route('/news/battery-lab', { headers: html, body: loadFixture('battery-lab.html', o) });
  server.route('/news/chief-scientist', { headers: html, body: loadFixture('chief-scientist.html', o) });
  server.route('/quayside/feed.json', { headers: { 'content-type': 'application/feed+json' }, body: loadFixture('full-feed.json', o) });
  store = await openSqliteStore(':memory:');
  sources = new SqliteSourceStore(store.database);
  clock = Date.UTC(2025, 2, 10, 12);
  const { fetcher } = makeTestFetcher({ retries: 0 });
  deps = { store, ring, sources, fetcher, now: () => new Date(clock), random: () => 0.5 };
});
afterEach(async () => {
  await deps.fetcher.close();
  await store.close();
});

async function textOf(row: ArticleRow | null): Promise<string> {
  if (row?.secured?.kind !== 'own') throw new Error('no own text');
  return decryptText(row.secured.ciphertext, row.secured.keyId, ring);
}

async function add(path: string, settings = {}) {
  return (await sources.addSource({ feedUrl: server.url(path), settings }, new Date(clock).toISOString())).source;
}

describe('pollSource', () => {
  it('fetches the pages of teaser items and stores their full text, feed title and date kept', async () => {
    const source = await add('/feed.xml');
    const report = await pollSource(source, deps);
    expect(report).toMatchObject({ status: 'changed', new: 2, updated: 0, pagesFetched: 2, pageFailures: [], itemFailures: [] });
    expect(server.hits('/news/battery-lab')).toBe(1);
    const rows = await store.listArticles({ limit: 10 });
    const lab = rows.find((r) => r.title.startsWith('Tidewater'));
    expect(lab?.record.title).toBe('Tidewater Robotics opens a battery lab in Porthaven'); // feed title, not the page's
    expect(lab?.record.publishedDateTime).toBe('2025-03-04T09:30:00Z'); // feed date
    expect(lab?.record.provider?.name).toBe('Harbour Ledger'); // page site name
    expect(lab?.record.images?.[0]).toMatchObject({ url: server.url('/img/battery-lab.jpg'), width: 1200, height: 630 });
    const text = await textOf(lab ?? null);
    expect(text).toContain('sodium-based chemistries');
    expect(text).not.toContain('All rights reserved');
    const after = await sources.getSource(source.id);
    expect(after).toMatchObject({ title: 'Harbour Ledger Technology', siteUrl: server.url('/'), consecutiveUnchanged: 0, errorCount: 0 });
    expect(after?.nextCheckAt).toBe(new Date(clock + 15 * 60_000).toISOString()); // changed → minPoll
  });

  it('never fetches pages when the source says fullText: never; always fetches with always', async () => {
    const never = await add('/feed.xml', { fullText: 'never' });
    expect(await pollSource(never, deps)).toMatchObject({ new: 2, pagesFetched: 0 });
    expect(server.hits('/news/battery-lab')).toBe(0);
    const row = (await store.listArticles({ limit: 10 })).find((r) => r.title.startsWith('Tidewater'));
    expect(await textOf(row ?? null)).not.toContain('sodium');

    const always = await add('/quayside/feed.json', { fullText: 'always' });
    server.route('/quayside/tugboats', { headers: html, body: '<html><body><p>Short page.</p></body></html>' });
    const report = await pollSource(always, deps);
    expect(report).toMatchObject({ new: 1, pagesFetched: 1 });
    // The page said less than the feed's full content: the feed's text is kept.
    const tug = (await store.listArticles({ limit: 10 })).find((r) => r.title.startsWith('Electric'));
    expect(await textOf(tug ?? null)).toContain('two joysticks');
  });

  it('a page that fails keeps the teaser and is reported, not a source failure', async () => {
    server.route('/news/chief-scientist', { status: 404, body: 'gone' });
    const report = await pollSource(await add('/feed.xml'), deps);
    expect(report.status).toBe('changed');
    expect(report.new).toBe(2);
    expect(report.pageFailures).toEqual([expect.objectContaining({ url: server.url('/news/chief-scientist'), code: 'FETCH_FAILED' })]);
  });

  it('sends the stored validators; a 304 stores nothing and stretches the next check', async () => {
    let seen: Record<string, string | undefined> = {};
    server.route(
      '/feed.xml',
      sequence(
        { headers: { ...rss, etag: '"v1"', 'last-modified': 'Mon, 10 Mar 2025 11:00:00 GMT' }, body: loadFixture('teaser-feed.xml', server.origin) },
        (req, res) => {
          seen = { inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] };
          res.writeHead(304).end();
        },
      ),
    );
    const source = await add('/feed.xml', { fullText: 'never' });
    await pollSource(source, deps);
    const stored = await sources.getSource(source.id);
    expect(stored).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 10 Mar 2025 11:00:00 GMT' });
    clock += 3600_000;
    const report = await pollSource(stored!, deps);
    expect(seen).toEqual({ inm: '"v1"', ims: 'Mon, 10 Mar 2025 11:00:00 GMT' });
    expect(report).toMatchObject({ status: 'not-modified', new: 0, updated: 0 });
    const after = await sources.getSource(source.id);
    expect(after).toMatchObject({ etag: '"v1"', consecutiveUnchanged: 1, lastSuccessAt: new Date(clock).toISOString() });
    expect(after?.nextCheckAt).toBe(new Date(clock + 22.5 * 60_000).toISOString()); // 15 min × 1.5
    expect(await store.countArticles()).toBe(2);
  });

  it('a teaser already stored is not fetched again, and its full text is not overwritten', async () => {
    const source = await add('/feed.xml');
    await pollSource(source, deps);
    expect(server.hits('/news/battery-lab')).toBe(1);
    const again = await pollSource((await sources.getSource(source.id))!, deps);
    expect(again).toMatchObject({ status: 'unchanged', new: 0, updated: 0, duplicate: 2, pagesFetched: 0 });
    expect(server.hits('/news/battery-lab')).toBe(1);
    const lab = (await store.listArticles({ limit: 10 })).find((r) => r.title.startsWith('Tidewater'));
    expect(await textOf(lab ?? null)).toContain('sodium-based chemistries');
    // The feed says the item was updated after what is stored: its page is fetched again.
    const updatedFeed = loadFixture('teaser-feed.xml', server.origin).replace(
      '<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>',
      '<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate><atom:updated xmlns:atom="http://www.w3.org/2005/Atom">2025-03-09T10:00:00Z</atom:updated>',
    );
    server.route('/feed.xml', { headers: rss, body: updatedFeed });
    const third = await pollSource((await sources.getSource(source.id))!, deps);
    expect(third.pagesFetched).toBe(1);
    expect(server.hits('/news/battery-lab')).toBe(2);
  });

  it('a teaser stored alone (its page failed) gets its page tried again on the next poll', async () => {
    server.route('/news/battery-lab', { status: 503, body: 'busy' });
    const source = await add('/feed.xml');
    expect((await pollSource(source, deps)).pageFailures).toHaveLength(1);
    server.route('/news/battery-lab', { headers: html, body: loadFixture('battery-lab.html', server.origin) });
    const again = await pollSource((await sources.getSource(source.id))!, deps);
    expect(again).toMatchObject({ pagesFetched: 1, updated: 1, duplicate: 1, pageFailures: [] });
    const lab = (await store.listArticles({ limit: 10 })).find((r) => r.title.startsWith('Tidewater'));
    expect(await textOf(lab ?? null)).toContain('sodium-based chemistries');
  });

  it('polling the same feed again stores duplicates, not new articles', async () => {
    const source = await add('/feed.xml');
    await pollSource(source, deps);
    const again = await pollSource((await sources.getSource(source.id))!, deps);
    expect(again).toMatchObject({ status: 'unchanged', new: 0, updated: 0, duplicate: 2 });
    expect((await sources.getSource(source.id))?.consecutiveUnchanged).toBe(1);
  });
});

describe('pollSource: a feed that moved', () => {
  it('a permanent redirect (301/308) moves the source to the new address; a temporary one does not', async () => {
    server.route('/old-feed.xml', redirectTo('/feed.xml', 301));
    server.route('/detour.xml', redirectTo('/feed.xml', 302));
    server.route('/taken.xml', redirectTo('/quayside/feed.json', 308));
    const moved = await add('/old-feed.xml');
    const detour = await add('/detour.xml');
    const taken = await add('/taken.xml');
    await add('/quayside/feed.json');
    for (const s of [moved, detour, taken]) expect((await pollSource(s, deps)).status).not.toBe('failed');
    expect((await sources.getSource(moved.id))?.feedUrl).toBe(server.url('/feed.xml'));
    expect((await sources.getSource(detour.id))?.feedUrl).toBe(server.url('/detour.xml'));
    // Another source already follows the new address: both stay as they are.
    expect((await sources.getSource(taken.id))?.feedUrl).toBe(server.url('/taken.xml'));
  });
});

describe('pollSources: failures', () => {
  it('a 500 source records the error and backs off more each time; the other sources still ingest', async () => {
    server.route('/broken.xml', { status: 500, body: 'internal error' });
    const broken = await add('/broken.xml');
    const good = await add('/quayside/feed.json');
    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const due = await sources.dueSources(new Date(clock + 30 * 86_400_000).toISOString(), 10);
      const reports = await pollSources(due.filter((s) => s.id === broken.id || i === 1), deps);
      const failed = reports.find((r) => r.id === broken.id);
      expect(failed).toMatchObject({ status: 'failed', error: { code: 'FETCH_FAILED' } });
      if (i === 1) expect(reports.find((r) => r.id === good.id)).toMatchObject({ status: 'changed', new: 1 });
      const s = (await sources.getSource(broken.id))!;
      expect(s).toMatchObject({ errorCount: i, consecutiveFailures: i, lastSuccessAt: null });
      expect(s.lastError).toMatch(/^FETCH_FAILED .*HTTP 500/);
      delays.push(Date.parse(s.nextCheckAt) - clock);
    }
    expect(delays.map((d) => d / 60_000)).toEqual([30, 60, 120, 240]);
    expect(await sources.getSource(broken.id)).not.toBeNull(); // backed off, never dropped
    // It recovers: the counters of the streak reset, the history stays.
    server.route('/broken.xml', { headers: rss, body: loadFixture('teaser-feed.xml', server.origin) });
    const ok = await pollSource((await sources.getSource(broken.id))!, { ...deps });
    expect(ok.status).toBe('changed');
    expect(await sources.getSource(broken.id)).toMatchObject({ consecutiveFailures: 0, errorCount: 4 });
  });

  it('an HTML page where the feed was records FEED_INVALID; an unreachable host, FETCH_*', async () => {
    server.route('/not-a-feed', { headers: html, body: loadFixture('home.html', server.origin) });
    const page = await add('/not-a-feed');
    const reports = await pollSources([page], deps);
    expect(reports[0]?.error?.code).toBe('FEED_INVALID');
    expect(reports[0]?.error?.message).toContain(server.url('/feed.xml')); // names the feed it announces
    const nowhere = (await sources.addSource({ feedUrl: 'http://nowhere.invalid/feed' }, new Date(clock).toISOString())).source;
    const r2 = await pollSources([nowhere], deps);
    expect(r2[0]?.status).toBe('failed');
    expect((await sources.getSource(nowhere.id))?.errorCount).toBe(1);
  });
});

describe('startSourcePolling (the serve scheduler)', () => {
  it('on a fake timer: polls the due sources from the store on each tick, then nothing until they are due again', async () => {
    const { startSourcePolling } = await import('./start-source-polling.js');
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const timer = {
      now: () => new Date(clock),
      setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      clearTimeout: () => undefined,
    };
    const a = await add('/feed.xml', { fullText: 'never' });
    const b = await add('/quayside/feed.json');
    const polled: number[] = [];
    const fire = async () => {
      const next = timers.shift();
      if (!next) throw new Error('no timer pending');
      clock += next.ms;
      next.fn();
      for (let i = 0; i < 200 && !timers.length; i++) await new Promise((r) => setTimeout(r, 5));
      return next.ms;
    };
    const scheduler = startSourcePolling({ ...deps, timer, intervalMs: 60_000, onReport: (r) => polled.push(r.id) });
    expect(await fire()).toBe(0);
    expect(polled.sort()).toEqual([a.id, b.id]);
    expect(await store.countArticles()).toBe(3);
    // Both were polled: nothing is due for the next 14 minutes of ticks.
    for (let i = 0; i < 14; i++) expect(await fire()).toBe(60_000);
    expect(polled).toHaveLength(2);
    await fire(); // 15 minutes later both changed sources are due again
    expect(polled).toHaveLength(4);
    await scheduler.stop();
  });

  it('stop() aborts a poll stuck on a hanging server at once, and records nothing for it', async () => {
    const { startSourcePolling } = await import('./start-source-polling.js');
    server.route('/hanging.xml', hang());
    const source = await add('/hanging.xml');
    const timers: Array<() => void> = [];
    const timer = { now: () => new Date(clock), setTimeout: (fn: () => void) => timers.push(fn), clearTimeout: () => undefined };
    const scheduler = startSourcePolling({ ...deps, timer });
    timers.shift()?.();
    for (let i = 0; i < 100 && server.hits('/hanging.xml') === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.hits('/hanging.xml')).toBe(1);
    const started = Date.now();
    await scheduler.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await sources.getSource(source.id)).toMatchObject({ errorCount: 0, lastCheckedAt: null });
    expect(timers).toHaveLength(0); // no tick after stop
  });
});
