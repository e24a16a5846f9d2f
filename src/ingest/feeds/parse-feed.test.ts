import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParsedFeedSchema } from './feed-schema.js';
import { parseFeed } from './parse-feed.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');
const now = new Date('2024-03-06T00:00:00Z');
const fixture = (name: string, url = `https://feeds.example/${name}`) =>
  parseFeed(readFileSync(join(FIXTURES, name)), { url, now });

describe('parseFeed: one fixture per format', () => {
  it('RSS 2.0: content:encoded, dc:creator, media, enclosures, CDATA, HTML entities', () => {
    const feed = fixture('rss20.xml');
    expect(ParsedFeedSchema.safeParse(feed).success).toBe(true);
    expect(feed).toMatchObject({
      format: 'rss2.0',
      title: 'Harbour Lights & Co. Weekly',
      link: 'https://harbour.example/',
      description: 'Notes from a made-up port town newsroom.',
      language: 'en-gb',
      warnings: [],
    });
    expect(feed.items).toHaveLength(3);
    const [ferry, lighthouse, nets] = feed.items;
    expect(ferry).toMatchObject({
      id: 'harbour-2024-0001',
      title: 'Ferry timetable changes for the café season',
      link: 'https://harbour.example/news/ferry-timetable',
      published: '2024-03-05T09:30:00Z',
      updated: null,
      authors: ['Mira Okafor', 'Tom Lindqvist'],
      summary: 'The summer ferry runs every 40 minutes.',
      categories: ['Transport', 'Local'],
      flags: [],
      enclosures: [{ url: 'https://cdn.harbour.example/audio/ferry.mp3', type: 'audio/mpeg', length: 1048576 }],
      images: [
        { url: 'https://cdn.harbour.example/thumbs/ferry.jpg', width: 160, height: 90 },
        { url: 'https://cdn.harbour.example/full/ferry.jpg', width: 1280, height: 720 },
      ],
    });
    // CDATA content kept as HTML; relative URLs inside it resolved against the feed URL.
    expect(ferry?.content).toContain('<a href="https://feeds.example/timetables/summer.pdf">Download</a>');
    expect(ferry?.content).toContain('<img src="https://feeds.example/img/ferry.jpg"');
    expect(lighthouse).toMatchObject({
      id: 'https://harbour.example/news/lighthouse-open-day',
      link: 'https://feeds.example/news/lighthouse-open-day',
      published: '2024-03-04T17:00:00Z',
      authors: ['Ana Duarte'],
      summary: 'Visitors may climb the 132 steps on Saturday.',
      content: 'Visitors may climb the <em>132 steps</em> on Saturday.',
      images: [{ url: 'https://cdn.harbour.example/thumbs/lighthouse.jpg' }],
      enclosures: [{ url: 'https://cdn.harbour.example/video/lighthouse.mp4', type: 'video/mp4', length: 5000000 }],
    });
    // A permalink guid stands in for the missing <link> (RSS 2.0 guid isPermaLink).
    expect(nets).toMatchObject({ link: 'https://harbour.example/news/nets', published: '2024-03-03T12:15:00Z' });
  });

  it('RSS 0.91 with a DOCTYPE and ISO-8859-1, no dates', () => {
    const feed = fixture('rss091.xml');
    expect(feed).toMatchObject({ format: 'rss0.9x', title: 'Orchard Valley Gazette', language: 'en-us' });
    expect(feed.items.map((i) => i.link)).toEqual(['http://orchard.example/frost.html', 'http://orchard.example/press.html']);
    expect(feed.items.every((i) => i.flags.includes('date-missing') && i.published === '2024-03-06T00:00:00Z')).toBe(true);
  });

  it('RSS 0.92: enclosure and category, no link → hashed id', () => {
    const feed = fixture('rss092.xml');
    expect(feed.format).toBe('rss0.9x');
    const [item] = feed.items;
    expect(item?.link).toBeNull();
    expect(item?.id).toMatch(/^sha256-[0-9a-f]{32}$/);
    expect(item?.categories).toEqual(['music']);
    expect(item?.enclosures).toEqual([{ url: 'http://nightshift.example/audio/ep12.mp3', type: 'audio/mpeg', length: 24986239 }]);
    // Stable: the same item gets the same id on the next fetch, whatever the clock says.
    const again = parseFeed(readFileSync(join(FIXTURES, 'rss092.xml')), { now: new Date('2030-01-01T00:00:00Z') });
    expect(again.items[0]?.id).toBe(item?.id);
  });

  it('RSS 1.0 (RDF): rdf:about ids, dc:date, dc:subject, escaped content:encoded', () => {
    const feed = fixture('rss10.rdf');
    expect(feed).toMatchObject({ format: 'rss1.0', title: 'Stacks and Shelves', language: 'fr' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      id: 'https://library.example/new/atlas',
      published: '2024-02-20T09:00:00Z',
      authors: ['Rare Books Desk'],
      categories: ['Maps'],
    });
    expect(feed.items[1]).toMatchObject({
      published: '2024-02-21T00:00:00Z',
      content: '<p>A herbarium with <strong>212</strong> sheets.</p>',
      summary: 'A herbarium with 212 sheets.',
    });
  });

  it('Atom 1.0: xml:base chain, text constructs, author inheritance, enclosure, media:group', () => {
    const feed = fixture('atom10.xml');
    expect(feed).toMatchObject({
      format: 'atom1.0',
      title: 'Hilltop Observatory Log',
      link: 'https://observatory.example/blog/',
      description: 'Clear nights & cloudy ones',
      language: 'en',
      warnings: [],
    });
    const [comet, maintenance] = feed.items;
    expect(comet).toMatchObject({
      id: 'tag:observatory.example,2024:comet-ardent',
      title: 'Comet Ardent seen at dusk',
      link: 'https://observatory.example/blog/posts/comet-ardent',
      published: '2024-03-02T00:45:00Z',
      updated: '2024-03-02T08:00:00Z',
      authors: ['Li Wei'],
      categories: ['Comets'],
      summary: 'A faint tail, low in the west.',
      enclosures: [{ url: 'https://observatory.example/media/comet.png', type: 'image/png', length: 20480 }],
    });
    // xhtml content: the wrapping div is dropped, <br/> stays void, the content's own xml:base applies.
    expect(comet?.content).toBe(
      '<p>See <a href="https://observatory.example/blog/posts/comet-photos">the photos</a>.<br>Taken with the 30\u00a0cm scope.</p>',
    );
    expect(maintenance).toMatchObject({
      link: 'https://observatory.example/archive/2024/maintenance',
      published: '2024-02-28T12:00:00Z',
      authors: ['Observatory Staff'],
      images: [{ url: 'https://observatory.example/archive/2024/thumbs/mirror.jpg', width: 480, height: 360 }],
    });
    expect(maintenance?.content).toBe('<p>Mirror cleaning. <img src="https://observatory.example/archive/2024/mirror.jpg"></p>');
  });

  it('Atom 0.3: issued/modified, escaped and base64 content, tagline, feed author', () => {
    const feed = fixture('atom03.xml');
    expect(feed).toMatchObject({ format: 'atom0.3', title: 'Bergbahn Notizen', description: 'Aus dem Tal', language: 'de' });
    expect(feed.items[0]).toMatchObject({
      published: '2005-07-31T12:29:29Z',
      updated: '2005-07-31T12:30:00Z',
      content: '<p>Die Kabinen sind <b>rot</b>.</p>',
      authors: ['Greta Huber'],
    });
    expect(feed.items[1]?.content).toBe('Erste Bahn um 8 Uhr');
  });

  it('JSON Feed 1.1: numeric ids, relative URLs, attachments, content_text escaped', () => {
    const feed = fixture('jsonfeed11.json', 'https://tidepool.example/feed.json');
    expect(feed).toMatchObject({ format: 'jsonfeed1.1', title: 'Tidepool Journal', link: 'https://tidepool.example/', language: 'en' });
    const [anemones, crabs] = feed.items;
    expect(anemones).toMatchObject({
      id: 'tp-101',
      published: '2024-01-10T16:00:00Z',
      updated: '2024-01-11T09:00:00Z',
      authors: ['Sam Reyes'],
      categories: ['census', 'anemones'],
      summary: 'A census of the east pool.',
      images: [{ url: 'https://tidepool.example/img/anemone-large.jpg' }],
      enclosures: [{ url: 'https://tidepool.example/audio/pool.ogg', type: 'audio/ogg', length: 3000 }],
    });
    expect(anemones?.content).toContain('<img src="https://tidepool.example/img/anemone.jpg">');
    expect(crabs).toMatchObject({
      id: '102',
      link: 'https://tidepool.example/posts/crabs',
      authors: ['Jo Park'],
      content: 'Hermit crabs swapped shells &lt;twice&gt;.',
      flags: ['title-missing'],
      title: 'Hermit crabs swapped shells <twice>.',
    });
  });

  it('JSON Feed 1.0: feed author inherited, banner image', () => {
    const feed = fixture('jsonfeed10.json');
    expect(feed.format).toBe('jsonfeed1.0');
    expect(feed.items[0]).toMatchObject({
      authors: ['Pat Moreau'],
      published: '2023-11-05T16:00:00Z',
      images: [{ url: 'https://kiln.example/banner.jpg' }],
    });
  });
});

