import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../../test/fixtures/sources/load-fixture.js';
import { makeTestFetcher } from '../../test/fixtures/fetcher/test-fetcher.js';
import { startFixtureServer, type FixtureServer } from '../../test/support/fixture-server.js';
import { parseOpml } from '../ingest/feeds/index.js';
import { createKeyRing } from '../secure/index.js';
import { SqliteSourceStore } from '../store/sqlite/sources-repository.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';
import { exportSourcesOpml } from './export-opml.js';
import { ingestPaths, type IngestDeps } from './ingest.js';
import { isWebArgument } from './ingest-web.js';

let server: FixtureServer;
let store: SqliteStore;
let sources: SqliteSourceStore;
let deps: IngestDeps;
let dir: string;
const ring = createKeyRing([randomBytes(32)]);
const html = { 'content-type': 'text/html; charset=utf-8' };

beforeAll(async () => {
  server = await startFixtureServer();
  const o = server.origin;
  server.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: loadFixture('teaser-feed.xml', o) });
  server.route('/news/battery-lab', { headers: html, body: loadFixture('battery-lab.html', o) });
  server.route('/news/chief-scientist', { headers: html, body: loadFixture('chief-scientist.html', o) });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  dir = mkdtempSync(join(tmpdir(), 'heatwire-sources-'));
  store = await openSqliteStore(':memory:');
  sources = new SqliteSourceStore(store.database);
  const { fetcher } = makeTestFetcher({ retries: 0 });
  deps = { store, ring, now: () => new Date('2025-03-10T12:00:00Z'), maxInputBytes: 1 << 20, web: { fetcher, sources } };
});
afterEach(async () => {
  await deps.web?.fetcher.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeOpmlFixture(): string {
  const path = join(dir, 'subscriptions.opml');
  writeFileSync(path, loadFixture('subscriptions.opml', server.origin));
  return path;
}

describe('ingest of an OPML file', () => {
  it('subscribes its feeds with nested folders as tags, skips duplicates, counts both', async () => {
    const path = writeOpmlFixture();
    const summary = await ingestPaths([path], deps);
    expect(summary).toMatchObject({ files: 1, new: 0, failed: [], sources: { added: 3, duplicate: 1 } });
    const list = await sources.listSources();
    expect(list.map((s) => [s.feedUrl, s.settings.tags])).toEqual([
      [server.url('/feed.xml'), ['Maritime', 'Ports']],
      [server.url('/quayside/feed.json'), ['Maritime']],
      ['https://loose.example/rss', []],
    ]);
    expect(list[0]).toMatchObject({ title: 'Harbour Ledger Technology', siteUrl: server.url('/') });
    const again = await ingestPaths([path], deps);
    expect(again.sources).toEqual({ added: 0, duplicate: 4 });
    expect(await sources.listSources()).toHaveLength(3);
    expect(server.requests).toHaveLength(0); // importing subscribes; polling fetches later
  });

  it('subscribes an OPML file met inside a folder, beside the records it holds', async () => {
    writeOpmlFixture();
    writeFileSync(join(dir, 'note.md'), '---\ntitle: "A harbour note"\nwebUrl: "https://notes.example/harbour"\n---\nThe tide came in.\n');
    const summary = await ingestPaths([dir], deps);
    expect(summary).toMatchObject({ new: 1, failed: [], sources: { added: 3, duplicate: 1 } });
    expect(await sources.listSources()).toHaveLength(3);
  });

  it('round-trips through export --format opml: same feeds, titles, sites and tags', async () => {
    await ingestPaths([writeOpmlFixture()], deps);
    const before = await sources.listSources();
    const { exported, files } = await exportSourcesOpml(sources, { out: dir, now: new Date('2025-03-10T12:00:00Z') });
    expect(exported).toBe(3);
    const parsed = parseOpml(await import('node:fs/promises').then((fs) => fs.readFile(files[0]!)));
    expect(parsed.outlines.map((o) => [o.xmlUrl, o.title, o.htmlUrl, o.tags])).toEqual(
      before.map((s) => [s.feedUrl, s.title ?? s.feedUrl, s.siteUrl ?? undefined, s.settings.tags]),
    );
    // Importing the export into another desk gives the same subscriptions.
    const other = await openSqliteStore(':memory:');
    const otherSources = new SqliteSourceStore(other.database);
    const summary = await ingestPaths([files[0]!], { ...deps, store: other, web: { fetcher: deps.web!.fetcher, sources: otherSources } });
    expect(summary.sources).toEqual({ added: 3, duplicate: 0 });
    expect((await otherSources.listSources()).map((s) => [s.feedUrl, s.title, s.siteUrl, s.settings.tags])).toEqual(
      before.map((s) => [s.feedUrl, s.title, s.siteUrl, s.settings.tags]),
    );
    await other.close();
  });

  it('reports an OPML file that is not OPML, and goes on with the other arguments', async () => {
    const bad = join(dir, 'broken.opml');
    writeFileSync(bad, '<html><body>not a list</body></html>');
    const summary = await ingestPaths([bad, writeOpmlFixture()], deps);
    expect(summary.failed).toEqual([expect.objectContaining({ input: bad, code: 'FEED_INVALID' })]);
    expect(summary.sources?.added).toBe(3);
  });
});

describe('ingest of a bare URL', () => {
  it('fetches, extracts and stores a page', async () => {
    const url = server.url('/news/chief-scientist');
    const summary = await ingestPaths([url], deps);
    expect(summary).toMatchObject({ files: 1, new: 1, failed: [] });
    const [row] = await store.listArticles({ limit: 5 });
    expect(row?.title).toBe('Kestrel Analytics names a new chief scientist');
    expect(row?.record.publishedDateTime).toBe('2025-03-05T13:55:00Z');
    expect(row?.origin).toBe(url);
    expect((await ingestPaths([url], deps)).duplicate).toBe(1);
  });

  it('ingests a feed URL once, teasers completed, without adding a source', async () => {
    const summary = await ingestPaths([server.url('/feed.xml')], deps);
    expect(summary).toMatchObject({ new: 2, failed: [] });
    expect(server.hits('/news/battery-lab')).toBe(1);
    expect(await sources.listSources()).toHaveLength(0);
  });

  it('a URL that fails is a failure in the summary; files given beside it still ingest', async () => {
    const record = join(dir, 'note.md');
    writeFileSync(record, '---\ntitle: A local record\ncategory: news\n---\nBody text of a local record.\n');
    const summary = await ingestPaths([server.url('/missing'), record], deps);
    expect(summary.failed).toEqual([expect.objectContaining({ input: server.url('/missing'), code: 'FETCH_FAILED' })]);
    expect(summary.new).toBe(1);
    expect(summary.files).toBe(2);
  });

  it('without web dependencies, URLs fail with USAGE', async () => {
    const { web: _web, ...bare } = deps;
    const summary = await ingestPaths([server.url('/feed.xml')], bare);
    expect(summary.failed[0]?.code).toBe('USAGE');
  });

  it('routes only http(s) URLs and .opml files', () => {
    expect(['https://a.example/x', 'http://a', 'subs.OPML', 'feed.xml', 'dir/', 'httpfile.md'].map(isWebArgument)).toEqual([
      true, true, true, false, false, false,
    ]);
  });
});
