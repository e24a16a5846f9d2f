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
  const dates = (head: string, body: string, url: string | null = null): Pick<ReturnType<typeof readMetadata>, 'publishedDateTime' | 'publishedTimeGuess'> => {
    const { publishedDateTime, publishedTimeGuess } = readMetadata(parseHtml(`<head><title>T</title>${head}</head><body>${body}</body>`), url);
    return { publishedDateTime, publishedTimeGuess };
  };
  const TIME = '<article><time datetime="2019-05-06T10:00:00+02:00">May 6</time><p>x</p></article>';

  it.each([
    ['JSON-LD datePublished', `<script type="application/ld+json">${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2020-02-03T04:05:06Z' })}</script>`],
    ['OpenGraph article:published_time', '<meta property="article:published_time" content="2020-02-03T05:05:06+01:00">'],
    ['Parse.ly pub-date', '<meta name="parsely-pub-date" content="2020-02-03T04:05:06Z">'],
  ])('a date declared by %s is publishedDateTime, with no guess', (_, head) => {
    expect(dates(head, TIME, 'https://news.example/2018/11/02/story')).toEqual({ publishedDateTime: '2020-02-03T04:05:06Z', publishedTimeGuess: null });
  });

  it.each([
    ['Dublin Core', '<meta name="DC.date.issued" content="2020-02-03T04:05:06Z">', '', 'metadata'],
    ['a generic date meta', '<meta name="date" content="2020-02-03 04:05:06">', '', 'metadata'],
    ['JSON-LD dateCreated', `<script type="application/ld+json">${ld({ '@context': 'https://schema.org', '@type': 'Article', dateCreated: '2020-02-03T04:05:06Z' })}</script>`, '', 'metadata'],
    ['microdata', '', '<div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="2020-02-03T04:05:06Z"></div>', 'microdata'],
    ['a <time pubdate>', '', '<time datetime="2001-01-01">old</time><time pubdate datetime="2020-02-03T04:05:06Z">x</time>', 'time'],
  ])('a date from %s is only a guess', (_, head, body, source) => {
    expect(dates(head, body)).toEqual({ publishedDateTime: null, publishedTimeGuess: { value: '2020-02-03T04:05:06Z', source } });
  });

  it('guesses from the first <time datetime>, then the URL, when nothing is declared', () => {
    expect(dates('', TIME, 'https://news.example/2018/11/02/story').publishedTimeGuess).toEqual({ value: '2019-05-06T08:00:00Z', source: 'time' });
    expect(dates('', '<p>x</p>', 'https://news.example/2018/11/02/story')).toEqual({
      publishedDateTime: null,
      publishedTimeGuess: { value: '2018-11-02T00:00:00Z', source: 'url' },
    });
    expect(dates('', '<time datetime="soon">x</time>', 'https://news.example/story')).toEqual({ publishedDateTime: null, publishedTimeGuess: null });
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