describe('parseFeed: links, ids and media', () => {
  const wrap = (items: string, attrs = '') =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" ${attrs}><channel><title>T</title>${items}</channel></rss>`;

  it('resolves against nested xml:base first, then the feed URL', () => {
    const xml = wrap(
      '<item xml:base="sub/"><title>a</title><link>page</link></item><item><title>b</title><link>../up</link></item>',
      'xml:base="https://base.example/root/"',
    );
    const feed = parseFeed(xml, { url: 'https://other.example/feeds/x.xml', now });
    expect(feed.items.map((i) => i.link)).toEqual(['https://base.example/root/sub/page', 'https://base.example/up']);
    const noBase = parseFeed(wrap('<item><title>c</title><link>../up</link></item>'), { url: 'https://other.example/feeds/x.xml', now });
    expect(noBase.items[0]?.link).toBe('https://other.example/up');
  });

  it('keeps a relative link as-is when no base is known, and drops javascript: links', () => {
    const feed = parseFeed(wrap('<item><title>a</title><link>/rel</link></item><item><title>b</title><link>javascript:alert(1)</link></item>'), { now });
    expect(feed.items.map((i) => i.link)).toEqual(['/rel', null]);
  });

  it('prefers feedburner:origLink over the redirecting link', () => {
    const xml = wrap(
      '<item xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><title>a</title><link>https://feeds.example/~r/x</link><feedburner:origLink>https://site.example/real</feedburner:origLink></item>',
    );
    expect(parseFeed(xml, { now }).items[0]?.link).toBe('https://site.example/real');
  });

  it('reads media:thumbnail, media:content images and dimensions, and the first <img> as a fallback', () => {
    const xml = wrap(
      '<item><title>a</title><link>https://m.example/a</link>' +
        '<media:content url="https://m.example/big.jpg" width="1200" height="800"/>' +
        '<media:content url="https://m.example/clip.webm" medium="video"><media:thumbnail url="https://m.example/clip.jpg" width="320" height="180"/></media:content>' +
        '<media:thumbnail url="https://m.example/big.jpg" width="x"/></item>' +
        '<item><title>b</title><link>https://m.example/b</link><description>&lt;img src="/pic.png" width="50"&gt;</description></item>',
    );
    const [a, b] = parseFeed(xml, { url: 'https://m.example/feed', now }).items;
    expect(a?.images).toEqual([
      { url: 'https://m.example/big.jpg', width: 1200, height: 800 },
      { url: 'https://m.example/clip.jpg', width: 320, height: 180 },
    ]);
    expect(a?.enclosures).toEqual([{ url: 'https://m.example/clip.webm' }]);
    expect(b?.images).toEqual([{ url: 'https://m.example/pic.png', width: 50 }]);
  });

  it('decodes HTML named entities XML does not define, and numeric references', () => {
    const feed = parseFeed(wrap('<item><title>Caf&eacute;&nbsp;&amp; cr&#232;me &#x2014; &hellip;</title><link>https://e.example/1</link></item>'), { now });
    expect(feed.items[0]?.title).toBe('Café & crème — …');
  });

  it('strips HTML from titles and collapses whitespace', () => {
    const feed = parseFeed(wrap('<item><title>  &lt;b&gt;Bold&lt;/b&gt;\n   news </title><link>https://e.example/1</link></item>'), { now });
    expect(feed.items[0]?.title).toBe('Bold news');
  });

  it('drops items that repeat an id, with a warning', () => {
    const item = '<item><title>a</title><guid>same</guid></item>';
    const feed = parseFeed(wrap(item + item), { now });
    expect(feed.items).toHaveLength(1);
    expect(feed.warnings.join(' ')).toMatch(/repeated an earlier id/);
  });

  it('cuts long summaries at a word boundary', () => {
    const long = 'word '.repeat(400);
    const feed = parseFeed(wrap(`<item><title>a</title><guid>g</guid><description>${long}</description></item>`), { now });
    const summary = feed.items[0]?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(1000);
    expect(summary.endsWith('word…')).toBe(true);
  });

  it('reads Media RSS under an undeclared prefix, a variant namespace URI, or another prefix', () => {
    const item = (attrs: string, prefix: string) =>
      `<rss version="2.0" ${attrs}><channel><title>t</title><item><title>a</title><guid>1</guid>` +
      `<${prefix}:thumbnail url="https://m.example/t.jpg"/></item></channel></rss>`;
    for (const [attrs, prefix] of [
      ['', 'media'],
      ['xmlns:media="http://search.yahoo.com/mrss"', 'media'],
      ['xmlns:m="http://search.yahoo.com/mrss/"', 'm'],
    ] as const) {
      expect(parseFeed(item(attrs, prefix), { now }).items[0]?.images).toEqual([{ url: 'https://m.example/t.jpg' }]);
    }
    // A prefix bound to some other namespace is not Media RSS.
    expect(parseFeed(item('xmlns:media="urn:other"', 'media'), { now }).items[0]?.images).toEqual([]);
  });
});
