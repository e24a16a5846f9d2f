import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { extractArticle } from './extract-article.js';
import { DEFAULT_LIMITS } from './limits.js';
import { parseHtml } from './parse-html.js';

/**
 * Hostile pages: each must return or fail with a catalogue error, within a bounded time, and
 * without exhausting memory. Time bounds are generous (a shared CI machine) but far below what the
 * quadratic paths they guard against would take (htmlparser2's own Parser needs seconds to minutes
 * on some of these).
 */

const PROSE = '<p>' + 'The committee met again on Thursday to discuss the harbour budget in detail. '.repeat(8) + '</p>';

/** Generous budget: these tests check the caps, not the clock (the budget has its own test). */
const RELAXED = { timeBudgetMs: 60_000 };

/** Runs `fn`, returning its outcome (result or HeatwireError code) and the time it took. */
function timed<T>(fn: () => T): { ms: number; result?: T; code?: string } {
  const start = performance.now();
  try {
    const result = fn();
    return { ms: performance.now() - start, result };
  } catch (err) {
    if (!(err instanceof HeatwireError)) throw err;
    return { ms: performance.now() - start, code: err.code };
  }
}

describe('hostile pages', () => {
  it('survives 100k levels of nesting (depth is capped, text is kept)', () => {
    const html = '<div>'.repeat(100_000) + PROSE + '</div>'.repeat(100_000);
    const outcome = timed(() => extractArticle(html, RELAXED));
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.result?.text).toContain('harbour budget');
    const doc = parseHtml(html);
    let depth = 0;
    for (let el = doc.body.firstElementChild; el; el = el.firstElementChild) depth++;
    expect(depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth + 1);
  });

  it('survives runs of unmatched end tags', () => {
    const html = '<b>'.repeat(50_000) + PROSE + '</i>'.repeat(200_000);
    const outcome = timed(() => extractArticle(html, RELAXED));
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.result?.text ?? '').toContain('harbour budget');
  });

  it('survives one element with 1M attributes (attributes are capped)', () => {
    const attrs = Array.from({ length: 1_000_000 }, (_, i) => `a${i}`).join(' ');
    const html = `<div ${attrs}>${PROSE}</div>`;
    const outcome = timed(() => extractArticle(html, { ...RELAXED, maxBytes: 10 * 1024 * 1024 }));
    expect(outcome.ms).toBeLessThan(20_000);
    const doc = parseHtml(html);
    expect(doc.body.firstElementChild?.attrs.size).toBe(DEFAULT_LIMITS.maxAttributes);
  });

  it('survives a huge run of entities', () => {
    const html = `<p>${'&amp;&#x41;&lt;'.repeat(300_000)}</p>${PROSE}`;
    const outcome = timed(() => extractArticle(html, RELAXED));
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.result?.text).toContain('&A<&A<');
  });

  it('stops building past the element cap and says so', () => {
    const html = PROSE + '<span>x</span>'.repeat(300_000);
    const outcome = timed(() => extractArticle(html, RELAXED));
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.result?.warnings).toContain('elements-truncated');
    expect(parseHtml(html).elements).toBe(DEFAULT_LIMITS.maxElements);
  });

  it('refuses binary garbage', () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    const outcome = timed(() => extractArticle(bytes.toString('latin1')));
    expect(outcome.code).toBe('INPUT_BINARY');
  });

  it('handles HTML cut off in the middle of a tag, attribute, comment or script', () => {
    for (const tail of ['<div class="a', '<a href=', '<!-- never closed', '<script>var x = "', '<p>text &am', '<![CDATA[ x']) {
      const outcome = timed(() => extractArticle(`<html><body><article>${PROSE}${PROSE}${tail}`, RELAXED));
      expect(outcome.result?.text).toContain('harbour budget');
    }
  });

  it('gives up with EXTRACT_FAILED when the time budget runs out', () => {
    const html = ('<div><p>' + 'words and more words, '.repeat(30) + '</p></div>').repeat(5000);
    const outcome = timed(() => extractArticle(html, { timeBudgetMs: 1 }));
    expect(outcome.code).toBe('EXTRACT_FAILED');
    expect(outcome.ms).toBeLessThan(5000);
  });

  it('keeps a 5 MB page within a few seconds', () => {
    const para = '<p>' + 'A sentence with some words, and a comma, in it. '.repeat(20) + '</p>';
    const html = `<html><body><article>${para.repeat(Math.floor((5 * 1024 * 1024) / para.length))}</article></body></html>`;
    const outcome = timed(() => extractArticle(html, RELAXED));
    expect(outcome.ms).toBeLessThan(20_000);
    expect(outcome.result?.text.length).toBeGreaterThan(1_000_000);
  });
});
