import { describe, expect, it } from 'vitest';
import { articleTitleFromDocument } from './article-title.js';
import { articleJsonLd, readabilityJsonLd } from './json-ld.js';
import { readMetadata, splitAuthors, unescapeEntities } from './metadata.js';
import { parseHtml } from './parse-html.js';

const ld = (value: unknown): string => JSON.stringify(value);

describe('articleJsonLd', () => {
  it('finds the article in a @graph and resolves @id references', () => {
    const found = articleJsonLd([
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Site' },
          { '@type': 'Organization', '@id': '#org', name: 'Daily Example' },
          { '@type': 'Person', '@id': '#a', name: 'Ann Author' },
          { '@type': ['NewsArticle', 'Article'], headline: 'H', author: [{ '@id': '#a' }, 'Bo Writer'], publisher: { '@id': '#org' }, image: { '@type': 'ImageObject', url: 'https://x.example/i.jpg', width: '640', height: 480 } },
        ],
      }),
    ]);
    expect(found).toMatchObject({
      headline: 'H',
      authors: ['Ann Author', 'Bo Writer'],
      publisher: 'Daily Example',
      images: [{ url: 'https://x.example/i.jpg', width: 640, height: 480 }],
    });
  });

  it('tolerates raw newlines inside strings and CDATA wrappers', () => {
    const script = '<![CDATA[{"@type":"BlogPosting","headline":"Line one\nline two","datePublished":"2020-01-02"}]]>';
    expect(articleJsonLd([script])).toMatchObject({ headline: 'Line one line two', datePublished: '2020-01-02' });
  });

  it('returns null without an article object, and ignores broken scripts', () => {
    expect(articleJsonLd(['{not json', ld({ '@type': 'Organization', name: 'X' })])).toBeNull();
  });
});

describe('readabilityJsonLd', () => {
  it('requires a schema.org context, like Readability', () => {
    expect(readabilityJsonLd([ld({ '@type': 'NewsArticle', headline: 'No context' })], () => '')).toEqual({});
    expect(readabilityJsonLd([ld({ '@context': 'http://schema.org', '@type': 'NewsArticle', headline: 'Yes' })], () => '')).toEqual({ title: 'Yes' });
  });

  it('prefers the headline when the name is the site name', () => {
    const script = ld({ '@context': 'https://schema.org', '@type': 'Article', name: 'Example Daily', headline: 'Bridge reopens after repairs' });
    expect(readabilityJsonLd([script], () => 'Bridge reopens after repairs').title).toBe('Bridge reopens after repairs');
  });
});

describe('article title from <title>', () => {
  const root = parseHtml('<body><h1>Other</h1></body>').root;
  it.each([
    ['Bridge reopens after two years of repairs | Example Daily', 'Bridge reopens after two years of repairs'],
    ['Bridge reopens after two years of repairs – Example Daily', 'Bridge reopens after two years of repairs'],
    ['Example Daily: Bridge reopens after two years of repairs', 'Bridge reopens after two years of repairs'],
    ['Home - Site', 'Home - Site'],
  ])('%s → %s', (title, expected) => {
    expect(articleTitleFromDocument(title, root)).toBe(expected);
  });
});

describe('splitAuthors and entities', () => {
  it.each([
    ['By Ann Author and Bo Writer', ['Ann Author', 'Bo Writer']],
    ['Ann Author, Bo Writer, and Cy Reporter', ['Ann Author', 'Bo Writer', 'Cy Reporter']],
    ['Von Lena Vogt', ['Lena Vogt']],
    ['https://example.org/people/ann', []],
  ])('%s', (byline, expected) => {
    expect(splitAuthors(byline)).toEqual(expected);
  });

  it('decodes double-escaped meta values', () => {
    expect(unescapeEntities('Tom &amp; Jerry &#8217;s &#x1F600; &#0;')).toBe('Tom & Jerry ’s 😀 \ufffd');
  });
});

describe('readMetadata', () => {
  it('reads dates from a <time> element and the URL when nothing else has one', () => {
    const withTime = parseHtml('<title>T</title><body><article><time datetime="2019-05-06T10:00:00+02:00">May 6</time></article>');
    expect(readMetadata(withTime, null).publishedDateTime).toBe('2019-05-06T08:00:00Z');
    const bare = parseHtml('<title>T</title><body><p>x</p>');
    expect(readMetadata(bare, 'https://news.example/2018/11/02/story').publishedDateTime).toBe('2018-11-02T00:00:00Z');
  });

  it('resolves canonical and AMP links against <base href> and the page URL', () => {
    const doc = parseHtml('<head><base href="https://cdn.example/site/"><link rel="canonical" href="story"><link rel="amphtml" href="/amp/story"></head>');
    const meta = readMetadata(doc, 'https://www.example/page');
    expect(meta.canonicalUrl).toBe('https://cdn.example/site/story');
    expect(meta.ampUrl).toBe('https://cdn.example/amp/story');
  });

  it('takes the language from content-language when <html lang> is missing', () => {
    const doc = parseHtml('<head><meta http-equiv="Content-Language" content="pt_BR"></head><body></body>');
    expect(readMetadata(doc, null).language).toBe('pt-BR');
  });
});
