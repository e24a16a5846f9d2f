import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures/sources/load-fixture.js';
import { cli, tempDataDir } from '../../../test/support/cli.js';
import { startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import type { Source } from '../../store/sources.js';

/*
 * The sources commands end to end, in-process, against a 127.0.0.1 fixture server (allowed
 * through HEATWIRE_ALLOW_PRIVATE). The fetcher's 1 s politeness gap applies, so requests are few.
 */
describe('heatwire sources', () => {
  let server: FixtureServer;
  const data = tempDataDir();
  let env: NodeJS.ProcessEnv;
  const lines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    server = await startFixtureServer();
    const o = server.origin;
    server.route('/', { headers: { 'content-type': 'text/html' }, body: loadFixture('home.html', o) });
    server.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: loadFixture('teaser-feed.xml', o) });
    env = { ...data.env, HEATWIRE_ALLOW_PRIVATE: '127.0.0.1' };
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('add: a page URL finds the feed it announces; settings from the flags; a second add changes nothing', async () => {
    const run = await cli(['sources', 'add', server.url('/'), '--tag', 'Ports', '--tag', 'Energy', '--full-text', 'never', '--min-poll', '30'], env);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toBe(`added: #1 Harbour Ledger Technology <${server.url('/feed.xml')}> (discovered on ${server.url('/')})\n`);
    const again = await cli(['--json', 'sources', 'add', server.url('/feed.xml')], env);
    expect(lines(again.out)[0]).toMatchObject({ type: 'source', added: false, id: 1 });
    const list = await cli(['sources', 'list', '--json'], env);
    const [source] = lines(list.out) as unknown as Source[];
    expect(source).toMatchObject({
      id: 1,
      feedUrl: server.url('/feed.xml'),
      siteUrl: server.url('/'),
      errorCount: 0,
      settings: { fullText: 'never', minPollMinutes: 30, maxPollMinutes: 1440, tags: ['Ports', 'Energy'] },
    });
  });

  it('add refuses bad flags with exit 2, and a page without a feed with exit 1', async () => {
    expect((await cli(['sources', 'add', server.url('/feed.xml'), '--min-poll', 'soon'], env)).code).toBe(2);
    expect((await cli(['sources', 'add', server.url('/feed.xml'), '--min-poll', '90', '--max-poll', '60'], env)).code).toBe(2);
    expect((await cli(['sources', 'add', server.url('/feed.xml'), '--full-text', 'sometimes'], env)).code).toBe(2);
    server.route('/plain', { headers: { 'content-type': 'text/html' }, body: '<html><head><title>x</title></head><body>no feed</body></html>' });
    const run = await cli(['sources', 'add', server.url('/plain')], env);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/FEED_INVALID .*announces no feed/);
  });

  it('check: polls now and prints per-source counts; a failing source is listed with its error', async () => {
    server.route('/down.xml', { status: 404, body: 'gone' });
    const ingest = await cli(['ingest', writeOpml(data.dir, server.url('/down.xml'))], env);
    expect(ingest.out).toContain('sources: 1 added, 0 already followed');
    const run = await cli(['sources', 'check'], env);
    expect(run.code).toBe(1);
    const out = run.out.split('\n');
    expect(out[0]).toMatch(/^#1 Harbour Ledger Technology <.*>: 2 new, 0 updated, 0 unchanged; next check /);
    expect(out[1]).toMatch(/^#2 Down <.*down\.xml>: failed: FETCH_FAILED .*HTTP 404; next check /);
    const list = await cli(['sources', 'list'], env);
    expect(list.out).toContain('errors: 1 (1 in a row) · last error: FETCH_FAILED');
    const one = await cli(['--json', 'sources', 'check', '1'], env);
    expect(one.code).toBe(0);
    expect(lines(one.out)).toEqual([expect.objectContaining({ type: 'poll', id: 1, status: 'unchanged', duplicate: 2 })]);
  });

  it('export --format opml writes the sources back; remove by URL and by id', async () => {
    const out = join(data.dir, 'export');
    const run = await cli(['export', '--format', 'opml', '--out', out], env);
    expect(run.out).toBe(`exported 2 source(s) to ${join(out, 'sources.opml')}\n`);
    const xml = readFileSync(join(out, 'sources.opml'), 'utf8');
    expect(xml).toContain('<outline text="Ports" title="Ports">');
    expect(xml).toContain(`xmlUrl="${server.url('/down.xml')}"`);
    expect((await cli(['sources', 'remove', server.url('/down.xml')], env)).out).toMatch(/^removed #2 /);
    expect((await cli(['sources', 'remove', '1'], env)).code).toBe(0);
    const gone = await cli(['sources', 'remove', '1'], env);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('NOT_FOUND');
    expect((await cli(['sources', 'list', '--json'], env)).out).toBe('');
  });
});

function writeOpml(dir: string, url: string): string {
  const path = join(dir, 'one.opml');
  writeFileSync(path, `<?xml version="1.0"?><opml version="1.0"><body><outline type="rss" text="Down" xmlUrl="${url}"/></body></opml>`);
  return path;
}
