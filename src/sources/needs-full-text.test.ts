import { describe, expect, it } from 'vitest';
import { needsFullText, TEASER_MAX_CHARS } from './needs-full-text.js';

const long = 'The council approved the plan after a long debate about costs. '.repeat(20);
const link = 'https://news.example/a';

describe('needsFullText', () => {
  it('auto: a short item is a teaser, a long one is not', () => {
    expect(needsFullText({ link, text: 'Two lines of summary.' }, 'auto')).toBe(true);
    expect(long.length).toBeGreaterThan(TEASER_MAX_CHARS);
    expect(needsFullText({ link, text: long }, 'auto')).toBe(false);
  });

  it('auto: a long item that ends like a cut-off teaser is a teaser', () => {
    expect(needsFullText({ link, text: `${long} Continue reading` }, 'auto')).toBe(true);
    expect(needsFullText({ link, text: `${long} and then […]` }, 'auto')).toBe(true);
    expect(needsFullText({ link, text: `${long}…` }, 'auto')).toBe(true);
  });

  it('always / never override the length', () => {
    expect(needsFullText({ link, text: long }, 'always')).toBe(true);
    expect(needsFullText({ link, text: 'short' }, 'never')).toBe(false);
  });

  it('never without an absolute http(s) link', () => {
    expect(needsFullText({ link: null, text: 'short' }, 'always')).toBe(false);
    expect(needsFullText({ link: '/relative', text: 'short' }, 'auto')).toBe(false);
  });
});
