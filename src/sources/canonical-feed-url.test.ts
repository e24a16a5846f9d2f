import { describe, expect, it } from 'vitest';
import { canonicalFeedUrl, isHttpUrl } from './canonical-feed-url.js';

describe('canonicalFeedUrl', () => {
  it.each([
    ['HTTP://Example.COM:80/feed.xml#top', 'http://example.com/feed.xml'],
    ['https://user:pw@example.com:443/rss?format=rss&b=2', 'https://example.com/rss?format=rss&b=2'],
    ['  https://example.com  ', 'https://example.com/'],
    ['http://example.com:8080/a/../feed', 'http://example.com:8080/feed'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalFeedUrl(input)).toBe(expected);
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => canonicalFeedUrl('feed.xml')).toThrow(/not a URL/);
    expect(() => canonicalFeedUrl('ftp://example.com/feed')).toThrow(/only http\(s\)/);
  });

  it('tells bare URLs from paths', () => {
    expect(isHttpUrl('https://a.example/x')).toBe(true);
    expect(isHttpUrl('HTTP://a.example')).toBe(true);
    expect(isHttpUrl('./https/file.xml')).toBe(false);
  });
});
