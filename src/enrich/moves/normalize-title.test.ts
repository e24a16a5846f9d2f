import { describe, expect, it } from 'vitest';
import { findTitles } from './find-titles.js';
import { normalizeTitle } from './normalize-title.js';

describe('normalizeTitle', () => {
  it.each([
    ['CRO', 'Chief Revenue Officer'],
    ['CISO', 'Chief Information Security Officer'],
    ['CTO', 'Chief Technology Officer'],
    ['CFO', 'Chief Financial Officer'],
    ['COO', 'Chief Operating Officer'],
    ['CMO', 'Chief Marketing Officer'],
    ['CPO', 'Chief Product Officer'],
    ['CAIO', 'Chief AI Officer'],
    ['co-CEO', 'Co-Chief Executive Officer'],
    ['chief executive', 'Chief Executive Officer'],
    ['Chief Revenue Officer (CRO)', 'Chief Revenue Officer'],
    ['chief AI scientist', 'Chief AI Scientist'],
    ['head of AI research', 'Head of AI Research'],
    ['SVP of Ads', 'Senior Vice President of Ads'],
    ['VP, Sales', 'Vice President of Sales'],
    ['EVP of global affairs', 'Executive Vice President of Global Affairs'],
    ['former CEO', 'Chief Executive Officer'],
    ['new head of engineering', 'Head of Engineering'],
    ['finance minister', 'Finance Minister'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeTitle(raw)).toBe(want);
  });
});

describe('findTitles', () => {
  const raws = (s: string): string[] => findTitles(s).map((t) => t.raw);
  it('finds titles and keeps function areas but not organisations', () => {
    expect(raws('John Doe, the company’s Chief Revenue Officer (CRO), left.')).toEqual(['Chief Revenue Officer (CRO)']);
    expect(raws('She was named president of Fairway Airlines.')).toEqual(['president']);
    expect(raws('He becomes VP of Sales and head of AI research.')).toEqual(['VP of Sales', 'head of AI research']);
  });
  it('ignores lower-case abbreviations and bare nouns outside a role frame', () => {
    expect(raws('the ceo of nothing')).toEqual([]);
    expect(raws('a director can be a manager of time')).toEqual([]);
  });
});
