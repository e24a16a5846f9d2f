import { describe, expect, it } from 'vitest';
import type { NewsRecord } from '../core/record.js';
import { articleUrlsOf, canonicalUrlOf, collectUrls } from './collect-urls.js';

describe('collectUrls', () => {
  it.each<[string, NewsRecord, string[]]>([
    [
      'all four fields, AMP forms kept and the article behind them deduplicated',
      {
        title: 't',
        originalUrl: 'http://www.example.org/a/story/?utm_source=rss#x',
        webUrl: 'https://www.example.org/a/story/',
        ampWebUrl: 'https://www.example.org/a/story/amp/',
        cdnAmpWebUrl: 'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/a/story/amp/',
      },
      [
        'https://www.example.org/a/story/',
        'https://www.example.org/a/story/amp/',
        'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/a/story/amp/',
      ],
    ],
    [
      'only an AMP address: the article URL is derived',
      { title: 't', ampWebUrl: 'https://www.example.org/b.amp.html?amp=1' },
      ['https://www.example.org/b.amp.html?amp=1', 'https://www.example.org/b.html'],
    ],
    [
      'original differs from webUrl (redirect)',
      { title: 't', originalUrl: 'https://feeds.example.net/r/123', webUrl: 'https://www.example.org/c' },
      ['https://feeds.example.net/r/123', 'https://www.example.org/c'],
    ],
    ['no URL', { title: 't' }, []],
    [
      'unparseable and non-string values',
      { title: 't', webUrl: 'not a url', originalUrl: 42 as unknown as string },
      [],
    ],
  ])('%s', (_label, record, expected) => {
    expect(collectUrls(record)).toEqual(expected);
  });

  it('ignores URLs of related records and images', () => {
    const record: NewsRecord = {
      title: 't',
      webUrl: 'https://www.example.org/main',
      images: [{ url: 'https://img.example.org/1.jpg' }],
      related: [{ title: 'r', webUrl: 'https://other.example.net/x' }],
    };
    expect(collectUrls(record)).toEqual(['https://www.example.org/main']);
  });
});

describe('canonicalUrlOf', () => {
  it.each<[string, NewsRecord, string | null]>([
    [
      'webUrl first',
      {
        title: 't',
        originalUrl: 'https://feeds.example.net/r/1',
        webUrl: 'http://www.example.org/x?fbclid=1',
      },
      'https://www.example.org/x',
    ],
    [
      'then the article behind ampWebUrl',
      { title: 't', originalUrl: 'https://feeds.example.net/r/1', ampWebUrl: 'https://amp.example.org/x' },
      'https://www.example.org/x',
    ],
    [
      'then cdnAmpWebUrl',
      { title: 't', cdnAmpWebUrl: 'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/y/amp' },
      'https://www.example.org/y',
    ],
    [
      'then originalUrl',
      { title: 't', originalUrl: 'https://feeds.example.net/r/1' },
      'https://feeds.example.net/r/1',
    ],
    [
      'skipping unparseable values',
      { title: 't', webUrl: '::', originalUrl: 'https://www.example.org/z' },
      'https://www.example.org/z',
    ],
    ['null without any URL', { title: 't' }, null],
  ])('%s', (_label, record, expected) => {
    expect(canonicalUrlOf(record)).toBe(expected);
    // The one-pass form ingest uses gives the same pair.
    expect(articleUrlsOf(record)).toEqual({ canonicalUrl: expected, urls: collectUrls(record) });
  });
});
