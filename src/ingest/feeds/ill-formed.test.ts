import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { parseFeed } from './parse-feed.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');
const now = new Date('2024-03-06T00:00:00Z');
const fixture = (name: string) => parseFeed(readFileSync(join(FIXTURES, name)), { url: `https://feeds.example/${name}`, now });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HeatwireError);
    return (err as HeatwireError).code;
  }
  return undefined;
}

describe('parseFeed: ill-formed feeds are recovered, with warnings', () => {
  it('keeps unescaped "&" in text and URLs without turning "&sect" into "§"', () => {
    const feed = fixture('broken-ampersand.xml');
    expect(feed.title).toBe('Salt & Pepper Kitchen');
    expect(feed.link).toBe('https://kitchen.example/?ref=feed&section=all');
    expect(feed.items[0]).toMatchObject({
      title: 'Fish & chips, the long way',
      link: 'https://kitchen.example/recipes?id=7&section=mains&copy=1',
      summary: 'Beer batter & triple-cooked chips.',
    });
    expect(feed.warnings.join(' ')).toMatch(/unescaped "&"/);
  });

  it('skips text before the XML declaration', () => {
    const feed = fixture('broken-junk-before.xml');
    expect(feed.items.map((i) => i.title)).toEqual(['Still readable']);
    expect(feed.warnings.join(' ')).toMatch(/text before the XML were ignored/);
    const ws = parseFeed('\n\n   <?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>x</title><guid>1</guid></item></channel></rss>', { now });
    expect(ws.items).toHaveLength(1);
    expect(ws.warnings).toContain('whitespace before the XML declaration was ignored');
  });

  it('closes unclosed items and text elements', () => {
    const feed = fixture('broken-unclosed.xml');
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([
      ['First story', 'https://unclosed.example/1'],
      ['Second story', 'https://unclosed.example/2'],
      ['Third story', 'https://unclosed.example/3'],
    ]);
    // The unclosed <br> inside an unescaped description does not swallow the text after it.
    expect(feed.items[1]?.summary).toBe('Paragraph one Paragraph two');
    expect(feed.warnings.join(' ')).toMatch(/not closed properly/);
  });

  it('keeps what a truncated feed holds', () => {
    const feed = fixture('broken-truncated.xml');
    expect(feed.items.map((i) => i.link)).toEqual(['https://cut.example/complete', 'https://cut.example/half']);
    expect(feed.items[1]?.summary).toBe('This sentence never fini');
    expect(feed.warnings.join(' ')).toMatch(/not closed properly/);
  });

  it('removes control characters XML forbids', () => {
    const xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Ctl\u0001\u0008</title>' +
      '<item><title>Bell\u0007 and\u000B tab\tkept</title><guid>1</guid></item></channel></rss>';
    const feed = parseFeed(Buffer.from(xml), { now });
    expect(feed.title).toBe('Ctl');
    expect(feed.items[0]?.title).toBe('Bell and tab kept');
    expect(feed.warnings).toContain('4 control character(s) not allowed in XML were removed');
  });

  it('flags future, invalid and missing dates and uses now (first seen)', () => {
    const feed = fixture('broken-dates.xml');
    expect(feed.items.map((i) => [i.title, i.published, i.flags])).toEqual([
      ['Far future', '2024-03-06T00:00:00Z', ['date-future']],
      ['Garbage date', '2024-03-06T00:00:00Z', ['date-invalid']],
      ['No date', '2024-03-06T00:00:00Z', ['date-missing']],
      ['Wrong weekday', '2024-03-06T18:00:00Z', []],
    ]);
  });

  it('accepts a date up to one day ahead (clock skew), not more', () => {
    const item = (date: string) =>
      `<rss version="2.0"><channel><title>t</title><item><title>a</title><guid>1</guid><pubDate>${date}</pubDate></item></channel></rss>`;
    expect(parseFeed(item('Wed, 06 Mar 2024 23:00:00 GMT'), { now }).items[0]?.flags).toEqual([]);
    expect(parseFeed(item('Thu, 07 Mar 2024 01:00:00 GMT'), { now }).items[0]?.flags).toEqual(['date-future']);
  });

  it('reads Atom without its namespace, with a warning', () => {
    const feed = parseFeed('<feed><title>No NS</title><entry><id>e1</id><title>One</title><link href="https://n.example/1"/></entry></feed>', { now });
    expect(feed.format).toBe('atom1.0');
    expect(feed.items[0]).toMatchObject({ id: 'e1', link: 'https://n.example/1' });
    expect(feed.warnings.join(' ')).toMatch(/no namespace/);
  });

  it('reads items out of an unexpected wrapper', () => {
    const feed = parseFeed('<envelope><body><channel><title>Wrapped</title><item><title>In</title><guid>w1</guid></item></channel></body></envelope>', { now });
    expect(feed.items.map((i) => i.title)).toEqual(['In']);
    expect(feed.warnings.join(' ')).toMatch(/unexpected root element <envelope>/);
  });
});

describe('parseFeed: never silently empty', () => {
  it('an HTML page gives no items, a warning and the feeds it announces', () => {
    const feed = fixture('html-page.html');
    expect(feed).toMatchObject({
      format: 'html',
      title: 'Canal Walks & Talks',
      items: [],
      discovered: ['https://canal.example/site/feed.rss', 'https://canal.example/atom.xml'],
    });
    expect(feed.warnings.join(' ')).toMatch(/HTML page, not a feed/);
  });

  it('an XHTML page and an HTML page without feeds are reported as HTML too', () => {
    const xhtml = parseFeed('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>X</title></head></html>', { now });
    expect(xhtml).toMatchObject({ format: 'html', items: [], discovered: [] });
    const plain = parseFeed('<html><body>nothing</body></html>', { now });
    expect(plain.warnings).toContain('the input is an HTML page, not a feed, and it links to no feed');
  });

  it('a valid feed with no items says so', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>Quiet</title><link>https://q.example/</link></channel></rss>', { now });
    expect(feed.items).toEqual([]);
    expect(feed.warnings).toContain('the feed has no items');
  });

  it.each([
    ['empty', '', 'INPUT_EMPTY'],
    ['blank', ' \n\t ', 'INPUT_EMPTY'],
    ['plain text', 'just some words', 'FEED_INVALID'],
    ['unknown root', '<?xml version="1.0"?><catalog><book/></catalog>', 'FEED_INVALID'],
    ['empty rss', '<rss version="2.0"><channel></channel></rss>', 'FEED_INVALID'],
    ['OPML', '<opml version="2.0"><body><outline xmlUrl="https://x.example/"/></body></opml>', 'FEED_INVALID'],
    ['bad JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'FEED_INVALID'],
    ['JSON array', '[1, 2, 3]', 'FEED_INVALID'],
    ['empty JSON feed', '{"version": "https://jsonfeed.org/version/1.1"}', 'FEED_INVALID'],
  ])('%s → %s', (_name, input, code) => {
    expect(codeOf(() => parseFeed(input, { now, url: 'https://bad.example/feed' }))).toBe(code);
  });

  it('the error names the input', () => {
    try {
      parseFeed('nope', { now, url: 'https://bad.example/feed' });
      expect.unreachable();
    } catch (err) {
      expect((err as HeatwireError).describe()).toMatch(/^https:\/\/bad\.example\/feed: FEED_INVALID/);
    }
  });
});
