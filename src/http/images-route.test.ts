import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJpeg } from '../../test/fixtures/images/make-images.js';
import { checkImage } from '../images/check-image.js';
import { createImageFiles } from '../images/image-files.js';
import { SqliteImageStore } from '../store/sqlite/images-repository.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './app.js';

const JPEG = makeJpeg(32, 16);
const IMG = checkImage(JPEG);

describe('GET /images/:sha256.:ext', () => {
  let dir: string;
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'heatwire-images-route-'));
    store = await openSqliteStore(':memory:');
    const images = new SqliteImageStore(store.database);
    const files = createImageFiles(join(dir, 'images'));
    await files.write(IMG.sha256, IMG.ext, JPEG);
    await images.recordCached(
      { sourceUrl: 'https://cdn.test/lead.jpg', sha256: IMG.sha256, ext: IMG.ext, contentType: IMG.contentType, bytes: IMG.bytes, width: 32, height: 16, fetchedAt: '2025-01-01T00:00:00Z' },
      [],
    );
    // A file that must never be reachable through the route.
    writeFileSync(join(dir, 'heatwire.db'), 'secret');
    app = createApp({ store, images: { images, files } });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the bytes with the stored type, an immutable cache and nosniff', async () => {
    const res = await app.request(`/images/${IMG.sha256}.jpg`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-length')).toBe(String(JPEG.length));
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('answers a revalidation with 304 and no body', async () => {
    const res = await app.request(`/images/${IMG.sha256}.jpg`, { headers: { 'if-none-match': `W/"x", "${IMG.sha256}"` } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(`"${IMG.sha256}"`);
  });

  it('is a 404 when the record exists but the file is gone', async () => {
    rmSync(join(dir, 'images', `${IMG.sha256}.jpg`));
    expect((await app.request(`/images/${IMG.sha256}.jpg`)).status).toBe(404);
  });

  it.each([
    `/images/${'0'.repeat(64)}.jpg`, // well-formed, not cached
    `/images/${IMG.sha256}.png`, // cached under another type
    '/images/..%2Fheatwire.db',
    '/images/%2e%2e%2fheatwire.db',
    '/images/..%5Cheatwire.db',
    '/images/../heatwire.db',
    `/images/${IMG.sha256}.jpg%00`,
    `/images/${IMG.sha256.toUpperCase()}.jpg`,
    '/images/',
  ])('answers 404 for %s', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });

  it('is a 404 when the app has no image cache', async () => {
    const bare = createApp({ store });
    expect((await bare.request(`/images/${IMG.sha256}.jpg`)).status).toBe(404);
  });
});
