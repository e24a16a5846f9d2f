import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../../test/fixtures/images/make-images.js';
import { checkImage } from '../images/check-image.js';
import { createImageFiles } from '../images/image-files.js';
import { loadKeyRing } from '../secure/index.js';
import { ingestPaths } from '../services/ingest.js';
import { SqliteImageStore } from '../store/sqlite/images-repository.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './app.js';

const JPEG = makeJpeg(48, 24);
const IMG = checkImage(JPEG);
const CACHED_URL = 'https://cdn.harbour.test/cranes.jpg';
const UNCACHED_URL = 'https://pixel.tracker.test/pier.jpg?uid=42';
const LOCAL = `/images/${IMG.sha256}.jpg`;

interface ApiArticle {
  id: string;
  title: string;
  leadImage: { url: string; width: number; height: number; contentType: string } | null;
}

/** Lead images in the web page and the JSON API: Heatwire's own copy when cached, nothing otherwise. */
describe('lead images in the app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-app-images-'));
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  let bare: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openSqliteStore(':memory:');
    const ring = await loadKeyRing({ keyFile: join(dir, 'key'), createIfMissing: true });
    const lines = [
      { title: 'Harbour cranes return to work', webUrl: 'https://harbour.test/cranes', topics: ['Ports'], images: [{ url: CACHED_URL, isCached: false }] },
      { title: 'Pier closes for repairs', webUrl: 'https://harbour.test/pier', topics: ['Ports'], images: [{ url: UNCACHED_URL, width: 10, height: 10 }] },
      { title: 'Ferry timetable changes', webUrl: 'https://harbour.test/ferry', topics: ['Ports'] },
    ];
    writeFileSync(join(dir, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    await ingestPaths([join(dir, 'in.jsonl')], { store, ring, now: () => new Date(), maxInputBytes: 1e6 });
    const images = new SqliteImageStore(store.database);
    const files = createImageFiles(join(dir, 'images'));
    await files.write(IMG.sha256, IMG.ext, JPEG);
    await images.recordCached(
      { sourceUrl: CACHED_URL, sha256: IMG.sha256, ext: IMG.ext, contentType: IMG.contentType, bytes: IMG.bytes, width: 48, height: 24, fetchedAt: '2025-01-01T00:00:00Z' },
      [],
    );
    app = createApp({ store, images: { images, files } });
    bare = createApp({ store });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the home page and topic page show only the cached image, from this server, under img-src self', async () => {
    for (const path of ['/', '/?topic=Ports']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("img-src 'self'");
      const body = await res.text();
      const imgs = [...body.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
      expect(imgs).toEqual([`<img src="${LOCAL}" alt="" width="48" height="24" loading="lazy" decoding="async" />`]);
      // The publisher's URLs appear nowhere in the page: no hot-linking, no tracker.
      expect(body).not.toContain('cdn.harbour.test');
      expect(body).not.toContain('tracker.test');
    }
    const served = await app.request(LOCAL);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('without the image cache the page shows no image at all', async () => {
    const body = await (await bare.request('/')).text();
    expect(body).toContain('Harbour cranes return to work');
    expect(body).not.toMatch(/<img\b/);
    expect((await bare.request(LOCAL)).status).toBe(404);
  });

  it('the API gives the Heatwire URL as leadImage when cached, null otherwise', async () => {
    const res = await app.request('/api/v1/articles');
    const text = await res.text();
    expect(text).not.toContain('tracker.test');
    const { articles } = JSON.parse(text) as { articles: ApiArticle[] };
    const byTitle = new Map(articles.map((a) => [a.title, a]));
    expect(byTitle.get('Harbour cranes return to work')?.leadImage).toEqual({ url: LOCAL, contentType: 'image/jpeg', width: 48, height: 24 });
    expect(byTitle.get('Pier closes for repairs')?.leadImage).toBeNull();
    expect(byTitle.get('Ferry timetable changes')?.leadImage).toBeNull();
    const withoutCache = (await (await bare.request('/api/v1/articles')).json()) as { articles: ApiArticle[] };
    expect(withoutCache.articles.map((a) => a.leadImage)).toEqual([null, null, null]);
  });

  it('one article: leadImage, and the record marks the cached image (its own values stand)', async () => {
    const { articles } = (await (await app.request('/api/v1/articles')).json()) as { articles: ApiArticle[] };
    const cranes = articles.find((a) => a.title.startsWith('Harbour'))!;
    const pier = articles.find((a) => a.title.startsWith('Pier'))!;
    const one = (await (await app.request(`/api/v1/articles/${cranes.id}`)).json()) as ApiArticle & { record: { images: unknown[] } };
    expect(one.leadImage?.url).toBe(LOCAL);
    expect(one.record.images).toEqual([{ url: CACHED_URL, width: 48, height: 24, isCached: true }]);
    const other = (await (await app.request(`/api/v1/articles/${pier.id}`)).json()) as ApiArticle & { record: { images: unknown[] } };
    expect(other.leadImage).toBeNull();
    // Not cached: the record goes out as stored (no isCached invented).
    expect(other.record.images).toEqual([{ url: UNCACHED_URL, width: 10, height: 10 }]);
  });
});
