import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestFetcher } from '../../test/fixtures/fetcher/test-fetcher.js';
import { HTML_PAGE, makeJpeg, makePng, SVG_WITH_SCRIPT } from '../../test/fixtures/images/make-images.js';
import { makeArticleWrite } from '../../test/fixtures/store/make-article-write.js';
import { startFixtureServer, type FixtureServer } from '../../test/support/fixture-server.js';
import type { NewsRecord } from '../core/record.js';
import { resolveImageLimits } from '../images/check-image.js';
import { createImageFiles } from '../images/image-files.js';
import type { Fetcher } from '../ingest/fetcher/index.js';
import { SqliteImageStore } from '../store/sqlite/images-repository.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { cacheImagesAfterStore, cacheLeadImages, loadCachedImageLookup, type CacheImagesDeps } from './cache-images.js';
import { exportArticles, type ExportOptions } from './export.js';
import { presentRecord, type PresentOptions } from './present-record.js';

const PNG = makePng(30, 20);
const JPEG = makeJpeg(48, 27);
const NOW = new Date('2025-03-01T09:00:00Z');

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n' },
    '/img/lead.png': { headers: { 'content-type': 'image/png' }, body: PNG },
    '/img/lead.jpg': { headers: { 'content-type': 'image/jpeg' }, body: JPEG },
    '/img/evil.svg': { headers: { 'content-type': 'image/svg+xml' }, body: SVG_WITH_SCRIPT },
    '/img/page.png': { headers: { 'content-type': 'image/png' }, body: HTML_PAGE },
    '/img/huge.png': { headers: { 'content-type': 'image/png' }, body: makePng(400, 400) },
    '/img/busy.png': { status: 503, headers: { 'retry-after': '7200' }, body: 'later' },
  });
});
afterAll(() => server.close());

function article(slug: string, imagePath: string | null): ReturnType<typeof makeArticleWrite> {
  const record: NewsRecord = {
    title: `Story ${slug}`,
    webUrl: `https://news.test/${slug}`,
    ...(imagePath ? { images: [{ url: server.url(imagePath), isCached: false }] } : {}),
  };
  return makeArticleWrite(slug, { record });
}

