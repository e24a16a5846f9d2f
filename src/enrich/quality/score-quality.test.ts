import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDERS_PATH, loadProviderTable } from './provider-table.js';
import { formatReason, QUALITY_WEIGHTS, scoreQuality, type QualityInput } from './score-quality.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/quality/${name}`, import.meta.url), 'utf8');
const table = loadProviderTable(DEFAULT_PROVIDERS_PATH);
const NOW = Date.parse('2024-03-10T12:00:00Z');
const score = (input: QualityInput): ReturnType<typeof scoreQuality> => scoreQuality(input, table, { now: NOW });

const fullText = fixture('full-article.txt');
const teaser = fixture('paywalled-teaser.txt');
const good: QualityInput = {
  title: 'Harbor Robotics raises €140 million to build a second robot factory',
  text: fullText,
  excerpt: 'Harbor Robotics, a warehouse-automation start-up, raised 140 million euros to build a second factory.',
  byline: 'Mara Jansen',
  publishedDateTime: '2024-03-05T09:30:00Z',
  images: [{ url: 'https://img.example/robot.jpg', width: 1200, height: 800 }],
  provider: { name: 'Reuters', domain: 'www.reuters.com' },
  language: 'en',
  expectedLanguages: ['en'],
};
const bare: QualityInput = { title: good.title, text: fullText, publishedDateTime: good.publishedDateTime, provider: { name: 'Harbour Daily', domain: 'harbour-daily.example' } };

describe('scoreQuality — table of cases', () => {
  const cases: Array<{ name: string; input: QualityInput; min: number; max: number }> = [
    { name: 'full good article from a wire service', input: good, min: 80, max: 100 },
    { name: 'full article, unknown source, no byline or image', input: bare, min: 45, max: 65 },
    { name: 'paywalled teaser', input: { ...good, text: teaser, excerpt: teaser.slice(0, 140) }, min: 0, max: 45 },
    { name: 'title only', input: { title: 'Robots everywhere' }, min: 0, max: 20 },
    { name: 'excerpt only', input: { title: 'Robots', excerpt: 'A short teaser about robots in warehouses and what they cost.' }, min: 0, max: 30 },
  ];
  it.each(cases)('$name scores in [$min, $max]', ({ input, min, max }) => {
    const { score: s, reasons } = score(input);
    expect(Number.isInteger(s)).toBe(true);
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
    // Reasons explain the score: their points add up to it.
    expect(reasons.reduce((sum, r) => sum + r.points, 0)).toBe(s);
  });

  it('orders good > unknown-source > clickbait copy > teaser', () => {
    const clickbait = { ...bare, title: "You won't believe what this SHOCKING ROBOT did next!!" };
    const teaserScore = score({ ...bare, text: teaser, excerpt: teaser.slice(0, 140) }).score;
    expect(score(good).score).toBeGreaterThan(score(bare).score);
    expect(score(bare).score).toBeGreaterThan(score(clickbait).score);
    expect(score(clickbait).score).toBeGreaterThan(teaserScore);
  });
});

