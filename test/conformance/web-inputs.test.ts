import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../support/cli.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Robot arms learn to fold laundry | Gearbox Weekly</title>
<meta property="og:site_name" content="Gearbox Weekly"><meta property="article:published_time" content="2025-03-04T08:30:00Z">
<link rel="canonical" href="https://gearbox.example/2025/03/robot-arms-laundry?utm_source=x"></head>
<body><nav><a href="/">Home</a> <a href="/robots">Robots</a></nav><article><h1>Robot arms learn to fold laundry</h1>
<p class="byline">By Ana Ruiz</p>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} explains how a two-armed robot in a university lab learned to fold towels and shirts from a few hundred demonstrations, and what the researchers think it means for home robotics over the next decade.</p>`).join('\n')}
</article><footer>Share this story. Leave a comment.</footer></body></html>`;

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gearbox Weekly</title><link>https://gearbox.example/</link>
<item><title>Chip start-up raises a new round</title><link>https://gearbox.example/chips-round?utm_medium=rss</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<description><![CDATA[<p>A chip start-up said on Tuesday it raised money to build inference accelerators.</p>]]></description><category>AI Hardware</category></item>
<item><title>Warehouse robots get a new gripper</title><link>https://gearbox.example/gripper</link><pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate>
<description>A softer gripper lets robots pick fruit.</description></item></channel></rss>`;

describe('web inputs: heatwire extract, heatwire feed, and ingesting pages and feeds', () => {
  const data = tempDataDir();
  let server: FixtureServer;
  beforeAll(async () => {
    writeFileSync(join(data.dir, 'page.html'), PAGE);
    writeFileSync(join(data.dir, 'feed.xml'), RSS);
    server = await startFixtureServer({
      '/robots.txt': { body: 'User-agent: *\nAllow: /\n' },
      '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: RSS },
    });
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('extracts many inputs in one process, one JSON line each, echoing the input', async () => {
    const missing = join(data.dir, 'missing.html');
    const res = await cli(['--json', 'extract', join(data.dir, 'page.html'), missing], data.env);
    expect(res.code).toBe(1);
    const [ok, bad] = res.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(ok).toMatchObject({ input: join(data.dir, 'page.html'), title: 'Robot arms learn to fold laundry', siteName: 'Gearbox Weekly' });
    expect(ok.publishedDateTime).toBe('2025-03-04T08:30:00Z');
    expect(ok.text).toContain('Paragraph 6 explains');
    expect(ok.text).not.toContain('Leave a comment');
    expect(bad).toMatchObject({ input: missing, error: { code: expect.any(String) } });
  });

  it('reports a date only inferred from <time> as publishedTimeGuess, and ingest still dates the article', async () => {
    const file = join(data.dir, 'undeclared-date.html');
    writeFileSync(
      file,
      PAGE.replace(/<meta property="article:published_time"[^>]*>/, '')
        .replace('https://gearbox.example/2025/03/robot-arms-laundry', 'https://gearbox.example/robot-arms-undated')
        .replace('<p class="byline">', '<p><time datetime="2025-03-06T07:00:00Z">6 March</time></p><p class="byline">'),
    );
    const extracted = JSON.parse((await cli(['--json', 'extract', file], data.env)).out.trim());
    expect(extracted).toMatchObject({ publishedDateTime: null, publishedTimeGuess: { value: '2025-03-06T07:00:00Z', source: 'time' } });
    expect((await cli(['ingest', file], data.env)).code).toBe(0);
    const shown = JSON.parse((await cli(['--json', 'show', 'https://gearbox.example/robot-arms-undated'], data.env)).out);
    expect(shown.record.publishedDateTime).toBe('2025-03-06T07:00:00Z');
  });

  it('analyzes a page: extract fields plus topics, entities, moves, quality and summary', async () => {
    const res = await cli(['--json', 'analyze', join(data.dir, 'page.html')], data.env);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out.trim());
    expect(out).toMatchObject({ input: join(data.dir, 'page.html'), title: 'Robot arms learn to fold laundry', language: 'en' });
    expect(out.topics.map((t: { name: string }) => t.name)).toContain('Robotics');
    expect(out.quality.score).toBeGreaterThan(0);
    expect(out.quality.reasons.length).toBeGreaterThan(0);
    expect(out.summary).toMatch(/robot/i);
    expect(Array.isArray(out.entities) && Array.isArray(out.moves)).toBe(true);
  });

  it('parses a feed from a file and from a URL (loopback allowed explicitly)', async () => {
    const res = await cli(['--json', 'feed', join(data.dir, 'feed.xml'), server.url('/feed.xml')], {
      ...data.env,
      HEATWIRE_ALLOW_PRIVATE: '127.0.0.1',
    });
    expect(res.code).toBe(0);
    const lines = res.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({ format: 'rss2.0', title: 'Gearbox Weekly' });
      expect(line.items).toHaveLength(2);
    }
    expect(lines[1].input).toBe(server.url('/feed.xml'));
  });

  it('refuses a loopback URL when the operator has not allowed it', async () => {
    const res = await cli(['--json', 'feed', server.url('/feed.xml')], data.env);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.out.trim()).error.code).toBe('FETCH_BLOCKED');
  });

  it('keeps the plain text of a JSONL item that carries only html', async () => {
    const file = join(data.dir, 'html-only.jsonl');
    const html = '<p>First <b>bold</b> paragraph.</p><script>alert(1)</script><p>Second paragraph.</p>';
    writeFileSync(file, JSON.stringify({ title: 'Markup only', webUrl: 'https://gearbox.example/markup', html }) + '\n');
    expect((await cli(['ingest', file], data.env)).code).toBe(0);
    const shown = JSON.parse((await cli(['--json', 'show', 'https://gearbox.example/markup', '--with-text'], data.env)).out) as { text: string };
    expect(shown.text).toContain('First bold paragraph.');
    expect(shown.text).toContain('Second paragraph.');
    expect(shown.text).not.toMatch(/<|alert/);
  });

  it('ingests an HTML page and a feed file as articles with canonical URLs', async () => {
    const res = await cli(['--json', 'ingest', join(data.dir, 'page.html'), join(data.dir, 'feed.xml')], data.env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out.trim())).toMatchObject({ new: 3, failed: [] });
    const found = await cli(['--json', 'search', 'gripper'], data.env);
    expect(JSON.parse(found.out.trim()).title).toBe('Warehouse robots get a new gripper');
    const shown = await cli(['--json', 'show', 'https://gearbox.example/chips-round'], data.env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).record.heatwire.canonicalUrl).toBe('https://gearbox.example/chips-round');
  });
});