describe('cacheLeadImages against a local server', () => {
  let dir: string;
  let store: SqliteStore;
  let fetcher: Fetcher;
  let deps: CacheImagesDeps;
  beforeEach(async () => {
    server.reset();
    dir = mkdtempSync(join(tmpdir(), 'heatwire-cache-images-'));
    store = await openSqliteStore(join(dir, 'heatwire.db'));
    fetcher = makeTestFetcher({ retries: 0 }).fetcher;
    deps = {
      images: new SqliteImageStore(store.database),
      files: createImageFiles(join(dir, 'images')),
      fetcher,
      now: () => NOW,
      // 400×400 = 160,000 pixels: over this limit, the others under it.
      limits: resolveImageLimits({ maxPixels: 100_000 }),
    };
  });
  afterEach(async () => {
    await fetcher.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('caches real PNG and JPEG, refuses SVG, HTML-as-PNG and oversize, records a 404, keeps going', async () => {
    await store.upsertArticles(
      [
        article('png', '/img/lead.png'),
        article('jpg', '/img/lead.jpg'),
        article('svg', '/img/evil.svg'),
        article('html', '/img/page.png'),
        article('huge', '/img/huge.png'),
        article('gone', '/img/missing.png'),
        article('none', null),
      ],
      NOW.toISOString(),
    );
    const progress: number[] = [];
    const summary = await cacheLeadImages({ ...deps, onProgress: (p) => progress.push(p.done) });
    expect(summary.cached).toBe(2);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const failures = Object.fromEntries(summary.failed.map((f) => [f.url.replace(server.origin, ''), f]));
    expect(Object.keys(failures).sort()).toEqual(['/img/evil.svg', '/img/huge.png', '/img/missing.png', '/img/page.png']);
    expect(failures['/img/evil.svg']).toMatchObject({ code: 'IMAGE_REFUSED', articleIds: ['art-svg'], nextAttemptAt: null });
    expect(failures['/img/evil.svg']?.reason).toMatch(/markup/);
    expect(failures['/img/page.png']).toMatchObject({ code: 'IMAGE_REFUSED' });
    expect(failures['/img/huge.png']?.reason).toMatch(/400×400 is over the 100000-pixel limit/);
    expect(failures['/img/missing.png']).toMatchObject({ code: 'FETCH_FAILED', nextAttemptAt: null });
    expect(failures['/img/missing.png']?.reason).toMatch(/404/);

    // The fetcher asked for images, through robots.txt like every other fetch.
    const request = server.requests.find((r) => r.path === '/img/lead.png');
    expect(request?.headers.accept).toMatch(/^image\//);
    expect(server.hits('/robots.txt')).toBe(1);

    // Dimensions and content-addressed files.
    const png = await deps.images.getImage(server.url('/img/lead.png'));
    expect(png?.cached).toMatchObject({ width: 30, height: 20, contentType: 'image/png', ext: 'png', bytes: PNG.length });
    const jpg = await deps.images.getImage(server.url('/img/lead.jpg'));
    expect(jpg?.cached).toMatchObject({ width: 48, height: 27, contentType: 'image/jpeg', ext: 'jpg' });
    expect(readdirSync(join(dir, 'images')).sort()).toEqual([`${jpg!.cached!.sha256}.jpg`, `${png!.cached!.sha256}.png`].sort());
    expect(readFileSync(join(dir, 'images', `${png!.cached!.sha256}.png`)).equals(PNG)).toBe(true);

    // Failed articles are kept; nothing is tried again before it is due (all were final here).
    expect(await store.getArticle('art-gone')).not.toBeNull();
    expect((await deps.images.getImage(server.url('/img/missing.png')))?.error).toMatch(/^FETCH_FAILED/);
    server.reset();
    const again = await cacheLeadImages(deps);
    expect(again).toEqual({ cached: 0, alreadyCached: 0, skipped: 0, failed: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an image over the byte limit before reading it whole (fetcher cap)', async () => {
    await store.upsertArticles([article('jpg', '/img/lead.jpg')], NOW.toISOString());
    const summary = await cacheLeadImages({ ...deps, limits: resolveImageLimits({ maxBytes: JPEG.length - 1 }) });
    expect(summary.failed[0]).toMatchObject({ code: 'FETCH_TOO_LARGE', nextAttemptAt: null });
    expect(readdirSync(dir)).not.toContain('images');
  });

  it('backs a retryable failure off (Retry-After) and tries it again when due', async () => {
    await store.upsertArticles([article('busy', '/img/busy.png')], NOW.toISOString());
    const first = await cacheLeadImages(deps);
    expect(first.failed).toHaveLength(1);
    expect(first.failed[0]).toMatchObject({ code: 'FETCH_FAILED', nextAttemptAt: '2025-03-01T11:00:00.000Z' });
    expect(await cacheLeadImages(deps)).toMatchObject({ cached: 0, failed: [] });
    server.route('/img/busy.png', { headers: { 'content-type': 'image/png' }, body: PNG });
    const later = await cacheLeadImages({ ...deps, now: () => new Date('2025-03-01T11:00:01Z') });
    expect(later.cached).toBe(1);
    expect((await deps.images.getImage(server.url('/img/busy.png')))?.attempts).toBe(2);
  });

  it('fetches a URL shared by several articles once and links them all', async () => {
    await store.upsertArticles([article('a', '/img/lead.png'), article('b', '/img/lead.png')], NOW.toISOString());
    const summary = await cacheLeadImages(deps);
    expect(summary).toMatchObject({ cached: 1, failed: [] });
    expect(server.hits('/img/lead.png')).toBe(1);
    // A third article arriving later with the same image is linked without a fetch.
    await store.upsertArticles([article('c', '/img/lead.png')], NOW.toISOString());
    expect(await cacheLeadImages(deps)).toMatchObject({ cached: 0, alreadyCached: 1 });
    expect(server.hits('/img/lead.png')).toBe(1);
  });

  it('fetches at most `concurrency` images at once', async () => {
    server.route('/img/slow.png', { headers: { 'content-type': 'image/png' }, body: PNG, delayMs: 60 });
    // Six hosts (all *.test names resolve to 127.0.0.1 in the test fetcher), so only our bound limits.
    const writes = Array.from({ length: 6 }, (_, i) => {
      const record: NewsRecord = { title: `Story ${i}`, images: [{ url: `http://h${i}.test:${server.port}/img/slow.png` }] };
      return makeArticleWrite(`slow-${i}`, { record });
    });
    await store.upsertArticles(writes, NOW.toISOString());
    server.reset();
    const summary = await cacheLeadImages({ ...deps, concurrency: 3 });
    expect(summary.cached).toBe(6);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThanOrEqual(2);
  });

  it('as an afterStore hook, caches the images of new articles only', async () => {
    const hook = cacheImagesAfterStore(deps);
    const writes = [article('new', '/img/lead.png'), article('dup', '/img/lead.jpg')];
    await hook(writes, ['new', 'duplicate']);
    expect((await deps.images.getImage(server.url('/img/lead.png')))?.cached).not.toBeNull();
    expect(await deps.images.getImage(server.url('/img/lead.jpg'))).toBeNull();
  });

  it('presented and exported records show isCached true and the Heatwire URL once cached', async () => {
    await store.upsertArticles([article('png', '/img/lead.png'), article('gone', '/img/missing.png')], NOW.toISOString());
    const before = await loadCachedImageLookup(deps.images);
    const row = (await store.getArticle('art-png'))!;
    expect(presentRecord(row, { cachedImage: before }).record.images).toEqual([{ url: server.url('/img/lead.png'), isCached: false }]);

    await cacheLeadImages(deps);
    const after = await deps.images.allCached();
    const one = await loadCachedImageLookup(deps.images, [server.url('/img/lead.png')]);
    const presented = presentRecord(row, { extended: true, cachedImage: one }).record;
    expect(presented.images).toEqual([{ url: server.url('/img/lead.png'), width: 30, height: 20, isCached: true }]);
    const sha = after.get(server.url('/img/lead.png'))!.sha256;
    expect((presented.heatwire as { images: unknown }).images).toEqual([
      { sourceUrl: server.url('/img/lead.png'), url: `/images/${sha}.png`, contentType: 'image/png', width: 30, height: 20, bytes: PNG.length },
    ]);

    let out = '';
    const options: ExportOptions & PresentOptions = { format: 'jsonl', write: (t) => (out += t), cachedImage: await loadCachedImageLookup(deps.images) };
    await exportArticles(store, options);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { title: string; images: unknown[] });
    expect(lines.find((l) => l.title === 'Story png')?.images).toEqual([{ url: server.url('/img/lead.png'), width: 30, height: 20, isCached: true }]);
    // The failed image's record is exported exactly as it came.
    expect(lines.find((l) => l.title === 'Story gone')?.images).toEqual([{ url: server.url('/img/missing.png'), isCached: false }]);
  });
});
