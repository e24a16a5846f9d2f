import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../test/support/mulberry32.js';
import { canonicalizeUrl } from './canonicalize-url.js';
import { isTrackingParam, TRACKING_PARAMS, TRACKING_PARAM_PREFIXES } from './tracking-params.js';

describe('canonicalizeUrl', () => {
  it.each([
    // scheme, host, port
    ['HTTPS://News.Example.ORG/Path/Case', 'https://news.example.org/Path/Case'],
    ['http://news.example.org/a', 'https://news.example.org/a'],
    ['http://news.example.org:80/a', 'https://news.example.org/a'],
    ['https://news.example.org:443/a', 'https://news.example.org/a'],
    ['http://news.example.org:8080/a', 'http://news.example.org:8080/a'],
    ['https://news.example.org:8443/a', 'https://news.example.org:8443/a'],
    ['https://news.example.org./a', 'https://news.example.org/a'],
    ['https://editor:secret@news.example.org/a', 'https://news.example.org/a'],
    ['  https://news.example.org/a  ', 'https://news.example.org/a'],
    // path
    ['https://news.example.org', 'https://news.example.org/'],
    ['https://news.example.org/a/./b/../c', 'https://news.example.org/a/c'],
    ['https://news.example.org/a/b/', 'https://news.example.org/a/b/'],
    // fragments and empty queries
    ['https://news.example.org/a#comments', 'https://news.example.org/a'],
    ['https://news.example.org/a?', 'https://news.example.org/a'],
    ['https://news.example.org/a?#x', 'https://news.example.org/a'],
    ['https://news.example.org/a?&&', 'https://news.example.org/a'],
    // tracking parameters go, meaningful ones stay, sorted
    ['https://news.example.org/a?utm_source=tw&utm_medium=social', 'https://news.example.org/a'],
    ['https://news.example.org/a?UTM_Campaign=x&fbclid=abc&gclid=1', 'https://news.example.org/a'],
    ['https://news.example.org/a?story=12&utm_source=x&id=7', 'https://news.example.org/a?id=7&story=12'],
    ['https://news.example.org/?p=481&mc_cid=1&mc_eid=2', 'https://news.example.org/?p=481'],
    [
      'https://news.example.org/a?vero_id=1&oly_enc_id=2&__s=3&s_cid=4&mkt_tok=5',
      'https://news.example.org/a',
    ],
    [
      'https://news.example.org/a?_ga=1&_gl=2&igshid=3&yclid=4&ref_src=5&ref_url=6',
      'https://news.example.org/a',
    ],
    [
      'https://news.example.org/a?cmpid=1&ncid=2&ocid=3&sr_share=4&dclid=5&msclkid=6',
      'https://news.example.org/a',
    ],
    ['https://news.example.org/a?z=1&b=2&a=3', 'https://news.example.org/a?a=3&b=2&z=1'],
    ['https://news.example.org/a?tag=x&tag=a', 'https://news.example.org/a?tag=x&tag=a'],
    ['https://news.example.org/a?flag&id=1', 'https://news.example.org/a?flag&id=1'],
    ['https://news.example.org/a?utm%5Fsource=x&id=1', 'https://news.example.org/a?id=1'],
    // percent-encoding (RFC 3986 §6.2.2)
    ['https://news.example.org/%7euser/%2Dx', 'https://news.example.org/~user/-x'],
    ['https://news.example.org/caf%c3%a9', 'https://news.example.org/caf%C3%A9'],
    ['https://news.example.org/café', 'https://news.example.org/caf%C3%A9'],
    ['https://news.example.org/a%2fb', 'https://news.example.org/a%2Fb'],
    ['https://news.example.org/s?q=a%2bb&r=%7e', 'https://news.example.org/s?q=a%2Bb&r=~'],
    ['https://news.example.org/a b', 'https://news.example.org/a%20b'],
    ['https://news.example.org/100%/a%zz', 'https://news.example.org/100%25/a%25zz'],
    ['https://news.example.org/a%%41', 'https://news.example.org/a%25A'],
    // hosts
    ['https://BÜCHER.example/x', 'https://xn--bcher-kva.example/x'],
    ['http://127.0.0.1/x', 'https://127.0.0.1/x'],
    ['http://[::1]:8080/x', 'http://[::1]:8080/x'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a url',
    '/relative/path',
    'ftp://files.example.org/x',
    'mailto:desk@example.org',
    'javascript:alert(1)',
    'https://',
    'http://exa mple.org/',
  ])('%j → null', (input) => {
    expect(canonicalizeUrl(input)).toBeNull();
  });

  describe('rel=canonical', () => {
    const page = 'https://news.example.org/2024/05/story-title?utm_source=rss';
    it.each([
      ['https://news.example.org/2024/05/story-title/', 'https://news.example.org/2024/05/story-title/'],
      ['/2024/05/story', 'https://news.example.org/2024/05/story'],
      ['story-2', 'https://news.example.org/2024/05/story-2'],
      ['//cdn.example.org/mirror/story', 'https://cdn.example.org/mirror/story'],
      [
        'https://origin.example.net/original-story?utm_medium=syndication',
        'https://origin.example.net/original-story',
      ],
      ['https://news.example.org/?p=99', 'https://news.example.org/?p=99'],
      // ignored: a homepage (other site or own), not http(s), unparseable, empty
      ['https://other.example.net/', 'https://news.example.org/2024/05/story-title'],
      ['https://other.example.net/index.html', 'https://news.example.org/2024/05/story-title'],
      ['/', 'https://news.example.org/2024/05/story-title'],
      ['https://other.example.net/?utm_source=x', 'https://news.example.org/2024/05/story-title'],
      ['ftp://other.example.net/story', 'https://news.example.org/2024/05/story-title'],
      ['http://exa mple.org/', 'https://news.example.org/2024/05/story-title'],
      ['', 'https://news.example.org/2024/05/story-title'],
    ])('canonical %j', (canonical, expected) => {
      expect(canonicalizeUrl(page, { canonical })).toBe(expected);
    });

    it('keeps a homepage canonical on a homepage', () => {
      expect(
        canonicalizeUrl('https://www.example.org/?utm_source=x', { canonical: 'https://example.org/' }),
      ).toBe('https://example.org/');
    });
  });

  it('resolves a relative url against base', () => {
    expect(canonicalizeUrl('../items/7?ref_src=feed', { base: 'https://news.example.org/feeds/all/' })).toBe(
      'https://news.example.org/feeds/items/7',
    );
    expect(canonicalizeUrl('x', { base: 'not a base' })).toBeNull();
  });

  it('maps http and https variants of one page to one key', () => {
    const variants = [
      'http://news.example.org/a?id=1#x',
      'https://news.example.org:443/a?utm_source=y&id=1',
      'HTTP://NEWS.EXAMPLE.ORG:80/a?id=1&fbclid=2',
    ];
    expect(new Set(variants.map((v) => canonicalizeUrl(v))).size).toBe(1);
  });

  it('is idempotent and never throws on random input', () => {
    const alphabet = 'ab:/?#&=%.~-_+ AÉ0123456789%2e%7E[]@';
    const random = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      let tail = '';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j++) tail += alphabet[Math.floor(random() * alphabet.length)];
      const input = (random() < 0.7 ? 'https://news.example.org/' : '') + tail;
      const once = canonicalizeUrl(input);
      if (once !== null) expect(canonicalizeUrl(once), input).toBe(once);
    }
  });
});

describe('tracking parameter list', () => {
  it('covers every name and prefix it lists, case-insensitively', () => {
    for (const name of TRACKING_PARAMS) expect(isTrackingParam(name.toUpperCase()), name).toBe(true);
    for (const prefix of TRACKING_PARAM_PREFIXES)
      expect(isTrackingParam(`${prefix}anything`), prefix).toBe(true);
  });

  it.each(['id', 'p', 'story', 'page', 'q', 'amp', 'article', 'utm', 'ref', 'source'])('keeps %s', (name) => {
    expect(isTrackingParam(name)).toBe(false);
  });
});
