import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { extractArticle, ExtractedArticleSchema, resolvePublishedDate } from './extract-article.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'extract');

/** A golden expectation, written by hand next to its page. */
const GoldenSchema = z.object({
  options: z.object({ url: z.string().optional() }),
  fields: z.record(z.string(), z.unknown()),
  textStartsWith: z.string().optional(),
  textIncludes: z.array(z.string()),
  textExcludes: z.array(z.string()),
  htmlIncludes: z.array(z.string()),
  htmlExcludes: z.array(z.string()),
});

const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

describe('extractArticle golden pages', () => {
  it('has at least 8 golden pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(pages)('%s', (name) => {
    const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
    const golden = GoldenSchema.parse(JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')));
    const article = extractArticle(html, golden.options);

    it('matches the expected fields', () => {
      for (const [key, value] of Object.entries(golden.fields)) {
        expect({ [key]: article[key as keyof typeof article] }).toEqual({ [key]: value });
      }
    });

    it('keeps the article text and drops the boilerplate', () => {
      if (golden.textStartsWith) expect(article.text.startsWith(golden.textStartsWith)).toBe(true);
      for (const s of golden.textIncludes) expect(article.text).toContain(s);
      for (const s of golden.textExcludes) expect(article.text).not.toContain(s);
      for (const s of golden.htmlIncludes) expect(article.html).toContain(s);
      for (const s of golden.htmlExcludes) expect(article.html).not.toContain(s);
    });

    it('returns a well-formed result with safe HTML', () => {
      expect(ExtractedArticleSchema.safeParse(article).success).toBe(true);
      expect(article.html).not.toMatch(/<script|<style|<iframe|\son\w+=|javascript:/i);
      expect(article.text).not.toMatch(/\n{3,}/);
    });
  });
});

describe('extractArticle input checks', () => {
  const page = readFileSync(join(FIXTURES, 'og-only.html'), 'utf8');

  it('refuses empty input', () => {
    expect(() => extractArticle('  \n ')).toThrow(expect.objectContaining({ code: 'INPUT_EMPTY' }));
  });

  it('refuses binary input', () => {
    const binary = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    expect(() => extractArticle(binary)).toThrow(expect.objectContaining({ code: 'INPUT_BINARY' }));
  });

  it('truncates an oversized page by default and says so', () => {
    const big = page.replace('</body>', `<p>${'padding text '.repeat(2000)}</p></body>`);
    const article = extractArticle(big, { maxBytes: 4000 });
    expect(article.warnings).toContain('input-truncated');
    expect(article.text).toContain('For forty years the keeper');
  });

  it('refuses an oversized page when asked to', () => {
    let error: unknown;
    try {
      extractArticle(page, { maxBytes: 100, oversize: 'refuse', url: 'https://example.org/x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HeatwireError);
    expect((error as HeatwireError).code).toBe('INPUT_TOO_LARGE');
    expect((error as HeatwireError).input).toBe('https://example.org/x');
  });

  it('counts UTF-8 bytes, not characters, against maxBytes', () => {
    const accented = `<p>${'é'.repeat(3000)}</p>`; // 3000 characters, 6000 bytes
    expect(extractArticle(accented, { maxBytes: 5000 }).warnings).toContain('input-truncated');
    expect(extractArticle(accented, { maxBytes: 7000 }).warnings).not.toContain('input-truncated');
  });

  it('resolves links against the page URL and keeps in-page anchors', () => {
    const html = `<article><p>${'A sentence about the river and the bridge. '.repeat(15)}<a href="../maps/river.html">map</a> <a href="#notes">notes</a> <a href="javascript:alert(1)">x</a></p></article>`;
    const article = extractArticle(html, { url: 'https://news.example/2020/story/index.html' });
    expect(article.html).toContain('href="https://news.example/2020/maps/river.html"');
    expect(article.html).toContain('href="#notes"');
    expect(article.html).not.toContain('javascript:');
  });
});

describe('resolvePublishedDate', () => {
  it('prefers the declared date, falls back to the guess, else null', () => {
    const guess = { value: '2021-01-02T00:00:00Z', source: 'url' as const };
    expect(resolvePublishedDate({ publishedDateTime: '2021-01-03T10:00:00Z', publishedTimeGuess: guess })).toBe('2021-01-03T10:00:00Z');
    expect(resolvePublishedDate({ publishedDateTime: null, publishedTimeGuess: guess })).toBe('2021-01-02T00:00:00Z');
    expect(resolvePublishedDate({ publishedDateTime: null, publishedTimeGuess: null })).toBeNull();
  });
});
