import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFeed } from './sniff-feed.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');

describe('sniffFeed', () => {
  it.each([
    ['rss20.xml', 'rss2.0'],
    ['rss091.xml', 'rss0.9x'],
    ['rss092.xml', 'rss0.9x'],
    ['rss10.rdf', 'rss1.0'],
    ['atom10.xml', 'atom1.0'],
    ['atom03.xml', 'atom0.3'],
    ['jsonfeed10.json', 'jsonfeed1.0'],
    ['jsonfeed11.json', 'jsonfeed1.1'],
    ['subscriptions.opml', 'opml'],
    ['html-page.html', undefined],
  ])('%s → %s', (file, kind) => {
    expect(sniffFeed(readFileSync(join(FIXTURES, file)))).toBe(kind);
  });

  it('is not fooled by JSON that is not a JSON Feed, records, or plain text', () => {
    expect(sniffFeed('{"title": "a record"}')).toBeUndefined();
    expect(sniffFeed('---\ntitle: x\n---\n')).toBeUndefined();
    expect(sniffFeed('Just words.')).toBeUndefined();
  });
});
