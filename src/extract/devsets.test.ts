import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DevsetCasesSchema as CasesSchema, ExpectedMetadataSchema as MetaSchema } from './devset-files.js';
import { sharedAvailable, sharedPath } from '../../test/support/shared.js';
import { normalizeDate } from './dates.js';
import { extractArticle } from './extract-article.js';
import { toPlainText } from './html-output.js';
import { parseHtml } from './parse-html.js';
import { checkSnippets, scorePage, summarizeScores } from './quality-metrics.js';

/**
 * Guard thresholds on the public devsets (../shared/devsets, README there): a regression alarm, not
 * the benchmark (`npm run bench:extract` measures and compares with Readability). Skipped with a
 * message when ../shared is missing; a failure under CI=true.
 */


describe.skipIf(!sharedAvailable('devsets'))('devsets guard thresholds', () => {
  it('trafilatura-en: at least 90% of snippets right', () => {
    const dir = sharedPath('devsets', 'trafilatura-en');
    const cases = CasesSchema.parse(JSON.parse(readFileSync(`${dir}/cases.json`, 'utf8')));
    let right = 0;
    let total = 0;
    let passed = 0;
    for (const [url, c] of Object.entries(cases)) {
      const article = extractArticle(readFileSync(`${dir}/pages/${c.file}`, 'utf8'), { url, timeBudgetMs: 30_000 });
      const result = checkSnippets(article.text, c.with, c.without);
      right += result.right;
      total += result.total;
      if (result.passed) passed++;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
    expect(passed / Object.keys(cases).length).toBeGreaterThanOrEqual(0.7);
  }, 60_000);

  it('readability-pages: body F1 ≥ 0.93 and metadata close to the reference', () => {
    const dir = sharedPath('devsets', 'readability-pages');
    const scores = [];
    const fields = ['title', 'byline', 'excerpt', 'siteName'] as const;
    const hits = { title: 0, byline: 0, excerpt: 0, siteName: 0, published: 0, publishedExpected: 0, publishedAll: 0 };
    const names = readdirSync(dir);
    for (const name of names) {
      const article = extractArticle(readFileSync(`${dir}/${name}/source.html`, 'utf8'), {
        url: 'http://fakehost/test/page.html',
        timeBudgetMs: 30_000,
      });
      const expected = MetaSchema.parse(JSON.parse(readFileSync(`${dir}/${name}/expected-metadata.json`, 'utf8')));
      const reference = toPlainText(parseHtml(readFileSync(`${dir}/${name}/expected.html`, 'utf8')).body);
      scores.push(scorePage(reference, article.text));
      for (const f of fields) if ((article[f] || null) === (expected[f] || null)) hits[f]++;
      const expectedDate = normalizeDate(expected.publishedTime);
      // publishedDateTime is the declared date only; a page the reference gives none must have none.
      if (article.publishedDateTime === expectedDate) hits.publishedAll++;
      if (expectedDate) {
        hits.publishedExpected++;
        if (article.publishedDateTime === expectedDate) hits.published++;
      }
    }
    const { f1 } = summarizeScores(scores);
    expect(f1).toBeGreaterThanOrEqual(0.93);
    for (const f of fields) expect(hits[f] / names.length, f).toBeGreaterThanOrEqual(0.95);
    expect(hits.published / hits.publishedExpected).toBeGreaterThanOrEqual(0.95);
    expect(hits.publishedAll / names.length).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
