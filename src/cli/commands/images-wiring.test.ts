import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../../test/fixtures/images/make-images.js';
import { cli, tempDataDir } from '../../../test/support/cli.js';
import { startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import { createApp } from '../../http/app.js';
import { openContext } from '../context.js';
import { createServeAppDeps } from './serve.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/images-wiring');
const fixture = (name: string, origin: string) => readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{{origin}}', origin);
const LOCAL_IMAGE = /^\/images\/[0-9a-f]{64}\.png$/;
const PIER_PNG = makePng(20, 10);
const LIGHTHOUSE_PNG = makePng(16, 12, [20, 60, 200]);

interface Shown {
  record: { images?: Array<Record<string, unknown>>; heatwire?: { images?: Array<Record<string, unknown>> } };
}

/** The lead-image cache wired into ingest (fetched articles), sources check, export, show and serve. */
describe('lead-image cache wiring (CLI)', () => {
  let server: FixtureServer;
  const data = tempDataDir();
  let env: NodeJS.ProcessEnv;
  let pierRecord: Record<string, unknown>;
  const plainRecord = { title: 'Ferry timetable changes for spring', webUrl: 'https://coast.test/ferry' };

  beforeAll(async () => {
    server = await startFixtureServer({
      '/img/pier.png': { headers: { 'content-type': 'image/png' }, body: PIER_PNG },
      '/img/lighthouse.png': { headers: { 'content-type': 'image/png' }, body: LIGHTHOUSE_PNG },
      '/img/gulls.png': { headers: { 'content-type': 'image/png' }, body: makePng(8, 8) },
    });
    server.route('/news/lighthouse', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('lighthouse.html', server.origin) });
    server.route('/bulletin/feed.json', { headers: { 'content-type': 'application/feed+json' }, body: fixture('gulls-feed.json', server.origin) });
    env = { ...data.env, HEATWIRE_ALLOW_PRIVATE: '127.0.0.1' };
    pierRecord = { title: 'Pier closes for repairs', webUrl: 'https://coast.test/pier', images: [{ url: server.url('/img/pier.png'), isCached: false }] };
    const file = join(data.dir, 'in.jsonl');
    writeFileSync(file, [pierRecord, plainRecord].map((r) => JSON.stringify(r)).join('\n'));
    expect((await cli(['ingest', file], env)).code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const exportJsonl = async (...flags: string[]) => {
    const run = await cli(['export', '--format', 'jsonl', ...flags], env);
    expect(run.code).toBe(0);
    return run.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & Shown['record']);
  };

  it('ingesting a file fetches no image, and export gives the records exactly as stored', async () => {
    expect(server.hits('/img/pier.png')).toBe(0);
    expect(await exportJsonl()).toEqual([pierRecord, plainRecord]);
  });

  it('after images fetch, export marks the cached image; --extended and show add its Heatwire URL', async () => {
    expect((await cli(['images', 'fetch'], env)).code).toBe(0);
    const plain = await exportJsonl();
    expect(plain[0]).toEqual({ ...pierRecord, images: [{ url: server.url('/img/pier.png'), width: 20, height: 10, isCached: true }] });
    expect(plain[0]).not.toHaveProperty('heatwire');
    expect(plain[1]).toEqual(plainRecord);

    const extended = await exportJsonl('--extended');
    const cached = extended[0]?.heatwire?.images;
    expect(cached).toEqual([
      { sourceUrl: server.url('/img/pier.png'), url: expect.stringMatching(LOCAL_IMAGE), contentType: 'image/png', width: 20, height: 10, bytes: PIER_PNG.length },
    ]);
    expect(extended[1]?.heatwire).not.toHaveProperty('images');

    const document = await cli(['export', '--format', 'record'], env);
    expect(document.out).toMatch(/isCached: true/);

    const shown = JSON.parse((await cli(['--json', 'show', 'https://coast.test/pier'], env)).out) as Shown;
    expect(shown.record.images?.[0]?.isCached).toBe(true);
    expect(shown.record.heatwire?.images).toEqual(cached);
    const other = JSON.parse((await cli(['--json', 'show', 'https://coast.test/ferry'], env)).out) as Shown;
    expect(other.record.heatwire).not.toHaveProperty('images');
  });

  it('ingesting a bare page URL caches its lead image at once', async () => {
    const run = await cli(['ingest', server.url('/news/lighthouse')], env);
    expect(run.code).toBe(0);
    expect(server.hits('/img/lighthouse.png')).toBe(1);
    const shown = JSON.parse((await cli(['--json', 'show', server.url('/news/lighthouse')], env)).out) as Shown;
    expect(shown.record.images?.[0]).toMatchObject({ url: server.url('/img/lighthouse.png'), isCached: true });
    expect(shown.record.heatwire?.images?.[0]).toMatchObject({ url: expect.stringMatching(LOCAL_IMAGE), width: 16, height: 12 });
    expect(readdirSync(join(data.dir, 'images')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('sources check caches the lead images of the items it stores', async () => {
    expect((await cli(['sources', 'add', server.url('/bulletin/feed.json')], env)).code).toBe(0);
    expect((await cli(['sources', 'check'], env)).code).toBe(0);
    expect(server.hits('/img/gulls.png')).toBe(1);
    const shown = JSON.parse((await cli(['--json', 'show', server.url('/bulletin/gull-count')], env)).out) as Shown;
    expect(shown.record.images?.[0]).toMatchObject({ url: server.url('/img/gulls.png'), isCached: true });
  });

  it("serve's app serves the cached files and shows them on the page and in the API", async () => {
    const ctx = await openContext({ out: () => {}, err: () => {}, isTty: false, env }, {});
    try {
      const app = createApp(createServeAppDeps(ctx));
      const page = await (await app.request('/')).text();
      const srcs = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
      expect(srcs).toHaveLength(3);
      for (const src of srcs) expect(src).toMatch(LOCAL_IMAGE);
      expect(page).not.toContain('/img/');
      const bodies = await Promise.all(srcs.map(async (src) => Buffer.from(await (await app.request(src)).arrayBuffer())));
      expect(bodies.some((b) => b.equals(LIGHTHOUSE_PNG))).toBe(true);
      expect(bodies.some((b) => b.equals(PIER_PNG))).toBe(true);
      const api = (await (await app.request('/api/v1/articles')).json()) as { articles: Array<{ webUrl: string; leadImage: { url: string } | null }> };
      const byUrl = new Map(api.articles.map((a) => [a.webUrl, a.leadImage]));
      expect(byUrl.get('https://coast.test/pier')?.url).toMatch(LOCAL_IMAGE);
      expect(byUrl.get('https://coast.test/ferry')).toBeNull();
    } finally {
      await ctx.close();
    }
  });
});
