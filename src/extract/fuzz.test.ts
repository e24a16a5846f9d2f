import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { extractArticle, ExtractedArticleSchema } from './extract-article.js';
import { mulberry32 } from '../../test/support/mulberry32.js';

/**
 * Fuzz-style: random tag soup, random cuts and byte flips of the golden pages. Every input must
 * give a well-formed result or a catalogue error, quickly. A seeded generator keeps failures
 * reproducible (the seed and case index are in the assertion message).
 */

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'extract');
const SEED = Number(process.env.FUZZ_SEED ?? 20240305);

const rng = mulberry32;

const TAGS = ['div', 'p', 'span', 'a', 'article', 'section', 'table', 'tr', 'td', 'ul', 'li', 'script', 'style', 'noscript', 'template', 'svg', 'br', 'img', 'h1', 'h2', 'pre', 'code', 'form', 'input', 'iframe', 'math', 'title', 'meta', 'textarea'];
const ATTRS = ['class="article content"', 'id="comments"', 'style="display:none"', 'hidden', 'href="javascript:x()"', 'src="/a.jpg"', 'onclick="x()"', 'rel="author"', 'itemprop="datePublished"', 'datetime="2020-01-01"', 'aria-hidden="true"', 'role="navigation"', 'class="share"'];
const TEXTS = ['Hello, world. ', 'The quick brown fox, jumps. ', '&amp;&lt;&#x26;&bogus; ', '<!-- c -->', '<![CDATA[x]]>', ']]>', '</', '<', '>', '"', "'", '\u0000', '\ufeff', '🙂 ', 'é ', '\n\t '];

function randomSoup(next: () => number, size: number): string {
  const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  let out = '';
  while (out.length < size) {
    const r = next();
    if (r < 0.35) out += `<${pick(TAGS)}${next() < 0.5 ? ` ${pick(ATTRS)}` : ''}${next() < 0.1 ? '/' : ''}>`;
    else if (r < 0.6) out += `</${pick(TAGS)}>`;
    else out += pick(TEXTS).repeat(1 + Math.floor(next() * 5));
  }
  return out;
}

function check(html: string, label: string): void {
  const start = performance.now();
  let article: unknown;
  let error: unknown;
  try {
    article = extractArticle(html, { url: 'https://fuzz.example/a/b.html', timeBudgetMs: 20_000 });
  } catch (err) {
    error = err;
  }
  expect(performance.now() - start, label).toBeLessThan(5_000);
  if (error !== undefined) {
    expect(error, label).toBeInstanceOf(HeatwireError);
    return;
  }
  const parsed = ExtractedArticleSchema.safeParse(article);
  expect(parsed.success, label).toBe(true);
  // No live markup can come out: no script/iframe elements, no event-handler attributes, no
  // javascript: URLs (text that merely mentions them is escaped, so look at tags only).
  const tags = parsed.data!.html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) expect(tag, label).not.toMatch(/^<(script|iframe|style|object|embed)|\son\w+=|javascript:/i);
}

describe('fuzz: extractArticle never crashes or hangs', () => {
  it('on random tag soup', () => {
    const next = rng(SEED);
    for (let i = 0; i < 300; i++) check(randomSoup(next, 50 + Math.floor(next() * 4000)), `seed ${SEED} soup #${i}`);
  });

  it('on golden pages cut at random points and with flipped bytes', () => {
    const next = rng(SEED + 1);
    const pages = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
    for (const [p, page] of pages.entries()) {
      for (let i = 0; i < 25; i++) {
        const cut = page.slice(0, Math.floor(next() * page.length));
        check(cut || ' x', `seed ${SEED} page ${p} cut #${i}`);
        const chars = [...page];
        for (let k = 0; k < 20; k++) chars[Math.floor(next() * chars.length)] = String.fromCharCode(Math.floor(next() * 128));
        check(chars.join(''), `seed ${SEED} page ${p} flip #${i}`);
      }
    }
  });
});