describe('scoreQuality — signals and their reasons', () => {
  const reasonOf = (input: QualityInput, signal: string): string[] =>
    score(input).reasons.filter((r) => r.signal === signal).map(formatReason);

  it('names the paywall cue and the teaser', () => {
    const input = { ...bare, text: teaser, excerpt: teaser.slice(0, 140) };
    expect(reasonOf(input, 'paywall')[0]).toMatch(/^-15 paywall cue: 'subscribe to continue'/);
    expect(reasonOf(input, 'teaser')[0]).toMatch(/^-15 teaser only/);
  });

  it('sees truncated text: ellipsis and mid-sentence', () => {
    const cutShort = fullText.split('\n\n').slice(0, 3).join('\n\n');
    expect(reasonOf({ ...bare, text: `${cutShort} and then the chief executive said that the …` }, 'truncated')).toEqual(['-10 text ends with an ellipsis']);
    expect(reasonOf({ ...bare, text: `${cutShort}\n\nThe company plans to double its staff over the next two years, while the founders, who own`}, 'truncated')).toEqual([
      '-8 text ends mid-sentence',
    ]);
    expect(reasonOf(bare, 'truncated')).toEqual([]);
  });

  it('gives length points by word band', () => {
    expect(reasonOf(good, 'length')[0]).toMatch(/^\+10 long text \(4\d\d words\)$/);
    expect(reasonOf({ ...good, text: `${fullText}\n\n${fullText}` }, 'length')[0]).toMatch(/^\+14 full text \(9\d\d words\)$/);
    expect(reasonOf({ ...good, wordCount: 1240 }, 'length')).toEqual(['+14 full text (1,240 words)']);
    expect(reasonOf({ ...good, text: 'Robots are coming to the warehouse.' }, 'length')).toEqual(['-10 very short text (6 words)']);
  });

  it('checks that the date is present and plausible', () => {
    expect(reasonOf(good, 'date')).toEqual(['+6 dated 2024-03-05']);
    expect(reasonOf({ ...good, publishedDateTime: undefined }, 'date')).toEqual(['-4 no publication date']);
    expect(reasonOf({ ...good, publishedDateTime: '2031-01-01T00:00:00Z' }, 'date')[0]).toMatch(/^-8 .*in the future/);
    expect(reasonOf({ ...good, publishedDateTime: '1970-01-01T00:00:00Z' }, 'date')[0]).toMatch(/^-8 .*implausibly old/);
    expect(reasonOf({ ...good, publishedDateTime: 'last Tuesday' }, 'date')[0]).toMatch(/^-8 .*not a date/);
  });

  it('finds reputation by domain, parent domain and name; unknown sources get the default', () => {
    expect(reasonOf(good, 'reputation')).toEqual(['+14 source reputation 0.95 (Reuters, reuters.com)']);
    expect(reasonOf({ ...good, provider: { name: 'BBC News', domain: 'news.bbc.co.uk' } }, 'reputation')[0]).toMatch(/^\+11 .*bbc\.co\.uk/);
    expect(reasonOf({ ...good, provider: { name: 'The Information' } }, 'reputation')[0]).toMatch(/^\+11 /);
    expect(reasonOf(bare, 'reputation')).toEqual(['+0 unknown source (harbour-daily.example): default reputation 0.50']);
    expect(reasonOf({ ...good, provider: { name: 'PR Newswire', domain: 'prnewswire.com' } }, 'reputation')[0]).toMatch(/^-3 /);
  });

  it.each([
    ["You won't believe what this robot did", /clickbait phrase: 'you won't believe'/],
    ['This one trick cuts warehouse costs', /clickbait phrase: 'this one trick'/],
    ['SHOCKING ROBOT FAILURE stuns grocers', /shouting headline/],
    ['Robots are here!!!', /excessive punctuation: '!!!'/],
    ['Are robots coming for your job???', /excessive punctuation/],
    ['10 things you should know about warehouse robots', /number listicle: '10 things'/],
  ])('flags clickbait in %j', (title, re) => {
    const reasons = reasonOf({ ...bare, title }, 'clickbait');
    expect(reasons.join('\n')).toMatch(re);
    expect(score({ ...bare, title }).score).toBeLessThan(score(bare).score);
  });

  it('does not flag sober headlines with acronyms, numbers or one question', () => {
    for (const title of ['NASA and ESA sign AI pact', 'OpenAI hires 40 engineers in Paris', 'Will the EU delay its AI Act?', 'Top court rules on chip export case']) {
      expect(reasonOf({ ...bare, title }, 'clickbait')).toEqual([]);
    }
  });

  it('caps the clickbait penalty', () => {
    const worst = "SHOCKING!!! You won't believe this one trick: 7 secrets doctors hate UNBELIEVABLE";
    const total = score({ ...bare, title: worst }).reasons.filter((r) => r.signal === 'clickbait').reduce((s, r) => s + r.points, 0);
    expect(total).toBe(QUALITY_WEIGHTS.clickbaitCap);
  });

  it('penalises syndicated copies and unexpected languages', () => {
    expect(reasonOf({ ...good, syndicatedCopyOf: 'art_123' }, 'syndication')).toEqual(['-10 syndicated copy of art_123']);
    expect(reasonOf({ ...good, syndicatedCopyOf: null }, 'syndication')).toEqual([]);
    expect(reasonOf({ ...good, language: 'de' }, 'language')[0]).toMatch(/^-15 language 'de' is not one of the expected \(en\)/);
    expect(reasonOf({ ...good, language: 'en-GB' }, 'language')).toEqual(["+0 language 'en' as expected"]);
    expect(reasonOf({ ...good, language: 'und' }, 'language')[0]).toMatch(/^-3 language unknown/);
  });
});

describe('scoreQuality — monotonicity', () => {
  // Varied inputs: each combination of text, date, provider, title style.
  const variants: QualityInput[] = [];
  for (const text of [undefined, '', teaser, fullText, 'Short note.'])
    for (const publishedDateTime of [undefined, '2024-03-01T00:00:00Z', '2099-01-01T00:00:00Z'])
      for (const provider of [undefined, { name: 'x', domain: 'unknown.example' }, { name: 'Reuters', domain: 'reuters.com' }, { name: 'M', domain: 'medium.com' }])
        for (const title of ['Plain headline', 'SHOCKING!!! 5 reasons you WON’T BELIEVE'])
          variants.push({ title, text, publishedDateTime, provider, excerpt: teaser.slice(0, 100) });

  it('adding a byline, an image or a larger image never lowers the score', () => {
    for (const v of variants) {
      const base = score(v).score;
      expect(score({ ...v, byline: 'A. Writer' }).score).toBeGreaterThanOrEqual(base);
      expect(score({ ...v, authors: ['A. Writer'] }).score).toBeGreaterThanOrEqual(base);
      const small = score({ ...v, images: [{ url: 'https://i.example/a.jpg', width: 200 }] }).score;
      expect(small).toBeGreaterThanOrEqual(base);
      expect(score({ ...v, images: [{ url: 'https://i.example/a.jpg', width: 1600, height: 900 }] }).score).toBeGreaterThanOrEqual(small);
    }
  });

  it('a better reputation never lowers the score; a syndicated copy never raises it', () => {
    for (const v of variants) {
      expect(score({ ...v, provider: { name: 'Reuters', domain: 'reuters.com' } }).score).toBeGreaterThanOrEqual(score({ ...v, provider: { name: 'M', domain: 'medium.com' } }).score);
      expect(score({ ...v, syndicatedCopyOf: 'x' }).score).toBeLessThanOrEqual(score(v).score);
    }
  });
});

describe('scoreQuality — bad input never throws', () => {
  it.each([
    ['empty title and text', { title: '', text: '' }],
    ['2 MB text', { title: 'Big', text: 'Robots move boxes in a cold warehouse. '.repeat(55_000) }],
    ['Chinese text', { title: '深圳机器人公司融资', text: fixture('chinese.txt'), language: 'zh', expectedLanguages: ['en'] }],
    ['Arabic text', { title: 'شركة روبوتات', text: fixture('arabic.txt'), language: 'ar' }],
    ['garbage types', { title: 42, text: null, images: [null, { url: '' }], authors: [7] } as unknown as QualityInput],
  ])('%s', (_name, input) => {
    const t0 = performance.now();
    const result = score(input);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(result.reasons.length).toBeGreaterThan(1);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('counts Chinese words by characters', () => {
    const r = score({ title: 't', text: fixture('chinese.txt') }).reasons.find((x) => x.signal === 'length');
    expect(r?.detail).toMatch(/\((\d\d) words\)/);
  });
});
