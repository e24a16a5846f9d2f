import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedAvailable, sharedPath } from '../../test/support/shared.js';
import { decodeAmpCacheHost, encodeAmpCacheHost } from './amp-cache-host.js';
import { ampToCanonical, isAmpUrl } from './amp-to-canonical.js';
import { canonicalizeUrl } from './canonicalize-url.js';

describe('ampToCanonical', () => {
  it.each([
    // path forms
    ['https://www.example.org/world/story-one/amp/', 'https://www.example.org/world/story-one/'],
    ['https://www.example.org/world/story-one/amp', 'https://www.example.org/world/story-one'],
    ['https://www.example.org/amp/world/story-one', 'https://www.example.org/world/story-one'],
    ['https://www.example.org/world/amp/story-one', 'https://www.example.org/world/story-one'],
    ['https://www.example.org/AMP/story', 'https://www.example.org/story'],
    ['https://www.example.org/amp', 'https://www.example.org/'],
    ['https://www.example.org/news/2024/story.amp.html', 'https://www.example.org/news/2024/story.html'],
    ['https://www.example.org/news/2024/story.amp.htm', 'https://www.example.org/news/2024/story.htm'],
    ['https://www.example.org/news/2024/story.amp', 'https://www.example.org/news/2024/story'],
    // query forms
    ['https://www.example.org/story?amp=1', 'https://www.example.org/story'],
    ['https://www.example.org/story?amp', 'https://www.example.org/story'],
    ['https://www.example.org/story?id=4&amp=true', 'https://www.example.org/story?id=4'],
    ['https://www.example.org/story?outputType=amp', 'https://www.example.org/story'],
    ['https://www.example.org/story?outputType=AMP&page=2', 'https://www.example.org/story?page=2'],
    ['https://www.example.org/story?outputType=print', 'https://www.example.org/story?outputType=print'],
    // amp. subdomains
    ['https://amp.example.org/world/story', 'https://www.example.org/world/story'],
    ['https://amp.example.co.uk/world/story', 'https://www.example.co.uk/world/story'],
    ['https://amp.news.example.org/story', 'https://news.example.org/story'],
    // AMP caches: /c/ /v/ /i/ with and without /s/, ampproject.net, Bing, Cloudflare, Google viewer
    [
      'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/a/story/amp/',
      'https://www.example.org/a/story/',
    ],
    [
      'https://www-example-org.cdn.ampproject.org/v/s/www.example.org/a/story.amp.html?amp_js_v=0.1&usqp=mq331AQ',
      'https://www.example.org/a/story.html',
    ],
    [
      'https://www-example-org.cdn.ampproject.org/i/s/www.example.org/img/photo.jpg',
      'https://www.example.org/img/photo.jpg',
    ],
    ['https://www-example-org.cdn.ampproject.org/c/www.example.org/story', 'http://www.example.org/story'],
    [
      'https://news--desk-example-org.cdn.ampproject.org/c/s/news-desk.example.org/story?id=3',
      'https://news-desk.example.org/story?id=3',
    ],
    ['https://www-example-org.ampproject.net/c/s/www.example.org/a/amp/', 'https://www.example.org/a/'],
    ['https://www-example-org.bing-amp.com/c/s/www.example.org/a/amp/', 'https://www.example.org/a/'],
    ['https://www-example-org.amp.cloudflare.com/c/s/www.example.org/a/amp/', 'https://www.example.org/a/'],
    ['https://www.google.com/amp/s/www.example.org/a/story.amp.html', 'https://www.example.org/a/story.html'],
    ['https://www.google.co.uk/amp/s/amp.example.org/a/story', 'https://www.example.org/a/story'],
    // cache URL without the origin in its path: the subdomain is decoded
    ['https://www-example-org.cdn.ampproject.org/a/story/amp/', 'https://www.example.org/a/story/'],
    // not AMP: unchanged
    ['https://www.example.org/world/amplifier-review', 'https://www.example.org/world/amplifier-review'],
    ['https://www.example.org/camp/story', 'https://www.example.org/camp/story'],
    ['https://www.example.org/amp-stories/x', 'https://www.example.org/amp-stories/x'],
    ['https://example.org/story?id=1#top', 'https://example.org/story?id=1#top'],
    ['https://www.google.com/search?q=amp', 'https://www.google.com/search?q=amp'],
  ])('%s → %s', (input, expected) => {
    expect(ampToCanonical(input)).toBe(expected);
    expect(isAmpUrl(input)).toBe(input !== expected);
  });

  it.each(['', 'not a url', 'ftp://www.example.org/amp/'])('%j → null', (input) => {
    expect(ampToCanonical(input)).toBeNull();
    expect(isAmpUrl(input)).toBe(false);
  });

  it('is idempotent on its own output', () => {
    const once = ampToCanonical(
      'https://www-example-org.cdn.ampproject.org/c/s/amp.example.org/amp/x.amp.html?amp=1',
    );
    expect(once).toBe('https://www.example.org/x.html');
    expect(ampToCanonical(once ?? '')).toBe(once);
  });
});

describe('AMP cache host encoding', () => {
  it.each([
    ['www.example.org', 'www-example-org'],
    ['news-desk.example.co.uk', 'news--desk-example-co-uk'],
    ['a--b.example.org', 'a----b-example-org'],
  ])('%s ↔ %s', (host, label) => {
    expect(encodeAmpCacheHost(host)).toBe(label);
    expect(decodeAmpCacheHost(label)).toBe(host);
  });

  it('round-trips an internationalised host through its IDNA label', () => {
    const label = encodeAmpCacheHost('nachrichten.bücher.example');
    expect(label.startsWith('xn--')).toBe(true);
    expect(decodeAmpCacheHost(label)).toBe('nachrichten.xn--bcher-kva.example');
  });

  it.each(['abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst', 'single', '-leading', 'a---b'])(
    'rejects %s (hash label or not a host)',
    (label) => {
      expect(decodeAmpCacheHost(label)).toBeNull();
    },
  );
});

/** AMP pairs from the seeds' records, nested `related` records included. */
function seedAmpPairs(): Array<{ file: string; web: string; amp: string }> {
  const pairs: Array<{ file: string; web: string; amp: string }> = [];
  const visit = (record: Record<string, unknown>, file: string) => {
    const web = record.webUrl;
    for (const field of ['ampWebUrl', 'cdnAmpWebUrl']) {
      const amp = record[field];
      if (typeof web === 'string' && typeof amp === 'string') pairs.push({ file, web, amp });
    }
    if (Array.isArray(record.related))
      for (const r of record.related) visit(r as Record<string, unknown>, file);
  };
  for (const file of readdirSync(sharedPath('seeds'))) {
    const text = readFileSync(sharedPath('seeds', file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text);
    if (front?.[1]) visit(parse(front[1]) as Record<string, unknown>, file);
  }
  return pairs;
}

describe.skipIf(!sharedAvailable('seeds'))('seeds: ampWebUrl / cdnAmpWebUrl → webUrl', () => {
  let pairs: ReturnType<typeof seedAmpPairs> = [];
  // Read in a hook: a skipped describe still runs its body, but not its hooks.
  beforeAll(() => {
    pairs = seedAmpPairs();
  });

  it('finds AMP pairs in the seeds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(6);
  });

  it('maps every AMP address to its webUrl', () => {
    for (const { file, web, amp } of pairs) {
      expect(ampToCanonical(amp), `${file}: ${amp}`).toBe(web);
      expect(canonicalizeUrl(ampToCanonical(amp) ?? ''), `${file}: ${amp}`).toBe(canonicalizeUrl(web));
    }
  });
});
