import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../core/article.js';
import type { ExtractedArticle } from '../extract/index.js';
import { mergePageIntoItem } from './merge-page-item.js';

const teaser: IncomingItem = {
  record: {
    category: 'news',
    title: 'Feed title wins',
    excerpt: 'Feed teaser.',
    publishedDateTime: '2025-03-04T09:30:00Z',
    originalUrl: 'https://news.example/a?utm_source=rss',
    webUrl: 'https://news.example/a?utm_source=rss',
    provider: { name: 'News Example - All stories' },
    images: [{ url: 'https://cdn.example/thumb.jpg', isCached: false }],
  },
  text: 'Feed teaser.',
  origin: 'https://news.example/feed',
};

function page(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    url: 'https://news.example/a',
    canonicalUrl: 'https://news.example/a',
    ampUrl: 'https://news.example/a/amp',
    title: 'Page title loses | News Example',
    byline: null,
    authors: [],
    publishedDateTime: '2025-03-04T09:00:00Z',
    publishedTimeGuess: null,
    modifiedDateTime: '2025-03-05T10:00:00Z',
    siteName: 'News Example',
    language: 'en',
    excerpt: 'Page excerpt.',
    text: 'The whole article, much longer than the teaser. '.repeat(10).trim(),
    html: '<p>The whole article…</p>',
    leadImage: { url: 'https://cdn.example/lead.jpg', width: 1200, height: 630 },
    warnings: [],
    ...over,
  };
}

describe('mergePageIntoItem', () => {
  it('keeps the feed title and date; takes text, html, lead image, URLs and site from the page', () => {
    const merged = mergePageIntoItem(teaser, page());
    expect(merged.record.title).toBe('Feed title wins');
    expect(merged.record.publishedDateTime).toBe('2025-03-04T09:30:00Z');
    expect(merged.record.updatedDateTime).toBe('2025-03-05T10:00:00Z');
    expect(merged.record.excerpt).toBe('Feed teaser.');
    expect(merged.record.originalUrl).toBe(teaser.record.originalUrl);
    expect(merged.record.webUrl).toBe('https://news.example/a');
    expect(merged.record.ampWebUrl).toBe('https://news.example/a/amp');
    expect(merged.record.provider).toEqual({ name: 'News Example' });
    expect(merged.record.images).toEqual([
      { url: 'https://cdn.example/lead.jpg', width: 1200, height: 630, isCached: false },
      { url: 'https://cdn.example/thumb.jpg', isCached: false },
    ]);
    expect(merged.text).toBe(page().text);
    expect(merged.html).toBe('<p>The whole article…</p>');
    expect(teaser.record.webUrl).toContain('utm_source'); // the input is not mutated
  });

  it("takes the page's date when the feed's was a guess", () => {
    const merged = mergePageIntoItem(teaser, page(), { feedDateGuessed: true });
    expect(merged.record.publishedDateTime).toBe('2025-03-04T09:00:00Z');
  });

  it("falls back to the page's inferred date when it declares none and the feed has no real date", () => {
    const guessed = page({ publishedDateTime: null, publishedTimeGuess: { value: '2025-03-04T00:00:00Z', source: 'url' } });
    const { publishedDateTime: _, ...dateless } = teaser.record;
    expect(mergePageIntoItem({ ...teaser, record: dateless }, guessed).record.publishedDateTime).toBe('2025-03-04T00:00:00Z');
    expect(mergePageIntoItem(teaser, guessed, { feedDateGuessed: true }).record.publishedDateTime).toBe('2025-03-04T00:00:00Z');
    expect(mergePageIntoItem(teaser, guessed).record.publishedDateTime).toBe('2025-03-04T09:30:00Z'); // a real feed date wins
  });

  it('keeps the feed item when the page says less', () => {
    const rich = { ...teaser, text: 'A feed item that already carries a long text. '.repeat(12) };
    expect(mergePageIntoItem(rich, page())).toBe(rich);
    expect(mergePageIntoItem(teaser, page({ text: '  ' }))).toBe(teaser);
  });
});
