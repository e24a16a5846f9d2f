import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cutAtWord, makeExcerpt } from './make-excerpt.js';
import { summarize } from './summarize.js';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/quality/${name}`, import.meta.url), 'utf8');
const article = fixture('full-article.txt');
const boiler = fixture('boilerplate-article.txt');
const title = 'Harbor Robotics raises €140 million to build a second robot factory';

describe('summarize — TextRank', () => {
  it('picks 3 sentences of the text, in text order, about the headline', () => {
    const r = summarize({ title, text: article });
    expect(r.method).toBe('textrank');
    expect(r.sentences).toHaveLength(3);
    const positions = r.sentences.map((s) => article.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.summary).toBe(r.sentences.join(' '));
    // The funding sentence is what the story is about.
    expect(r.sentences.join(' ')).toMatch(/140 million euros/);
  });

  it('gives 2 sentences when asked', () => {
    expect(summarize({ title, text: article }, { sentences: 2 }).sentences).toHaveLength(2);
  });

  it('the title steers the choice', () => {
    const aboutFactory = summarize({ title: 'New Eindhoven factory to employ 300 people', text: article });
    const untitled = summarize({ text: article });
    expect(aboutFactory.sentences.join(' ')).toMatch(/300 people|Eindhoven/);
    expect(untitled.sentences.join(' ')).not.toMatch(/300 people|Eindhoven/);
  });

  it('skips breadcrumbs, calls to action, credits and quote-only sentences', () => {
    const r = summarize({ title: 'Polar Freight to deploy 400 robots', text: boiler });
    expect(r.method).toBe('textrank');
    const joined = r.sentences.join('\n');
    expect(joined).not.toMatch(/newsletter|Click here|rights reserved|Home \/|forklifts/);
    expect(joined).toMatch(/400 picking robots/);
  });

  it('reads a real raw page text from the seeds', { skip: !sharedAvailable('seeds') }, () => {
    const seed = readFileSync(sharedPath('seeds', '002_d58b627f07bf3a7d.txt'), 'utf8');
    const r = summarize({ text: seed });
    expect(r.method).toBe('textrank');
    expect(r.sentences.length).toBe(3);
    for (const s of r.sentences) expect(seed).toContain(s);
    expect(r.summary).not.toMatch(/Yorum Ekleyin|Ana sayfa/);
  });
});

describe('summarize — honest fallbacks, never an exception', () => {
  it.each([
    ['empty text', { text: '' }, 'none', /empty/],
    ['whitespace', { text: ' \n\t ' }, 'none', /empty/],
    ['title only', { title: 'Robots everywhere', text: '' }, 'none', /empty/],
    ['no sentence punctuation', { text: 'robots warehouse freezer pickers '.repeat(50) }, 'none', /punctuation/],
    ['one sentence', { text: 'Harbor Robotics raised 140 million euros on Tuesday from pension funds.' }, 'lead', /only 1 usable/],
    ['Chinese', { text: fixture('chinese.txt') }, 'lead', /no spaces between words/],
    ['Japanese declared', { text: 'Robots are here. They pick boxes well. They work in the cold. They never sleep.', language: 'ja' }, 'lead', /language 'ja'/],
    ['Arabic', { text: fixture('arabic.txt') }, 'lead', /Arabic/],
    ['not a string', { text: 42 as unknown as string }, 'none', /empty/],
  ])('%s', (_name, input, method, reason) => {
    const r = summarize(input);
    expect(r.method).toBe(method);
    expect(r.reason).toMatch(reason);
    expect(r.summary).toBe(r.sentences.join(method === 'lead' && /[\u4e00-\u9fff]/.test(r.summary) ? '' : ' '));
  });

  it('lead sentences of Chinese text are the first three, joined without spaces', () => {
    const r = summarize({ text: fixture('chinese.txt') });
    expect(r.sentences).toHaveLength(3);
    expect(fixture('chinese.txt').startsWith(r.summary)).toBe(true);
  });

  it('stays fast on 2 MB of text', () => {
    const paragraphs = article.split('\n\n');
    let big = '';
    for (let i = 0; big.length < 2_000_000; i++) big += `${paragraphs[i % paragraphs.length]!.replace(/\d+/g, String(i))}\n\n`;
    const t0 = performance.now();
    const r = summarize({ title, text: big });
    const ms = performance.now() - t0;
    expect(r.method).toBe('textrank');
    expect(ms).toBeLessThan(1500);
  });
});

describe('makeExcerpt', () => {
  it('takes whole first sentences that fit', () => {
    const e = makeExcerpt(article, 300);
    expect(e.length).toBeLessThanOrEqual(300);
    expect(article.startsWith(e)).toBe(true);
    expect(e).toMatch(/Nordvik Capital\.$/);
  });

  it('skips breadcrumbs and calls to action', () => {
    expect(makeExcerpt(boiler, 200)).toMatch(/^Cold-storage operator Polar Freight said/);
  });

  it('cuts a long first sentence at a word boundary with an ellipsis', () => {
    const e = makeExcerpt(article, 80);
    expect(e.length).toBeLessThanOrEqual(80);
    expect(e.endsWith('…')).toBe(true);
    expect(article).toContain(e.slice(0, -1));
    expect(article[e.length - 1]).toMatch(/[\s,]/);
  });

  it.each([
    ['empty', '', ''],
    ['whitespace', '   \n', ''],
    ['no punctuation', 'warehouse robots in the cold', 'warehouse robots in the cold'],
  ])('%s', (_name, text, expected) => {
    expect(makeExcerpt(text)).toBe(expected);
  });

  it('cuts spaceless scripts hard and never splits a surrogate pair', () => {
    expect(makeExcerpt(fixture('chinese.txt'), 10)).toHaveLength(10);
    expect(cutAtWord('ab😀cd', 4)).toBe('ab…');
  });
});
